import type { WeightQuantization } from '../../core/export/quantize';
import type { QuantizationReport } from '../../protocol/messages';
import { formatBytes, percent } from '../../core/format';

const NAMES: Record<WeightQuantization, string> = { none: 'float32', float16: 'float16', uint8: '8-bit' };

/** Size and held-out accuracy of each weight format, against float32. */
export function QuantizationTable({ report, selected }: { report: QuantizationReport; selected: WeightQuantization }) {
  const base = report.options.find((o) => o.mode === 'none');
  const splitName = report.split === 'test' ? 'test' : 'validation';
  return (
    <table aria-label="Weight formats" className="formats-table">
      <caption>
        {report.split
          ? `Measured on ${report.rows < report.heldOut ? `${report.rows.toLocaleString('en-US')} of the ${report.heldOut.toLocaleString('en-US')}` : `the ${report.rows.toLocaleString('en-US')}`} ${splitName} texts held out from training (${report.rows < report.heldOut ? 'an evenly spread sample, ' : ''}${(report.elapsedMs / 1000).toFixed(1)} s), with the weights as tfjs loads them back.`
          : 'Accuracy needs held-out texts: for a loaded model, press “Evaluate on the current data” in Evaluate first; only sizes are shown.'}
      </caption>
      <thead>
        <tr>
          <th scope="col">Weights</th>
          <th scope="col" className="num">
            Size
          </th>
          <th scope="col" className="num">
            {report.split ? `${splitName[0].toUpperCase()}${splitName.slice(1)} accuracy` : 'Accuracy'}
          </th>
          <th scope="col" className="num">
            Change
          </th>
        </tr>
      </thead>
      <tbody>
        {report.options.map((o) => {
          const change = o.accuracy !== null && base?.accuracy != null ? (o.accuracy - base.accuracy) * 100 : null;
          return (
            <tr key={o.mode} aria-current={o.mode === selected ? 'true' : undefined} className={o.mode === selected ? 'selected' : undefined}>
              <th scope="row">{NAMES[o.mode]}</th>
              <td className="num">
                {formatBytes(o.weightsBytes)}
                {base && o.mode !== 'none' ? ` (${Math.round((o.weightsBytes / base.weightsBytes) * 100)}%)` : ''}
              </td>
              <td className="num">{percent(o.accuracy)}</td>
              <td className="num">{change === null ? '—' : `${change >= 0 ? '+' : '−'}${Math.abs(change).toFixed(1)} points`}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
