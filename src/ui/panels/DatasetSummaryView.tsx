import type { DatasetSummary } from '../../protocol/messages';
import { DatasetChecks } from '../data/DatasetChecks';
import { count, percent, withUnit } from '../../core/format';
import { LengthHistogram } from '../data/LengthHistogram';
import { ClassDistribution } from '../data/ClassDistribution';

/** "Dataset summary": examples, classes, class distribution, text lengths and every check of the data. */
export function DatasetSummaryView({ summary }: { summary: DatasetSummary }) {
  return (
    <section aria-label="Dataset summary" className="card">
      <h3>Dataset summary</h3>
      <p className="stats">
        <strong>{withUnit(summary.examples, 'example')}</strong> · <strong>{count(summary.classes.length)} {summary.classes.length === 1 ? 'class' : 'classes'}</strong> · mean length {count(Math.round(summary.meanChars))}{' '}
        characters · majority class {percent(summary.majorityRate)}
        {summary.dropped > 0 && ` · ${count(summary.dropped)} duplicate rows dropped`}
      </p>
      <DatasetChecks checks={summary.checks} />
      <ClassDistribution classes={summary.classes} counts={summary.classCounts} examples={summary.examples} />
      <LengthHistogram lengths={summary.lengths} texts={summary.examples} />
    </section>
  );
}
