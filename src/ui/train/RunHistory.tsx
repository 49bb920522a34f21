import { useShallow } from 'zustand/react/shallow';
import { deleteRun } from '../../client/runHistory';
import { diffConfigs } from '../../core/train/runDiff';
import { RunModelCell } from './RunModelCell';
import { useStudio, type RunHistoryEntry } from '../../store/store';
import { LineChart, type Series } from '../charts/LineChart';
import { percent as pct } from '../../core/format';

const COLORS = ['#2563eb', '#ea580c', '#16a34a', '#9333ea', '#db2777', '#0891b2'];
const when = (id: number) => new Date(id).toLocaleString();

/** Every finished run, kept in IndexedDB: pick some to overlay their curves and diff their settings. */
export function RunHistory() {
  const { history, compare } = useStudio(useShallow((s) => ({ history: s.train.history, compare: s.train.compare })));
  const picked = compare.map((id) => history.find((r) => r.id === id)).filter((r): r is RunHistoryEntry => r !== undefined);
  const toggle = useStudio((s) => s.toggleCompare);
  return (
    <section aria-label="Run history" className="card">
      <h3>Run history</h3>
      {history.length === 0 ? (
        <p className="empty">Finished runs are kept here, in this browser, to compare them.</p>
      ) : (
        <div className="table-scroll">
          <table aria-label="Runs">
            <thead>
              <tr>
                <th scope="col">Compare</th>
                <th scope="col">Finished</th>
                <th scope="col">Dataset</th>
                <th scope="col">Model</th>
                <th scope="col" className="num">Epochs</th>
                <th scope="col" className="num">Val. accuracy</th>
                <th scope="col">Backend</th>
                <th scope="col" className="num">Duration</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {history.map((run) => (
                <tr key={run.id}>
                  <td>
                    <input type="checkbox" aria-label={`Compare the run of ${when(run.id)}`} checked={compare.includes(run.id)} onChange={() => toggle(run.id)} />
                  </td>
                  <td>{when(run.id)}</td>
                  <td>{run.dataset}</td>
                  <RunModelCell spec={run.spec} when={when(run.id)} />
                  <td className="num">{run.result.epochs.length}</td>
                  <td className="num">{pct(run.result.valAccuracy)}</td>
                  <td>{run.result.backend}</td>
                  <td className="num">{(run.result.durationMs / 1000).toFixed(1)} s</td>
                  <td>
                    <button type="button" className="link" aria-label={`Delete the run of ${when(run.id)}`} onClick={() => void deleteRun(run.id)}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {picked.length >= 2 && <Comparison runs={picked} />}
      {picked.length === 1 && <p className="hint">Pick one more run to compare.</p>}
    </section>
  );
}

function Comparison({ runs }: { runs: RunHistoryEntry[] }) {
  const series = (metric: 'valAccuracy' | 'valLoss'): Series[] =>
    runs.map((run, i) => ({
      name: when(run.id),
      color: COLORS[i % COLORS.length],
      dots: true,
      points: run.result.epochs.map((e) => ({ x: e.epoch, y: e[metric] })),
    }));
  const rows = diffConfigs(runs.map((r) => ({ dataset: r.dataset, model: r.spec, training: { ...r.config }, tokenizer: r.tokenizer })));
  return (
    <div className="comparison">
      <div className="charts">
        <figure aria-label="Validation accuracy of the compared runs" className="chart">
          <h3>Validation accuracy</h3>
          <LineChart series={series('valAccuracy')} xLabel="epochs" yDomain={[0, 1]} formatY={(v) => `${Math.round(v * 100)}%`} />
        </figure>
        <figure aria-label="Validation loss of the compared runs" className="chart">
          <h3>Validation loss</h3>
          <LineChart series={series('valLoss')} xLabel="epochs" formatY={(v) => v.toFixed(2)} />
        </figure>
      </div>
      <ul className="legend">
        {runs.map((run, i) => (
          <li key={run.id}>
            <span className="swatch" style={{ borderColor: COLORS[i % COLORS.length] }} /> {when(run.id)}: {pct(run.result.valAccuracy)}
          </li>
        ))}
      </ul>
      <table aria-label="Settings that differ">
        <caption>{rows.length ? 'Settings that differ between these runs' : 'These runs used the same settings.'}</caption>
        {rows.length > 0 && (
          <>
            <thead>
              <tr>
                <th scope="col">Setting</th>
                {runs.map((run, i) => (
                  <th key={run.id} scope="col" style={{ color: COLORS[i % COLORS.length] }}>
                    {when(run.id)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.path}>
                  <th scope="row">{row.path}</th>
                  {row.values.map((v, i) => (
                    <td key={i}>{v}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </>
        )}
      </table>
    </div>
  );
}
