import type { TrainResult } from '../../protocol/messages';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** "Per-class metrics" and "Confusion matrix" on the validation split. */
export function ValidationReport({ result, classes }: { result: TrainResult; classes: string[] }) {
  const { validation, confusion } = result;
  const rowTotals = confusion.map((row) => row.reduce((a, b) => a + b, 0));
  return (
    <div className="two-col">
      <table aria-label="Per-class metrics" className="card">
        <caption>Validation split: {validation.total.toLocaleString('en-US')} texts, accuracy {pct(validation.accuracy)}</caption>
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
          {validation.perClass.map((m, i) => (
            <tr key={classes[i] ?? i}>
              <th scope="row">{classes[i]}</th>
              <td className="num">{pct(m.precision)}</td>
              <td className="num">{pct(m.recall)}</td>
              <td className="num">{pct(m.f1)}</td>
              <td className="num">{m.support}</td>
            </tr>
          ))}
          {(['macro', 'weighted'] as const).map((k) => (
            <tr key={k} className="avg">
              <th scope="row">{k} average</th>
              <td className="num">{pct(validation[k].precision)}</td>
              <td className="num">{pct(validation[k].recall)}</td>
              <td className="num">{pct(validation[k].f1)}</td>
              <td className="num">{validation.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table aria-label="Confusion matrix" className="card confusion">
        <caption>Rows: true class · columns: predicted · cells: count (share of the row)</caption>
        <thead>
          <tr>
            <td />
            {classes.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {confusion.map((row, t) => (
            <tr key={classes[t] ?? t}>
              <th scope="row">{classes[t]}</th>
              {row.map((count, p) => {
                const rate = rowTotals[t] ? count / rowTotals[t] : 0;
                return (
                  <td key={p} className={`num cell${t === p ? ' diag' : ''}`} style={{ ['--heat' as string]: rate }}>
                    {count} <span className="rate">({pct(rate)})</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
