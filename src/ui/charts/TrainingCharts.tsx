import { Suspense, useDeferredValue, useMemo, useState } from 'react';
import { count, withUnit } from '../../core/format';
import type { EpochMetrics } from '../../protocol/messages';
import { ChartPlaceholder } from './ChartPlaceholder';
import { ChartTable } from './ChartTable';
import { LegendToggles, toggled } from './LegendToggles';
import { MetricChart } from './lazyCharts';
import { exactValue, MAX_DRAWN_BATCHES, positiveRows, TRAIN_SERIES, trainRows, type Metric } from './trainRows';
import { useStudio } from '../../store/store';
import { useThrottledTrainSeries } from './useThrottledTrainSeries';
import './charts.css';

/** TensorBoard's default smoothing weight. */
const DEFAULT_SMOOTHING = 0.6;

/** "Loss chart" or "Accuracy chart": controls, the recharts drawing, a table and a caption. */
function TrainingChart({ metric }: { metric: Metric }) {
  // Loss and accuracy sample the store in two lanes, so their redraws fall in two tasks.
  // Deferred: React renders the new series in an interruptible pass that yields to input and paint.
  const { batches, epochs, batchesPerEpoch } = useDeferredValue(useThrottledTrainSeries(metric === 'loss' ? 0 : 1));
  const isLoss = metric === 'loss';
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [smoothing, setSmoothing] = useState(DEFAULT_SMOOTHING);
  const [log, setLog] = useState(false);
  const rows = useMemo(() => trainRows(batches, epochs, batchesPerEpoch, metric, smoothing), [batches, epochs, batchesPerEpoch, metric, smoothing]);
  const drawn = useMemo(() => (isLoss && log ? positiveRows(rows) : rows), [rows, isLoss, log]);
  const id = `${metric}-smoothing`;
  const last = epochs.at(-1);
  const value = (e: EpochMetrics, which: 'train' | 'val') => (isLoss ? (which === 'train' ? e.loss : e.valLoss) : which === 'train' ? e.accuracy : e.valAccuracy);
  const drawnBatches = Math.min(batches.length, MAX_DRAWN_BATCHES);
  return (
    <figure aria-label={isLoss ? 'Loss chart' : 'Accuracy chart'} className="chart">
      <h3>{isLoss ? 'Loss (cross-entropy)' : 'Accuracy'}</h3>
      <div className="chart-controls">
        <LegendToggles items={TRAIN_SERIES} hidden={hidden} onToggle={(key) => setHidden((h) => toggled(h, key))} />
        {isLoss && (
          <label>
            <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> Log scale
          </label>
        )}
        <span className="chart-control">
          <label htmlFor={id}>Smoothing</label>
          <input
            id={id}
            type="range"
            min={0}
            max={0.99}
            step={0.01}
            value={smoothing}
            aria-valuetext={smoothing === 0 ? 'off' : smoothing.toFixed(2)}
            onChange={(e) => setSmoothing(Number(e.target.value))}
          />
          <output htmlFor={id}>{smoothing === 0 ? 'off' : smoothing.toFixed(2)}</output>
        </span>
      </div>
      <Suspense fallback={<ChartPlaceholder height={280} />}>
        <MetricChart rows={drawn} metric={metric} batchesPerEpoch={batchesPerEpoch} hidden={hidden} smoothing={smoothing} log={isLoss && log} />
      </Suspense>
      <ChartTable
        label={`${isLoss ? 'Loss' : 'Accuracy'} per epoch`}
        columns={['Epoch', 'Train', 'Validation']}
        rows={epochs.map((e) => ({ key: e.epoch, cells: [e.epoch, exactValue(metric, value(e, 'train')), exactValue(metric, value(e, 'val'))] }))}
        empty="No epoch has ended yet."
      />
      <figcaption>
        {withUnit(batches.length, 'batch point')}
        {drawnBatches < batches.length ? ` (${count(drawnBatches)} drawn)` : ''}, {withUnit(epochs.length, 'epoch point')}
        {last ? `; last epoch: train ${exactValue(metric, value(last, 'train'))}, validation ${exactValue(metric, value(last, 'val'))}` : ''}.
      </figcaption>
    </figure>
  );
}

/** "Loss chart" and "Accuracy chart", each fed by the store at most five times a second. */
export function TrainingCharts() {
  const empty = useStudio((s) => s.train.batches.length === 0 && s.train.epochs.length === 0);
  if (empty) {
    return <p className="empty">Charts appear here once training starts: loss and accuracy per batch, and per epoch for training and validation.</p>;
  }
  return (
    <div className="charts">
      <TrainingChart metric="loss" />
      <TrainingChart metric="accuracy" />
    </div>
  );
}
