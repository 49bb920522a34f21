import { useShallow } from 'zustand/react/shallow';
import { useStudio, type BatchPoint } from '../../store/store';
import type { EpochMetrics } from '../../protocol/messages';
import { LineChart, type Series } from './LineChart';

interface ChartProps {
  label: string;
  batches: BatchPoint[];
  epochs: EpochMetrics[];
  batchesPerEpoch: number;
  metric: 'loss' | 'accuracy';
}

const COLORS = { batch: '#94a3b8', train: '#2563eb', val: '#ea580c' };

/** One live chart: per-batch values (thin), per-epoch train and validation (thick, with dots). */
function Chart({ label, batches, epochs, batchesPerEpoch, metric }: ChartProps) {
  const isLoss = metric === 'loss';
  const fmt = (v: number) => (isLoss ? v.toFixed(2) : `${Math.round(v * 100)}%`);
  const series: Series[] = [
    { name: 'per batch', color: COLORS.batch, width: 1, points: batches.map((b) => ({ x: b.step, y: b[metric] })) },
    { name: 'train (epoch)', color: COLORS.train, dots: true, points: epochs.map((e) => ({ x: e.epoch * batchesPerEpoch, y: isLoss ? e.loss : e.accuracy })) },
    {
      name: 'validation (epoch)',
      color: COLORS.val,
      dots: true,
      dashed: true,
      points: epochs.map((e) => ({ x: e.epoch * batchesPerEpoch, y: isLoss ? e.valLoss : e.valAccuracy })),
    },
  ];
  const last = epochs[epochs.length - 1];
  const exact = (v: number) => (isLoss ? v.toFixed(3) : `${(v * 100).toFixed(1)}%`);
  return (
    <figure aria-label={label} className="chart">
      <h3>{isLoss ? 'Loss (cross-entropy)' : 'Accuracy'}</h3>
      <LineChart series={series} xLabel="batches" yDomain={isLoss ? undefined : [0, 1]} formatY={fmt} />
      <ul className="legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.name}>
            <span className={`swatch${s.dashed ? ' dashed' : ''}`} style={{ borderColor: s.color }} /> {s.name}
          </li>
        ))}
      </ul>
      <figcaption>
        {batches.length} batch points, {epochs.length} epoch points
        {last ? `; last epoch: train ${exact(isLoss ? last.loss : last.accuracy)}, validation ${exact(isLoss ? last.valLoss : last.valAccuracy)}` : ''}.
      </figcaption>
    </figure>
  );
}

/** "Loss chart" and "Accuracy chart", fed by the store. */
export function TrainingCharts() {
  const { batches, epochs, batchesPerEpoch } = useStudio(
    useShallow((s) => ({ batches: s.train.batches, epochs: s.train.epochs, batchesPerEpoch: s.train.progress?.batchesPerEpoch ?? 1 })),
  );
  if (batches.length === 0 && epochs.length === 0) {
    return <p className="empty">Charts appear here once training starts: loss and accuracy per batch, and per epoch for training and validation.</p>;
  }
  return (
    <div className="charts">
      <Chart label="Loss chart" metric="loss" batches={batches} epochs={epochs} batchesPerEpoch={batchesPerEpoch} />
      <Chart label="Accuracy chart" metric="accuracy" batches={batches} epochs={epochs} batchesPerEpoch={batchesPerEpoch} />
    </div>
  );
}
