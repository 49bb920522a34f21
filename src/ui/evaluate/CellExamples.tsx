import { useMemo } from 'react';
import { cellMembers } from '../../core/eval/evaluation';
import type { Cell } from './ConfusionMatrix';
import { useTexts } from './useTexts';
import type { SplitReport } from './useSplitReport';
import { percent as pct } from '../../core/format';

const SHOWN = 50;

/** "Cell examples": the texts behind the selected confusion-matrix cell. */
export function CellExamples({ report, cell }: { report: SplitReport; cell: Cell }) {
  const { data, predicted, classes } = report;
  const K = classes.length;
  const members = useMemo(() => cellMembers(data.truth, predicted, cell.t, cell.p), [data, predicted, cell.t, cell.p]);
  const shown = members.slice(0, SHOWN);
  const { texts, error } = useTexts(useMemo(() => shown.map((i) => data.rows[i]), [shown, data]));
  return (
    <section aria-label="Cell examples" className="card">
      <h3>
        True “{classes[cell.t]}”, predicted “{classes[cell.p]}”: {members.length.toLocaleString('en-US')} text{members.length === 1 ? '' : 's'}
        {members.length > SHOWN ? ` (first ${SHOWN} shown)` : ''}
      </h3>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {members.length === 0 ? (
        <p className="empty">No texts in this cell.</p>
      ) : texts === null ? (
        <p className="busy">Loading texts…</p>
      ) : (
        <ol className="examples">
          {shown.map((i, j) => (
            <li key={i}>
              <span className="confidence">{pct(data.probs[i * K + predicted[i]])}</span> {texts[j]}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
