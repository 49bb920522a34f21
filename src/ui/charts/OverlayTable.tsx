import type { OverlayRun } from './OverlayChart';
import './charts.css';

/** The overlay charts' text alternative: each compared run's value per epoch, behind "Show as table". */
export function OverlayTable({ runs, label, format }: { runs: readonly OverlayRun[]; label: string; format: (v: number) => string }) {
  const epochs = Math.max(0, ...runs.map((r) => r.values.length));
  return (
    <details className="chart-table">
      <summary>Show as table</summary>
      <div className="table-scroll">
        <table aria-label={label}>
          <thead>
            <tr>
              <th scope="col">Epoch</th>
              {runs.map((run) => (
                <th key={run.key} scope="col">
                  {run.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: epochs }, (_, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                {runs.map((run) => (
                  <td key={run.key}>{i < run.values.length && Number.isFinite(run.values[i]) ? format(run.values[i]) : '—'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
