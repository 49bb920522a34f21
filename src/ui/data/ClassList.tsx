import { useMemo, useState, type ReactNode } from 'react';
import { classesByCount, pageOf, summariseClasses } from '../../core/data/classSummary';
import { count } from '../../core/format';
import './classList.css';

/** Classes named one by one before the rest are summed as "other". */
export const TOP_CLASSES = 12;
/** Classes per page of the full list. */
export const PAGE_SIZE = 100;

/** What a class list shows: a summary (top classes + other), or one page of every class by count. */
export interface ClassView {
  /** Class indices to draw one by one. */
  rows: number[];
  /** The classes summed in an "other" row, or null when there is none to draw. */
  other: { classes: number[]; examples: number } | null;
  /** The "Show all N classes" button and the page controls; null when every class is already shown. */
  controls: ReactNode;
}

/**
 * A class list that stays small with thousands of classes: the TOP_CLASSES largest plus an
 * "other" row; "Show all N classes" pages through every class (PAGE_SIZE at a time, largest first).
 */
export function useClassView(counts: readonly number[], label: string): ClassView {
  const [showAll, setShowAll] = useState(false);
  const [page, setPage] = useState(0);
  const summary = useMemo(() => summariseClasses(counts, TOP_CLASSES), [counts]);
  const ordered = useMemo(() => (showAll ? classesByCount(counts) : []), [counts, showAll]);
  if (summary.other.length === 0) return { rows: summary.shown, other: null, controls: null };
  const current = showAll ? pageOf(ordered, page, PAGE_SIZE) : null;
  const controls = (
    <div className="class-pager" role="group" aria-label={`${label}: pages`}>
      <button type="button" aria-expanded={showAll} onClick={() => {
          setShowAll(!showAll);
          setPage(0);
        }}>
        {showAll ? `Show the ${TOP_CLASSES} largest classes` : `Show all ${count(counts.length)} classes`}
      </button>
      {current && (
        <>
          <button type="button" disabled={current.page === 0} onClick={() => setPage(current.page - 1)}>
            Previous {PAGE_SIZE}
          </button>
          <span aria-live="polite">
            Classes {count(current.from)}–{count(current.to)} of {count(counts.length)}, largest first
          </span>
          <button type="button" disabled={current.page === current.pages - 1} onClick={() => setPage(current.page + 1)}>
            Next {PAGE_SIZE}
          </button>
        </>
      )}
    </div>
  );
  if (current) return { rows: current.items, other: null, controls };
  return { rows: summary.shown, other: { classes: summary.other, examples: summary.otherCount }, controls };
}

/** The name of an "other" row: "Other 9,988 classes". */
export const otherName = (classes: number) => `Other ${count(classes)} ${classes === 1 ? 'class' : 'classes'}`;
