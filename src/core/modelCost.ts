import type { ModelSpec } from './modelSpec';
import { summarizeModel } from './modelShapes';
import type { OptimizerName } from './trainConfig';

/** Optimizer state kept per weight: Adam two moments, RMSprop a mean square and a momentum, SGD a momentum. */
const SLOTS: Record<OptimizerName, number> = { adam: 2, rmsprop: 2, sgd: 1 };

export interface CostEstimate {
  /** Forward FLOPs per text. */
  forwardFlops: number;
  /** Forward + backward FLOPs per text (backward ≈ twice the forward). */
  trainFlops: number;
  /** Weights, their gradients and optimizer slots, float32 (bytes). */
  parameterBytes: number;
  /** Layer outputs of one batch, kept for the backward pass, and their gradients (bytes). */
  activationBytes: number;
  totalBytes: number;
}

export function estimateCost(spec: ModelSpec, classCount: number, batchSize: number, optimizer: OptimizerName): CostEstimate {
  const summary = summarizeModel(spec, classCount);
  const outputs = summary.layers.reduce((sum, l) => sum + l.outputShapes.reduce((s, shape) => s + shape.reduce((a, b) => a * b, 1), 0), 0);
  const parameterBytes = summary.totalParams * 4 * (2 + SLOTS[optimizer]);
  const activationBytes = outputs * batchSize * 4 * 2;
  return {
    forwardFlops: summary.flopsPerSample,
    trainFlops: summary.flopsPerSample * 3,
    parameterBytes,
    activationBytes,
    totalBytes: parameterBytes + activationBytes,
  };
}

/** A measured training speed on one backend, for a model of known cost. */
export interface SpeedCalibration {
  backend: string;
  samplesPerSecond: number;
  /** trainFlops of the model it was measured on. */
  trainFlops: number;
}

/**
 * Seconds per epoch for a model, scaled from a measurement by the ratio of FLOPs (the measured
 * achieved FLOP/s is assumed to carry over); null without a measurement.
 */
export function estimateEpochSeconds(trainFlops: number, trainSamples: number, calibration: SpeedCalibration | null): number | null {
  if (!calibration || calibration.samplesPerSecond <= 0 || trainFlops <= 0) return null;
  const flopsPerSecond = calibration.samplesPerSecond * calibration.trainFlops;
  return (trainSamples * trainFlops) / flopsPerSecond;
}

/** "1.2 GB", "340 kB" — decimal units. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

/** "12 s", "3 min 20 s", "1 h 05 min". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 90) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
