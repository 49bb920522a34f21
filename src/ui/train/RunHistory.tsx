import { useShallow } from 'zustand/react/shallow';
import { deleteRun } from '../../client/runHistory';
import { diffConfigs } from '../../core/train/runDiff';
import { RunModelCell } from './RunModelCell';
import { useStudio, type RunHistoryEntry } from '../../store/store';
import { Suspense, useState } from 'react';
import { ChartPlaceholder } from '../charts/ChartPlaceholder';
import { LegendToggles, toggled } from '../charts/LegendToggles';
import { OverlayChart } from '../charts/lazyCharts';
import type { OverlayRun } from '../charts/OverlayChart';
import { OverlayTable } from '../charts/OverlayTable';
import { percent as pct } from '../../core/format';

const COLORS = ['var(--chart-train)', 'var(--chart-val)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)', 'var(--chart-6)'];
const when = (id: number) => new Date(id).toLocaleString();
const METHOD = { grid: 'grid', random: 'random', halving: 'halving' } as const;
/** "Trial 3 of the random search of 14:02:11". */
const searchTag = (tag: NonNullable<RunHistoryEntry['search']>) => `Trial ${tag.trial} of the ${METHOD[tag.method]} search of ${new Date(tag.startedAt).toLocaleTimeString()}`;

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
                <th scope="col" className="num">
                  <abbr title="Validation accuracy of the linear baseline (TF-IDF + logistic regression) on the same split">Baseline</abbr>
                </th>
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
                  <td>
                    {when(run.id)}
                    {run.search && <span className="run-tag">{searchTag(run.search)}</span>}
                  </td>
                  <td>{run.dataset}</td>
                  <RunModelCell spec={run.spec} when={when(run.id)} />
                  <td className="num">{run.result.epochs.length}</td>
                  <td className="num">{pct(run.result.valAccuracy)}</td>
                  <td className="num">{pct(run.baseline?.validation.accuracy ?? null)}</td>
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
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const overlay = (metric: 'valAccuracy' | 'valLoss'): OverlayRun[] =>
    runs.map((run, i) => ({ key: String(run.id), name: when(run.id), color: COLORS[i % COLORS.length], values: run.result.epochs.map((e) => e[metric]) }));
  const legend = runs.map((run, i) => ({ key: String(run.id), label: `${when(run.id)}: ${pct(run.result.valAccuracy)}`, color: COLORS[i % COLORS.length] }));
  const rows = diffConfigs(runs.map((r) => ({ dataset: r.dataset, model: r.spec, training: { ...r.config }, tokenizer: r.tokenizer })));
  return (
    <div className="comparison">
      <LegendToggles items={legend} hidden={hidden} onToggle={(key) => setHidden((h) => toggled(h, key))} />
      <div className="charts">
        <figure aria-label="Validation accuracy of the compared runs" className="chart">
          <h3>Validation accuracy</h3>
          <Suspense fallback={<ChartPlaceholder height={240} />}>
            <OverlayChart runs={overlay('valAccuracy')} hidden={hidden} yLabel="validation accuracy (%)" percent title="Validation accuracy of the compared runs" />
          </Suspense>
          <OverlayTable runs={overlay('valAccuracy')} label="Validation accuracy per epoch and run" format={(v) => pct(v, 2)} />
        </figure>
        <figure aria-label="Validation loss of the compared runs" className="chart">
          <h3>Validation loss</h3>
          <Suspense fallback={<ChartPlaceholder height={240} />}>
            <OverlayChart runs={overlay('valLoss')} hidden={hidden} yLabel="validation loss" percent={false} title="Validation loss of the compared runs" />
          </Suspense>
          <OverlayTable runs={overlay('valLoss')} label="Validation loss per epoch and run" format={(v) => v.toFixed(4)} />
        </figure>
      </div>
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
