import { useMemo } from 'react';
import { maxCount } from '../../core/data/classSummary';
import { count, percent } from '../../core/format';
import { otherName, useClassView } from './ClassList';

/** "Class distribution": a bar per class, summarised (largest classes + other) when there are many. */
export function ClassDistribution({ classes, counts, examples }: { classes: string[]; counts: number[]; examples: number }) {
  const view = useClassView(counts, 'Class distribution');
  const max = useMemo(() => Math.max(1, maxCount(counts)), [counts]);
  const share = (n: number) => `${count(n)} (${percent(n / Math.max(1, examples))})`;
  return (
    <>
      <ul className="bars" aria-label="Class distribution">
        {view.rows.map((c) => (
          <li key={c}>
            <span className="bar-label">{classes[c]}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-fill" style={{ width: `${(counts[c] / max) * 100}%` }} />
            </span>
            <span className="bar-value">{share(counts[c])}</span>
          </li>
        ))}
        {view.other && (
          <li className="other-classes">
            <span className="bar-label">{otherName(view.other.classes.length)}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-fill" style={{ width: `${Math.min(1, view.other.examples / Math.max(1, examples)) * 100}%` }} />
            </span>
            <span className="bar-value">{share(view.other.examples)}</span>
          </li>
        )}
      </ul>
      {view.controls}
    </>
  );
}
