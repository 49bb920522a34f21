import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { Activation } from '../../core/modelSpec';
import { mulberry32 } from '../../core/random';
import { convMaxPool } from './convMaxPool';

const standard = (x: tf.Tensor3D, w: tf.Tensor3D, b: tf.Tensor1D, activation: Activation) => {
  const pre = tf.add(tf.conv1d(x, w, 1, 'valid'), b) as tf.Tensor3D;
  const out = activation === 'relu' ? tf.relu(pre) : activation === 'tanh' ? tf.tanh(pre) : activation === 'sigmoid' ? tf.sigmoid(pre) : pre;
  return tf.max(out, 1) as tf.Tensor2D;
};

const maxAbsDiff = (a: tf.Tensor, b: tf.Tensor) => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0];

function random(shape: number[], seed: number, scale = 1): tf.Tensor {
  const r = mulberry32(seed);
  return tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (r() - 0.5) * 2 * scale), shape);
}

describe('convMaxPool against Conv1D + activation + GlobalMaxPooling1D (CPU)', () => {
  it.each(['relu', 'tanh', 'sigmoid', 'linear'] as const)('random inputs, %s: value and gradients of x, kernel and bias agree to 1e-5', async (activation) => {
    await tf.setBackend('cpu');
    tf.tidy(() => {
      const x = random([3, 11, 4], 1) as tf.Tensor3D;
      const w = random([3, 4, 5], 2) as tf.Tensor3D;
      const b = random([5], 3, 0.1) as tf.Tensor1D;
      const weights = random([3, 5], 4);
      const loss = (f: typeof standard) => (xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) =>
        tf.sum(tf.mul(f(xx as tf.Tensor3D, ww as tf.Tensor3D, bb as tf.Tensor1D, activation), weights)) as tf.Scalar;
      const ref = tf.valueAndGrads(loss(standard))([x, w, b]);
      const mine = tf.valueAndGrads(loss(convMaxPool))([x, w, b]);
      expect(Math.abs(ref.value.dataSync()[0] - mine.value.dataSync()[0])).toBeLessThanOrEqual(1e-5);
      ref.grads.forEach((g, i) => expect(maxAbsDiff(g, mine.grads[i])).toBeLessThanOrEqual(1e-5));
    });
  });

  it('padded inputs (ties between identical padding windows): embedding, kernel and bias gradients agree', async () => {
    await tf.setBackend('cpu');
    tf.tidy(() => {
      const vocab = 7;
      const embedding = random([vocab, 4], 5) as tf.Tensor2D;
      // 'pre' padding: long runs of id 0, and a repeated n-gram (3 5 3 5 3 5) in the second text.
      const ids = tf.tensor2d(
        [
          [0, 0, 0, 0, 0, 0, 0, 2, 4, 6, 1],
          [0, 0, 0, 3, 5, 3, 5, 3, 5, 2, 2],
          [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3],
        ],
        [3, 11],
        'int32',
      );
      const w = random([3, 4, 6], 6) as tf.Tensor3D;
      // A positive bias makes the all-padding windows win for some filters, so ties are exercised.
      const b = tf.add(random([6], 7, 0.1), 0.4) as tf.Tensor1D;
      const weights = random([3, 6], 8);
      const loss = (f: typeof standard) => (e: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) =>
        tf.sum(tf.mul(f(tf.gather(e, ids) as tf.Tensor as tf.Tensor3D, ww as tf.Tensor3D, bb as tf.Tensor1D, 'relu'), weights)) as tf.Scalar;
      const out = standard(tf.gather(embedding, ids) as tf.Tensor as tf.Tensor3D, w, b, 'relu');
      const pre = tf.relu(tf.add(tf.conv1d(tf.gather(embedding, ids) as tf.Tensor as tf.Tensor3D, w, 1, 'valid'), b));
      const tieCounts = tf.sum(tf.cast(tf.equal(pre, tf.expandDims(out, 1)), 'float32'), 1).dataSync();
      expect(Math.max(...tieCounts)).toBeGreaterThan(1);
      const ref = tf.valueAndGrads(loss(standard))([embedding, w, b]);
      const mine = tf.valueAndGrads(loss(convMaxPool))([embedding, w, b]);
      expect(Math.abs(ref.value.dataSync()[0] - mine.value.dataSync()[0])).toBeLessThanOrEqual(1e-5);
      ref.grads.forEach((g, i) => expect(maxAbsDiff(g, mine.grads[i])).toBeLessThanOrEqual(1e-5));
    });
  });
});
