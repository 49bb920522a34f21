import * as tf from '@tensorflow/tfjs';
import { confusionMatrix, majorityRate, metricsFromConfusion, argmax } from '../../core/eval/metrics';
import { mulberry32, shuffleInPlace } from '../../core/random';
import type { EpochMetrics } from '../../protocol/messages';
import { EarlyStopper, type EarlyStoppingConfig } from '../../core/train/trainConfig';

/** Encoded examples: row-major token ids (rows × sequenceLength) and class indices. */
export interface Encoded {
  ids: Int32Array;
  labels: Int32Array;
  sequenceLength: number;
  classCount: number;
}

export interface RunControl {
  paused: boolean;
  stopRequested: boolean;
  /** Resolves a pending pause when resumed or stopped. */
  wake: (() => void) | null;
}

export interface TrainLoopOptions {
  epochs: number;
  batchSize: number;
  seed: number;
  onBatch: (info: { epoch: number; batch: number; step: number; loss: number; accuracy: number; samplesPerSecond: number }) => void;
  onEpoch: (metrics: EpochMetrics) => void;
  onPause: () => void;
  onResume: () => void;
  /** Called before each epoch (1-based), e.g. to set the scheduled learning rate. */
  onEpochStart?: (epoch: number) => void;
  /** Stop on a plateau and/or go back to the best epoch's weights. */
  earlyStopping?: EarlyStoppingConfig;
}

/**
 * What the loop trains: a tfjs model (tfjsTrainee) or the WASM engine (engine/engineTrainee).
 * Snapshots are opaque copies of the weights, for going back to the best epoch.
 */
export interface Trainee<Snapshot = unknown> {
  /** One optimizer step on rows[start, end) of data, returning [loss, accuracy]. */
  step(data: Encoded, rows: Int32Array, start: number, end: number): Promise<[number, number]>;
  /** Class probabilities of rows, row-major (rows × classes). */
  predict(data: Encoded, rows: Int32Array): Promise<Float32Array>;
  snapshot(): Snapshot;
  restore(snapshot: Snapshot): void;
  release(snapshot: Snapshot): void;
}

/**
 * A tfjs layers model as a trainee: `model.trainOnBatch`, or `step` where given (the fused
 * convolution + max-pool step) on the same model's variables.
 */
export function tfjsTrainee(
  model: tf.LayersModel,
  step?: (xs: tf.Tensor2D, ys: tf.Tensor2D) => Promise<[number, number]>,
): Trainee<tf.Tensor[]> {
  return {
    async step(data, rows, start, end) {
      const { xs, ys } = gatherRows(data, rows, start, end);
      try {
        return step ? await step(xs, ys) : ((await model.trainOnBatch(xs, ys)) as [number, number]);
      } finally {
        tf.dispose([xs, ys]);
      }
    },
    predict: (data, rows) => predictRows(model, data, rows),
    snapshot: () => model.getWeights().map((w) => w.clone()),
    restore: (weights) => model.setWeights(weights),
    release: (weights) => tf.dispose(weights),
  };
}

/** How a run ended: all epochs, the user's Stop, or early stopping. */
export type StopReason = 'completed' | 'user' | 'early';

export interface TrainLoopResult {
  epochs: EpochMetrics[];
  stopReason: StopReason;
  /** The epoch whose weights the model holds at the end when best weights were restored. */
  restoredEpoch: number | null;
  samplesSeen: number;
  trainingMs: number;
}

/** Yields to the worker's event loop so pause/stop messages are handled between batches. */
export const yieldToEvents = (): Promise<void> =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

function gatherRows(data: Encoded, rows: Int32Array, start: number, end: number): { xs: tf.Tensor2D; ys: tf.Tensor2D } {
  const L = data.sequenceLength;
  const n = end - start;
  const ids = new Int32Array(n * L);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[start + i];
    ids.set(data.ids.subarray(row * L, row * L + L), i * L);
    labels[i] = data.labels[row];
  }
  const xs = tf.tensor2d(ids, [n, L], 'int32');
  const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), data.classCount).toFloat() as tf.Tensor2D);
  return { xs, ys };
}

/** Class probabilities for rows, predicted in chunks to bound GPU memory. Row-major (rows × classes). */
export async function predictRows(model: tf.LayersModel, data: Encoded, rows: Int32Array, chunk = 256): Promise<Float32Array> {
  const out = new Float32Array(rows.length * data.classCount);
  for (let start = 0; start < rows.length; start += chunk) {
    const end = Math.min(rows.length, start + chunk);
    const { xs, ys } = gatherRows(data, rows, start, end);
    const probs = model.predict(xs) as tf.Tensor;
    out.set(await probs.data(), start * data.classCount);
    tf.dispose([xs, ys, probs]);
    await yieldToEvents();
  }
  return out;
}

/** Mean categorical cross-entropy, accuracy and confusion of a split. */
export async function evaluateRows(model: tf.LayersModel, data: Encoded, rows: Int32Array) {
  return scoreRows(await predictRows(model, data, rows), data, rows);
}

/** Loss, accuracy and confusion of predicted probabilities (rows × classes) against the rows' labels. */
export function scoreRows(probs: Float32Array, data: Encoded, rows: Int32Array) {
  const K = data.classCount;
  const truth = new Int32Array(rows.length);
  const predicted = new Int32Array(rows.length);
  let loss = 0;
  for (let i = 0; i < rows.length; i++) {
    truth[i] = data.labels[rows[i]];
    predicted[i] = argmax(probs, i * K, K);
    loss -= Math.log(Math.max(probs[i * K + truth[i]], 1e-7));
  }
  const confusion = confusionMatrix(truth, predicted, K);
  const report = metricsFromConfusion(confusion);
  return {
    probs,
    truth,
    loss: rows.length ? loss / rows.length : 0,
    accuracy: report.accuracy,
    confusion,
    report,
    majorityRate: majorityRate(truth, K),
  };
}

/**
 * The training loop: seeded shuffle per epoch, one optimizer step per batch, validation after
 * every epoch. Pause waits between batches; stop ends after the current batch.
 */
export async function trainLoop<Snapshot>(
  trainee: Trainee<Snapshot>,
  data: Encoded,
  train: Int32Array,
  validation: Int32Array,
  control: RunControl,
  options: TrainLoopOptions,
): Promise<TrainLoopResult> {
  const stopper = options.earlyStopping ? new EarlyStopper(options.earlyStopping) : null;
  const keepBest = options.earlyStopping?.restoreBest ?? false;
  let best: Snapshot | null = null;
  // Ends the run: with restoreBest, the model goes back to the best epoch's weights.
  const finish = (stopReason: StopReason): TrainLoopResult => {
    let restoredEpoch: number | null = null;
    const restore = stopReason !== 'completed' || (options.earlyStopping?.patience ?? 0) > 0;
    if (restore && best && stopper?.bestEpoch && stopper.bestEpoch !== epochs.length) {
      trainee.restore(best);
      restoredEpoch = stopper.bestEpoch;
    }
    if (best) trainee.release(best);
    return { epochs, stopReason, restoredEpoch, samplesSeen, trainingMs };
  };
  const random = mulberry32(options.seed ^ 0x9e3779b9);
  const order = Int32Array.from(train);
  const batches = Math.ceil(order.length / options.batchSize);
  const epochs: EpochMetrics[] = [];
  let step = 0;
  let samplesSeen = 0;
  let trainingMs = 0;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffleInPlace(order, random);
    options.onEpochStart?.(epoch);
    let lossSum = 0;
    let correctSum = 0;
    let seen = 0;
    for (let b = 0; b < batches; b++) {
      await yieldToEvents();
      if (control.paused && !control.stopRequested) {
        options.onPause();
        await new Promise<void>((resolve) => (control.wake = resolve));
        control.wake = null;
        if (!control.stopRequested) options.onResume();
      }
      if (control.stopRequested) return finish('user');
      const start = b * options.batchSize;
      const end = Math.min(order.length, start + options.batchSize);
      const t0 = performance.now();
      const [loss, accuracy] = await trainee.step(data, order, start, end);
      const ms = performance.now() - t0;
      trainingMs += ms;
      if (!Number.isFinite(loss)) {
        throw new Error(
          `The loss became ${loss} at epoch ${epoch}, batch ${b + 1}: training diverged. Lower the learning rate (try ÷10) or switch to Adam.`,
        );
      }
      const n = end - start;
      step++;
      samplesSeen += n;
      lossSum += loss * n;
      correctSum += accuracy * n;
      seen += n;
      options.onBatch({ epoch, batch: b + 1, step, loss, accuracy, samplesPerSecond: samplesSeen / (trainingMs / 1000) });
    }
    const val = scoreRows(await trainee.predict(data, validation), data, validation);
    const metrics: EpochMetrics = { epoch, loss: lossSum / seen, accuracy: correctSum / seen, valLoss: val.loss, valAccuracy: val.accuracy };
    epochs.push(metrics);
    options.onEpoch(metrics);
    if (stopper?.update(epoch, metrics) && keepBest) {
      if (best) trainee.release(best);
      best = trainee.snapshot();
    }
    if (stopper?.shouldStop) return finish('early');
  }
  return finish('completed');
}
