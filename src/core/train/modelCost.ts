import type { ModelSpec } from '../model/modelSpec';
import { summarizeModel } from '../model/modelShapes';
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
