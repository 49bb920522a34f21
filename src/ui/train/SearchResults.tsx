import { Suspense, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatDuration, percent as pct } from '../../core/format';
import { bestTrial, rankTrials } from '../../core/train/searchResults';
import { PARAM_INFO, SEARCH_PARAMS, type SearchParam } from '../../core/train/searchSpace';
import { useStudio } from '../../store/store';
import { ChartPlaceholder } from '../charts/ChartPlaceholder';
import { SearchChart } from '../charts/lazyCharts';
import type { SearchPoint } from '../charts/SearchChart';
import { statusText, valueText } from './searchWords';

const seconds = (ms: number) => (ms <= 0 ? '—' : ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : formatDuration(ms / 1000));

/**
 * "Search results": the live leaderboard (best first), a chart of the score against a chosen
 * setting, and "Apply best", which sets the Model and Train steps to the best trial's settings.
 */
export function SearchResults() {
  const { rows, status, applied, majority } = useStudio(
    useShallow((s) => ({ rows: s.search.rows, status: s.search.status, applied: s.search.applied, majority: s.search.counts?.majority ?? null })),
  );
  const apply = useStudio((s) => s.applyBestTrial);
  const varied = SEARCH_PARAMS.filter((p) => rows.some((r) => r.values[p] !== undefined));
  const [chosen, setChosen] = useState<SearchParam | null>(null);
  const axis = chosen && varied.includes(chosen) ? chosen : (varied[0] ?? null);
  if (rows.length === 0) return null;
  const ranked = rankTrials(rows);
  const best = bestTrial(rows);
  const searching = status === 'running' || status === 'cancelling';
  let rank = 0;
  return (
    <section aria-label="Search results" className="search-results">
      <h4>Search results</h4>
      <div className="table-scroll">
        <table aria-label="Search leaderboard">
          <thead>
            <tr>
              <th scope="col" className="num">Rank</th>
              <th scope="col" className="num">Trial</th>
              {varied.map((p) => (
                <th key={p} scope="col">
                  {PARAM_INFO[p].label}
                </th>
              ))}
              <th scope="col" className="num">Val. accuracy</th>
              <th scope="col" className="num">Macro F1</th>
              <th scope="col" className="num">Epochs</th>
              <th scope="col" className="num">Time</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((row) => {
              const scored = Number.isFinite(row.accuracy) && row.status !== 'running';
              return (
                <tr key={row.trial} className={row.trial === best?.trial ? 'best' : undefined}>
                  <td className="num">{scored ? ++rank : '—'}</td>
                  <td className="num">{row.trial}</td>
                  {varied.map((p) => (
                    <td key={p}>{valueText(p, row.values[p])}</td>
                  ))}
                  <td className="num">{Number.isFinite(row.accuracy) ? pct(row.accuracy) : '—'}</td>
                  <td className="num">{Number.isFinite(row.macroF1) ? row.macroF1.toFixed(3) : '—'}</td>
                  <td className="num">{row.epochs.length}</td>
                  <td className="num">{seconds(row.ms)}</td>
                  <td title={row.reason ?? undefined}>
                    {statusText(row)}
                    {row.reason && row.status !== 'running' && <span className="hint"> · {row.reason}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {majority !== null && <p className="hint">Always answering the most common class scores {pct(majority)} on this validation split.</p>}
      {axis && <ScoreChart axis={axis} varied={varied} onAxis={setChosen} points={chartPoints(rows, axis)} best={best?.trial ?? null} />}
      <div className="controls">
        <button type="button" className="primary" disabled={!best || searching} onClick={apply}>
          Apply best
        </button>
        {best && <span className="hint">Best so far: trial {best.trial}, {pct(best.accuracy)} validation accuracy.</span>}
      </div>
      {applied && (
        <p role="status" className="notice">
          {applied}
        </p>
      )}
    </section>
  );
}

function chartPoints(rows: ReturnType<typeof useStudio.getState>['search']['rows'], axis: SearchParam): SearchPoint[] {
  return rows
    .filter((r) => Number.isFinite(r.accuracy) && r.status !== 'running' && r.values[axis] !== undefined)
    .map((r) => ({ trial: r.trial, x: r.values[axis]!, y: r.accuracy, status: statusText(r) }));
}

function ScoreChart({ axis, varied, onAxis, points, best }: { axis: SearchParam; varied: SearchParam[]; onAxis: (p: SearchParam) => void; points: SearchPoint[]; best: number | null }) {
  const info = PARAM_INFO[axis];
  const categorical = axis === 'optimizer' || axis === 'kernelSizes';
  return (
    <figure aria-label="Score by setting" className="chart">
      <div className="field">
        <label htmlFor="search-axis">Chart against</label>
        <select id="search-axis" value={axis} onChange={(e) => onAxis(e.target.value as SearchParam)}>
          {varied.map((p) => (
            <option key={p} value={p}>
              {PARAM_INFO[p].label}
            </option>
          ))}
        </select>
      </div>
      {points.length === 0 ? (
        <p className="empty">Scores show here as trials finish.</p>
      ) : (
        <Suspense fallback={<ChartPlaceholder height={240} />}>
          <SearchChart points={points} xLabel={info.label.toLowerCase()} log={info.log} categorical={categorical} best={best} />
        </Suspense>
      )}
      <figcaption className="hint">
        Validation accuracy of {points.length} scored trial{points.length === 1 ? '' : 's'} against {info.label.toLowerCase()}
        {info.log ? ' (log scale)' : ''}; the best is the star.
      </figcaption>
    </figure>
  );
}
