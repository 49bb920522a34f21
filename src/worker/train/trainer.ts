import * as tf from '@tensorflow/tfjs';
import { confusionMatrix, majorityRate, metricsFromConfusion, argmax } from '../../core/eval/metrics';
import { setLearningRate } from './buildModel';

/** Encoded examples: row-major token ids (rows × sequenceLength) and class indices. */
export interface Encoded {
  ids: Int32Array;
  labels: Int32Array;
  sequenceLength: number;
  classCount: number;
}

/**
 * What the loop (trainLoop.ts) trains: a tfjs model (tfjsTrainee) or the WASM engine (engine/engineTrainee).
 * Snapshots are opaque copies of the weights, for going back to the best epoch.
 */
export interface Trainee<Snapshot = unknown> {
  /** One optimizer step on rows[start, end) of data, returning [loss, accuracy]. */
  step(data: Encoded, rows: Int32Array, start: number, end: number): Promise<[number, number]>;
  /** Class probabilities of rows, row-major (rows × classes). */
  predict(data: Encoded, rows: Int32Array): Promise<Float32Array>;
  /** Sets the optimizer's learning rate (the schedule's rate for the coming epoch). */
  setLearningRate(rate: number): void;
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
    setLearningRate: (rate) => setLearningRate(model.optimizer, rate),
    snapshot: () => model.getWeights().map((w) => w.clone()),
    restore: (weights) => model.setWeights(weights),
    release: (weights) => tf.dispose(weights),
  };
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
    predicted,
    loss: rows.length ? loss / rows.length : 0,
    accuracy: report.accuracy,
    confusion,
    report,
    majorityRate: majorityRate(truth, K),
  };
}
