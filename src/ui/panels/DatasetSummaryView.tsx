import type { DatasetSummary } from '../../protocol/messages';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** "Dataset summary": examples, classes, class distribution and the problems found. */
export function DatasetSummaryView({ summary }: { summary: DatasetSummary }) {
  const max = Math.max(...summary.classCounts, 1);
  const imbalance = summary.classCounts.length > 1 ? max / Math.max(1, Math.min(...summary.classCounts)) : 1;
  return (
    <section aria-label="Dataset summary" className="card">
      <h3>Dataset summary</h3>
      <p className="stats">
        <strong>{summary.examples.toLocaleString('en-US')} examples</strong> · <strong>{summary.classes.length} classes</strong> · mean length{' '}
        {Math.round(summary.meanChars)} characters · majority class {pct(summary.majorityRate)}
      </p>
      {summary.classes.length < 2 && (
        <p role="alert" className="error">
          Only one class was found in the label column: a classifier needs at least two. Check that the right column is chosen as “Label column”.
        </p>
      )}
      {imbalance >= 5 && (
        <p className="notice">
          Imbalanced classes: the largest is {imbalance.toFixed(1)}× the smallest. Accuracy alone will flatter the model; read per-class recall in Evaluate.
        </p>
      )}
      <ul className="bars" aria-label="Class distribution">
        {summary.classes.map((name, i) => (
          <li key={name}>
            <span className="bar-label">{name}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-fill" style={{ width: `${(summary.classCounts[i] / max) * 100}%` }} />
            </span>
            <span className="bar-value">
              {summary.classCounts[i].toLocaleString('en-US')} ({pct(summary.classCounts[i] / Math.max(1, summary.examples))})
            </span>
          </li>
        ))}
      </ul>
      {summary.problems.map((p) => (
        <p key={p.kind} className="notice">
          {p.message}
        </p>
      ))}
    </section>
  );
}
