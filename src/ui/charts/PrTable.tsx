import './charts.css';

/** One point of the drawn curve: recall, precision (0–1) and the threshold that gives them. */
export interface PrRow {
  recall: number;
  precision: number;
  threshold: number;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** The curve's text alternative: at most ~20 evenly spaced points of it, behind "Show as table". */
export function PrTable({ rows }: { rows: readonly PrRow[] }) {
  const every = Math.max(1, Math.ceil(rows.length / 20));
  const shown = rows.filter((_, i) => i % every === 0 || i === rows.length - 1);
  return (
    <details className="chart-table">
      <summary>Show as table</summary>
      <div className="table-scroll">
        <table aria-label="Precision and recall per threshold">
          <thead>
            <tr>
              <th scope="col">Threshold</th>
              <th scope="col">Recall</th>
              <th scope="col">Precision</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r, i) => (
              <tr key={i}>
                <td>{Number.isFinite(r.threshold) ? r.threshold.toFixed(3) : 'above every score'}</td>
                <td>{pct(r.recall)}</td>
                <td>{pct(r.precision)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
