import { percent } from '../../core/format';
import { ChartTable } from './ChartTable';

/** One point of the drawn curve: recall, precision (0–1) and the threshold that gives them. */
export interface PrRow {
  recall: number;
  precision: number;
  threshold: number;
}

/** The curve's text alternative: at most ~20 evenly spaced points of it, behind "Show as table". */
export function PrTable({ rows }: { rows: readonly PrRow[] }) {
  const every = Math.max(1, Math.ceil(rows.length / 20));
  const shown = rows.filter((_, i) => i % every === 0 || i === rows.length - 1);
  return (
    <ChartTable
      label="Precision and recall per threshold"
      columns={['Threshold', 'Recall', 'Precision']}
      rows={shown.map((r, i) => ({
        key: i,
        cells: [Number.isFinite(r.threshold) ? r.threshold.toFixed(3) : 'above every score', percent(r.recall), percent(r.precision)],
      }))}
    />
  );
}
