import { useMemo } from 'react';
import { averagePrecision, positiveScores, precisionRecallCurve } from '../../core/eval/evaluation';
import { useStudio } from '../../store/store';
import { LineChart } from '../charts/LineChart';
import type { SplitReport } from './useSplitReport';
import { percent as pct } from '../../core/format';

/** Two classes: the precision–recall curve and a movable decision threshold. */
export function ThresholdView({ report }: { report: SplitReport }) {
  const threshold = useStudio((s) => s.evaluate.threshold);
  const setThreshold = useStudio((s) => s.setThreshold);
  const { data, classes, report: metrics } = report;
  const positive = classes[1];
  const curve = useMemo(() => precisionRecallCurve(Array.from(data.truth, (t) => t === 1), positiveScores(data.probs)), [data]);
  const ap = averagePrecision(curve);
  const current = threshold ?? 0.5;
  const here = metrics.perClass[1];
  return (
    <section aria-label="Decision threshold" className="card">
      <h3>Precision–recall for “{positive}”</h3>
      <p className="hint">
        Average precision {pct(ap)}. Move the threshold: “{positive}” is predicted when its probability is at least the threshold.
      </p>
      <figure aria-label="Precision-recall curve" className="chart">
        <LineChart
          xLabel="recall"
          yDomain={[0, 1]}
          formatY={(v) => `${Math.round(v * 100)}%`}
          series={[
            { name: 'precision', color: '#2563eb', points: curve.map((p) => ({ x: p.recall, y: p.precision })) },
            { name: 'threshold', color: '#ea580c', dots: true, points: [{ x: here.recall, y: here.precision }] },
          ]}
        />
        <figcaption>
          At threshold {current.toFixed(2)}: precision {pct(here.precision)}, recall {pct(here.recall)}, F1 {pct(here.f1)} for “{positive}”; accuracy{' '}
          {pct(metrics.accuracy)}.
        </figcaption>
      </figure>
      <div className="field">
        <label htmlFor="threshold">Decision threshold</label>
        <input
          id="threshold"
          type="range"
          min={0.01}
          max={0.99}
          step={0.01}
          value={current}
          aria-valuetext={`${current.toFixed(2)}`}
          onChange={(e) => setThreshold(Number(e.target.value))}
        />
        <span className="hint">
          {current.toFixed(2)}
          {threshold === null ? ' (most probable class)' : ''}{' '}
          {threshold !== null && (
            <button type="button" className="link" onClick={() => setThreshold(null)}>
              Reset
            </button>
          )}
        </span>
      </div>
    </section>
  );
}
