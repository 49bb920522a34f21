import * as tf from '@tensorflow/tfjs';
import type { Activation } from '../../../core/model/modelSpec';

/**
 * Conv1D ('valid', stride 1) + activation + global max pooling, for training, with a sparse
 * gradient. Each (sample, filter) pair's output is its value at one window: where the max was
 * reached. So the step is split in two:
 *
 * 1. `findWinners`, off the gradient tape: the dense forward convolution, the winning window
 *    of each pair (tf.argMax: the first on ties), the number of tied windows, and the value.
 * 2. `pooledFromWinners`, on the tape: gathers only the winning windows and recomputes the
 *    pair's value from them with differentiable ops. The filter gradient is then one window ×
 *    upstream gradient per pair, and the input gradient (gather's gradient) a scatter-add into
 *    those windows; tfjs' dense Conv2DBackpropFilter / Conv2DBackpropInput never run.
 *
 * Tie rule: tfjs' max gradient gives the full gradient to every tied position. Exact ties come
 * from identical windows (all-padding windows, repeated n-grams), so the first tied window gets
 * the gradient multiplied by the number of ties (v·t + v₀·(1 − t), with v₀ the off-tape value:
 * the forward value is v, its gradient t). For the weights — kernel, bias, and the embedding
 * rows, which sum over token ids — this equals tfjs' rule exactly.
 *
 * It uses ordinary ops and their gradients only (no tf.customGrad), so it runs wherever those
 * ops run: CPU, WebGL, WebGPU and WASM.
 */

export interface Winners {
  /** Row of x (flattened to [batch·length, channels]) of every token of every winning window: [B·F·k]. */
  rows: tf.Tensor1D;
  /** Number of time steps tying for the max: [B, F], at least 1. */
  ties: tf.Tensor2D;
  /** The pooled values: [B, F]. */
  value: tf.Tensor2D;
}

export function activate<T extends tf.Tensor>(pre: T, activation: Activation): T {
  switch (activation) {
    case 'relu':
      return tf.relu(pre);
    case 'tanh':
      return tf.tanh(pre);
    case 'sigmoid':
      return tf.sigmoid(pre);
    case 'linear':
      return pre;
  }
}

/** Step 1, to be called outside the gradient tape. The caller disposes the result. */
export function findWinners(x: tf.Tensor3D, kernel: tf.Tensor3D, bias: tf.Tensor1D, activation: Activation): Winners {
  return tf.tidy(() => {
    const [batch, length] = x.shape;
    const k = kernel.shape[0];
    const out = activate(tf.add(tf.conv1d(x, kernel, 1, 'valid'), bias) as tf.Tensor3D, activation);
    const value = tf.max(out, 1) as tf.Tensor2D;
    const winner = tf.cast(tf.argMax(out, 1), 'int32');
    // Tied windows counted with float ops only: sign(out − max) is 0 where a window ties and −1
    // elsewhere, so sign + 1 counts them. On WebGPU (tfjs 4.22) the sum of cast(equal(out, max))
    // read the max pooling's buffer instead of the comparison's and returned the maxima; and a
    // reshaped view of `value` disposed inside tidy corrupted `value` itself.
    const ties = tf.maximum(tf.sum(tf.add(tf.sign(tf.sub(out, tf.max(out, 1, true))), 1), 1), 1) as tf.Tensor2D;
    const base = tf.reshape(tf.mul(tf.range(0, batch, 1, 'int32'), tf.scalar(length, 'int32')), [batch, 1, 1]);
    const rows = tf.reshape(tf.add(tf.add(base, tf.expandDims(winner, 2)), tf.reshape(tf.range(0, k, 1, 'int32'), [1, 1, k])), [-1]) as tf.Tensor1D;
    return { rows, ties, value };
  });
}

/** Step 2, on the tape: the pooled values recomputed from the winning windows only. */
export function pooledFromWinners(x: tf.Tensor3D, kernel: tf.Tensor3D, bias: tf.Tensor1D, activation: Activation, winners: Winners): tf.Tensor2D {
  const [batch, length, channels] = x.shape;
  const [k, , filters] = kernel.shape;
  const windows = tf.reshape(tf.gather(tf.reshape(x, [batch * length, channels]), winners.rows), [batch, filters, k * channels]);
  const byFilter = tf.reshape(tf.transpose(kernel, [2, 0, 1]), [1, filters, k * channels]);
  const v = activate(tf.add(tf.sum(tf.mul(windows, byFilter), 2), bias) as tf.Tensor2D, activation);
  // Forward: v (v₀ = v). Gradient with respect to v: ties.
  return tf.add(tf.mul(v, winners.ties), tf.mul(winners.value, tf.sub(1, winners.ties))) as tf.Tensor2D;
}

export function disposeWinners(w: Winners): void {
  tf.dispose([w.rows, w.ties, w.value]);
}
