import { Suspense, useMemo, useState } from 'react';
import { averagePrecision, positiveScores, precisionRecallCurve } from '../../core/eval/evaluation';
import { useStudio } from '../../store/store';
import { downsampleLttb } from '../../core/train/series';
import { ChartPlaceholder } from '../charts/ChartPlaceholder';
import { LegendToggles, toggled } from '../charts/LegendToggles';
import { PrCurveChart } from '../charts/lazyCharts';
import { PrTable, type PrRow } from '../charts/PrTable';
import type { SplitReport } from './useSplitReport';
import { percent as pct } from '../../core/format';

const PR_SERIES = [
  { key: 'curve', label: 'precision–recall curve', color: 'var(--chart-train)' },
  { key: 'here', label: 'current threshold', color: 'var(--chart-val)' },
];

/** Two classes: the precision–recall curve and a movable decision threshold. */
export function ThresholdView({ report }: { report: SplitReport }) {
  const threshold = useStudio((s) => s.evaluate.threshold);
  const setThreshold = useStudio((s) => s.setThreshold);
  const { data, classes, report: metrics } = report;
  const positive = classes[1];
  const curve = useMemo(() => precisionRecallCurve(Array.from(data.truth, (t) => t === 1), positiveScores(data.probs)), [data]);
  const ap = averagePrecision(curve);
  const rows = useMemo<readonly PrRow[]>(() => downsampleLttb(curve.map((p) => ({ ...p, x: p.recall, y: p.precision })), 1000), [curve]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const current = threshold ?? 0.5;
  const here = metrics.perClass[1];
  return (
    <section aria-label="Decision threshold" className="card">
      <h3>Precision–recall for “{positive}”</h3>
      <p className="hint">
        Average precision {pct(ap)}. Move the threshold: “{positive}” is predicted when its probability is at least the threshold.
      </p>
      <figure aria-label="Precision-recall curve" className="chart">
        <div className="chart-controls">
          <LegendToggles items={PR_SERIES} hidden={hidden} onToggle={(key) => setHidden((h) => toggled(h, key))} />
        </div>
        <Suspense fallback={<ChartPlaceholder height={260} />}>
          <PrCurveChart rows={rows} here={{ recall: here.recall, precision: here.precision }} hidden={hidden} />
        </Suspense>
        <PrTable rows={rows} />
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
