import { count } from '../../core/format';
import { binRange, type Bin } from './binRange';
import './charts.css';

/** The histogram's text alternative: every bin and its count, behind "Show as table". */
export function HistogramTable({ bins, format, label }: { bins: readonly Bin[]; format: (v: number) => string; label: string }) {
  return (
    <details className="chart-table">
      <summary>Show as table</summary>
      <div className="table-scroll">
        <table aria-label={label}>
          <thead>
            <tr>
              <th scope="col">Range</th>
              <th scope="col">Texts</th>
            </tr>
          </thead>
          <tbody>
            {bins.map((b) => (
              <tr key={b.from}>
                <td>{binRange(b, format)}</td>
                <td>{count(b.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
