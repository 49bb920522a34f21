import * as tf from '@tensorflow/tfjs';
import type { Activation } from '../../core/modelSpec';

/**
 * Conv1D ('valid', stride 1) + activation + global max pooling over time, fused for training,
 * with a sparse gradient: each (sample, filter) pair passes gradient only through the window
 * where its maximum was reached, so the filter gradient is one window × upstream gradient per
 * pair and the input gradient a scatter-add into those windows. tfjs computes both densely
 * (Conv2DBackpropFilter / Conv2DBackpropInput over every window), almost all zeros.
 *
 * Tie rule: tfjs' max gradient gives the full upstream gradient to every tied position. Exact
 * ties come from identical windows (all-padding windows, repeated n-grams), so the first tied
 * window receives the gradient multiplied by the number of ties: for the weights (kernel, bias,
 * and the embedding rows that gather-sum over token ids) this equals tfjs' rule exactly.
 *
 * Only ops every backend has: conv1d, max, min, equal, sum, gather, unsortedSegmentSum.
 */
export function convMaxPool(x: tf.Tensor3D, kernel: tf.Tensor3D, bias: tf.Tensor1D, activation: Activation): tf.Tensor2D {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, w, b] = args as [tf.Tensor3D, tf.Tensor3D, tf.Tensor1D];
    const save = args[3] as tf.GradSaveFunc;
    const pre = tf.add(tf.conv1d(input, w, 1, 'valid'), b) as tf.Tensor3D;
    const out = activate(pre, activation);
    const pooled = tf.max(out, 1) as tf.Tensor2D;
    // The first time step holding the max, as min(t where out == max). Not tf.argMax: over the
    // middle axis of a 3-D tensor it gave all zeros on the WebGPU backend (tfjs 4.22).
    const steps = out.shape[1];
    const isMax = tf.cast(tf.equal(out, tf.expandDims(pooled, 1)), 'float32');
    const time = tf.reshape(tf.range(0, steps, 1, 'float32'), [1, steps, 1]);
    const winner = tf.min(tf.add(tf.mul(isMax, time), tf.mul(tf.sub(1, isMax), steps)), 1) as tf.Tensor2D;
    const ties = tf.sum(isMax, 1) as tf.Tensor2D;
    save([input, w, pooled, winner, ties]);
    return {
      value: pooled,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xs, kernelT, pooledT, winnerT, tiesT] = saved as [tf.Tensor3D, tf.Tensor3D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
        return sparseGrads(dy as tf.Tensor2D, xs, kernelT, pooledT, winnerT, tiesT, activation);
      },
    };
  });
  return op(x, kernel, bias) as tf.Tensor2D;
}

function activate(pre: tf.Tensor3D, activation: Activation): tf.Tensor3D {
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

/** The activation's derivative, written in terms of its output at the pooled position. */
function derivativeAt(pooled: tf.Tensor2D, activation: Activation): tf.Tensor2D {
  switch (activation) {
    case 'relu':
      return tf.cast(tf.greater(pooled, 0), 'float32') as tf.Tensor2D;
    case 'tanh':
      return tf.sub(1, tf.square(pooled));
    case 'sigmoid':
      return tf.mul(pooled, tf.sub(1, pooled));
    case 'linear':
      return tf.onesLike(pooled);
  }
}

function sparseGrads(
  dy: tf.Tensor2D,
  x: tf.Tensor3D,
  kernel: tf.Tensor3D,
  pooled: tf.Tensor2D,
  winner: tf.Tensor2D,
  ties: tf.Tensor2D,
  activation: Activation,
): tf.Tensor[] {
  const [batch, length, channels] = x.shape;
  const [k, , filters] = kernel.shape;
  // Upstream gradient at each winning window: × activation derivative × number of tied windows.
  const g = tf.mul(tf.mul(dy, derivativeAt(pooled, activation)), ties) as tf.Tensor2D; // [B, F]
  // Row of x (flattened to [B·L, C]) of every token in every winning window: [B, F, k].
  const rows = tf.add(
    tf.add(tf.reshape(tf.mul(tf.range(0, batch, 1, 'int32'), tf.scalar(length, 'int32')), [batch, 1, 1]), tf.expandDims(tf.cast(winner, 'int32'), 2)),
    tf.reshape(tf.range(0, k, 1, 'int32'), [1, 1, k]),
  );
  const flatRows = tf.reshape(rows, [-1]) as tf.Tensor1D;
  const windows = tf.reshape(tf.gather(tf.reshape(x, [batch * length, channels]), flatRows), [batch, filters, k, channels]);
  const g4 = tf.reshape(g, [batch, filters, 1, 1]);
  // dKernel[j, c, f] = Σ_b g[b, f] · window[b, f, j, c]
  const dKernel = tf.transpose(tf.sum(tf.mul(windows, g4), 0), [1, 2, 0]);
  const dBias = tf.sum(g, 0);
  // dx: each winning window receives g[b, f] · kernel[:, :, f], summed where windows overlap.
  const kernelByFilter = tf.reshape(tf.transpose(kernel, [2, 0, 1]), [1, filters, k, channels]);
  const contributions = tf.reshape(tf.mul(kernelByFilter, g4), [batch * filters * k, channels]);
  const dx = tf.reshape(tf.unsortedSegmentSum(contributions, flatRows, batch * length), [batch, length, channels]);
  return [dx, dKernel, dBias];
}
