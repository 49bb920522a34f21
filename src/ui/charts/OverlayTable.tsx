import { ChartTable } from './ChartTable';
import type { OverlayRun } from './OverlayChart';

/** The overlay charts' text alternative: each compared run's value per epoch, behind "Show as table". */
export function OverlayTable({ runs, label, format }: { runs: readonly OverlayRun[]; label: string; format: (v: number) => string }) {
  const epochs = Math.max(0, ...runs.map((r) => r.values.length));
  return (
    <ChartTable
      label={label}
      columns={['Epoch', ...runs.map((run) => run.name)]}
      rows={Array.from({ length: epochs }, (_, i) => ({
        key: i,
        cells: [i + 1, ...runs.map((run) => (i < run.values.length && Number.isFinite(run.values[i]) ? format(run.values[i]) : '—'))],
      }))}
    />
  );
}
