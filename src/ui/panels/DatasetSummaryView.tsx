import type { DatasetSummary } from '../../protocol/messages';
import { DatasetChecks } from '../data/DatasetChecks';
import { count, percent, withUnit } from '../../core/format';
import { LengthHistogram } from '../data/LengthHistogram';

/** "Dataset summary": examples, classes, class distribution, text lengths and every check of the data. */
export function DatasetSummaryView({ summary }: { summary: DatasetSummary }) {
  const max = Math.max(...summary.classCounts, 1);
  return (
    <section aria-label="Dataset summary" className="card">
      <h3>Dataset summary</h3>
      <p className="stats">
        <strong>{withUnit(summary.examples, 'example')}</strong> · <strong>{summary.classes.length} {summary.classes.length === 1 ? 'class' : 'classes'}</strong> · mean length {count(Math.round(summary.meanChars))}{' '}
        characters · majority class {percent(summary.majorityRate)}
        {summary.dropped > 0 && ` · ${count(summary.dropped)} duplicate rows dropped`}
      </p>
      <DatasetChecks checks={summary.checks} />
      <ul className="bars" aria-label="Class distribution">
        {summary.classes.map((name, i) => (
          <li key={name}>
            <span className="bar-label">{name}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-fill" style={{ width: `${(summary.classCounts[i] / max) * 100}%` }} />
            </span>
            <span className="bar-value">
              {count(summary.classCounts[i])} ({percent(summary.classCounts[i] / Math.max(1, summary.examples))})
            </span>
          </li>
        ))}
      </ul>
      <LengthHistogram lengths={summary.lengths} texts={summary.examples} />
    </section>
  );
}
