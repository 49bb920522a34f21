import type { SplitReport } from './useSplitReport';
import { percent as pct } from '../../core/format';

/** What the table reads: a split's report (live predictions, or a loaded model's stored metrics). */
export type MetricsSource = Pick<SplitReport, 'report' | 'classes'> & { data: Pick<SplitReport['data'], 'name' | 'file'> };

/** "Per-class metrics": precision, recall, F1 and support, with macro and weighted averages. */
export function MetricsTable({ report: r }: { report: MetricsSource }) {
  const { report, classes, data } = r;
  // Scrolls sideways on its own at 375 px instead of clipping its last columns.
  return (
    <div style={{ overflowX: 'auto', minWidth: 0 }}>
      <table aria-label="Per-class metrics" className="card">
        <caption>
          {data.file ? `Test file: ${data.file.name} ·` : `${data.name === 'test' ? 'Test' : 'Validation'} split:`} {report.total.toLocaleString('en-US')} texts, accuracy <strong>{pct(report.accuracy)}</strong>
        </caption>
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col" className="num">Precision</th>
            <th scope="col" className="num">Recall</th>
            <th scope="col" className="num">F1</th>
            <th scope="col" className="num">Support</th>
          </tr>
        </thead>
        <tbody>
          {report.perClass.map((m, i) => (
            <tr key={classes[i]}>
              <th scope="row">{classes[i]}</th>
              <td className="num">{pct(m.precision)}</td>
              <td className="num">{pct(m.recall)}</td>
              <td className="num">{pct(m.f1)}</td>
              <td className="num">{m.support.toLocaleString('en-US')}</td>
            </tr>
          ))}
          {(['macro', 'weighted'] as const).map((k) => (
            <tr key={k} className="avg">
              <th scope="row">{k} average</th>
              <td className="num">{pct(report[k].precision)}</td>
              <td className="num">{pct(report[k].recall)}</td>
              <td className="num">{pct(report[k].f1)}</td>
              <td className="num">{report.total.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
