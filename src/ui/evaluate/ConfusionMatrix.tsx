import { useRef, type KeyboardEvent } from 'react';
import type { SplitReport } from './useSplitReport';
import { percent as pct } from '../../core/format';

export interface Cell {
  t: number;
  p: number;
}

interface Props {
  report: Pick<SplitReport, 'confusion' | 'classes'>;
  selected: Cell | null;
  /** Absent: the matrix is read-only (a loaded model's stored matrix has no texts behind it). */
  onSelect?: (cell: Cell) => void;
}

/**
 * "Confusion matrix" heatmap: rows are true classes, columns predictions, each cell a button
 * with its count and row rate. Arrow keys move between cells (one tab stop), Enter selects.
 */
export function ConfusionMatrix({ report, selected, onSelect }: Props) {
  const { confusion, classes } = report;
  const K = classes.length;
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const focus = selected ?? { t: 0, p: 0 };
  const rowTotals = confusion.map((row) => row.reduce((a, b) => a + b, 0));
  const onKeyDown = (event: KeyboardEvent, t: number, p: number) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    if (!onSelect) return;
    const nt = Math.min(K - 1, Math.max(0, t + move[0]));
    const np = Math.min(K - 1, Math.max(0, p + move[1]));
    onSelect({ t: nt, p: np });
    refs.current[nt * K + np]?.focus();
  };
  // Scrolls sideways on its own at 375 px instead of clipping its last columns.
  return (
    <div style={{ overflowX: 'auto', minWidth: 0 }}>
      <table aria-label="Confusion matrix" className="card confusion">
        <caption>Rows: true class · columns: predicted · count (share of the row).{onSelect ? ' Select a cell to see its texts.' : ''}</caption>
        <thead>
          <tr>
            <td />
            {classes.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {confusion.map((row, t) => (
            <tr key={classes[t]}>
              <th scope="row">{classes[t]}</th>
              {row.map((count, p) => {
                const rate = rowTotals[t] ? count / rowTotals[t] : 0;
                const isSelected = selected?.t === t && selected.p === p;
                return (
                  <td key={p} className={`num cell${t === p ? ' diag' : ''}`} style={{ ['--heat' as string]: rate }}>
                    {onSelect ? (
                      <button
                        type="button"
                        ref={(el) => {
                          refs.current[t * K + p] = el;
                        }}
                        tabIndex={focus.t === t && focus.p === p ? 0 : -1}
                        aria-pressed={isSelected}
                        aria-label={`true ${classes[t]}, predicted ${classes[p]}: ${count} texts (${pct(rate)} of ${classes[t]})`}
                        onClick={() => onSelect({ t, p })}
                        onKeyDown={(e) => onKeyDown(e, t, p)}
                      >
                        {count} <span className="rate">({pct(rate)})</span>
                      </button>
                    ) : (
                      <>
                        {count} <span className="rate">({pct(rate)})</span>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
