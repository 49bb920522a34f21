import { downsampleLttb, smoothEma } from '../../core/train/series';
import type { BatchPoint } from '../../store/store';
import type { EpochMetrics } from '../../protocol/messages';

/** Most per-batch points a training chart draws; every epoch point is drawn besides. */
export const MAX_DRAWN_BATCHES = 1000;

export type Metric = 'loss' | 'accuracy';

/** One x position of a training chart: a drawn batch, an epoch's end, or both. */
export interface TrainRow {
  /** Batches finished since the run started. */
  step: number;
  /** The batch's own value (absent where only an epoch ends here, or not finite). */
  batch?: number;
  /** The batch series after TensorBoard's smoothing. */
  smooth?: number;
  /** 1-based epoch that ends at this step. */
  epoch?: number;
  train?: number;
  val?: number;
}

const finite = (v: number) => (Number.isFinite(v) ? v : undefined);

/**
 * Rows for one metric: the per-batch series smoothed over every batch, then downsampled (LTTB)
 * to MAX_DRAWN_BATCHES points, merged by step with every epoch's train and validation value.
 */
export function trainRows(batches: readonly BatchPoint[], epochs: readonly EpochMetrics[], batchesPerEpoch: number, metric: Metric, smoothing: number): TrainRow[] {
  const raw = batches.map((b) => b[metric]);
  const smooth = smoothEma(raw, smoothing);
  const points = batches.map((b, i) => ({ x: b.step, y: raw[i], smooth: smooth[i] }));
  const rows = new Map<number, TrainRow>();
  for (const p of downsampleLttb(points, MAX_DRAWN_BATCHES)) rows.set(p.x, { step: p.x, batch: finite(p.y), smooth: finite(p.smooth) });
  for (const e of epochs) {
    const step = e.epoch * batchesPerEpoch;
    const row = rows.get(step) ?? { step };
    row.epoch = e.epoch;
    row.train = finite(metric === 'loss' ? e.loss : e.accuracy);
    row.val = finite(metric === 'loss' ? e.valLoss : e.valAccuracy);
    rows.set(step, row);
  }
  return [...rows.values()].sort((a, b) => a.step - b.step);
}

/** Rows for a log-scale axis: values that are not positive cannot be drawn and become gaps. */
export function positiveRows(rows: readonly TrainRow[]): TrainRow[] {
  const pos = (v: number | undefined) => (v !== undefined && v > 0 ? v : undefined);
  return rows.map((r) => ({ ...r, batch: pos(r.batch), smooth: pos(r.smooth), train: pos(r.train), val: pos(r.val) }));
}

/** "batch 57 (epoch 2, batch 17 of 40)" for a step. */
export function stepTitle(step: number, batchesPerEpoch: number): string {
  if (batchesPerEpoch <= 1) return `Batch ${step}`;
  const epoch = Math.max(1, Math.ceil(step / batchesPerEpoch));
  return `Batch ${step} (epoch ${epoch}, batch ${step - (epoch - 1) * batchesPerEpoch} of ${batchesPerEpoch})`;
}

/** Series of a training chart: key (row field and legend key), legend text, colour. */
export const TRAIN_SERIES = [
  { key: 'batch', label: 'per batch', color: 'var(--chart-batch)' },
  { key: 'train', label: 'train (epoch)', color: 'var(--chart-train)' },
  { key: 'val', label: 'validation (epoch)', color: 'var(--chart-val)', dashed: true },
] as const;

/** Exact value as the tooltip and table show it: loss to 4 decimals (3 significant digits below 0.001), accuracy in % to 2. */
export const exactValue = (metric: Metric, v: number) =>
  metric === 'accuracy' ? `${(v * 100).toFixed(2)}%` : v >= 0.001 || v === 0 ? v.toFixed(4) : v.toExponential(2);
