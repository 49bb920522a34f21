import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { Activation } from '../../../core/model/modelSpec';
import { mulberry32 } from '../../../core/random';
import { disposeWinners, findWinners, pooledFromWinners } from './windowMax';

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

describe('winning-window max pooling against Conv1D + activation + GlobalMaxPooling1D (CPU)', () => {
  it.each(['relu', 'tanh', 'sigmoid', 'linear'] as const)('random inputs, %s: value and gradients of x, kernel and bias agree to 1e-5', async (activation) => {
    await tf.setBackend('cpu');
    tf.tidy(() => {
      const x = random([3, 11, 4], 1) as tf.Tensor3D;
      const w = random([3, 4, 5], 2) as tf.Tensor3D;
      const b = random([5], 3, 0.1) as tf.Tensor1D;
      const weights = random([3, 5], 4);
      const winners = findWinners(x, w, b, activation);
      const loss = (f: (x: tf.Tensor3D, w: tf.Tensor3D, b: tf.Tensor1D) => tf.Tensor2D) => (xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) =>
        tf.sum(tf.mul(f(xx as tf.Tensor3D, ww as tf.Tensor3D, bb as tf.Tensor1D), weights)) as tf.Scalar;
      const ref = tf.valueAndGrads(loss((xx, ww, bb) => standard(xx, ww, bb, activation)))([x, w, b]);
      const mine = tf.valueAndGrads(loss((xx, ww, bb) => pooledFromWinners(xx, ww, bb, activation, winners)))([x, w, b]);
      expect(Math.abs(ref.value.dataSync()[0] - mine.value.dataSync()[0])).toBeLessThanOrEqual(1e-5);
      ref.grads.forEach((g, i) => expect(maxAbsDiff(g, mine.grads[i])).toBeLessThanOrEqual(1e-5));
      disposeWinners(winners);
    });
  });

  it('padded inputs (ties between identical padding windows): embedding, kernel and bias gradients agree', async () => {
    await tf.setBackend('cpu');
    tf.tidy(() => {
      const embedding = random([7, 4], 5) as tf.Tensor2D;
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
      const x = tf.gather(embedding, ids) as tf.Tensor as tf.Tensor3D;
      const winners = findWinners(x, w, b, 'relu');
      expect(Math.max(...winners.ties.dataSync())).toBeGreaterThan(1);
      const loss = (f: (x: tf.Tensor3D, w: tf.Tensor3D, b: tf.Tensor1D) => tf.Tensor2D) => (e: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) =>
        tf.sum(tf.mul(f(tf.gather(e, ids) as tf.Tensor as tf.Tensor3D, ww as tf.Tensor3D, bb as tf.Tensor1D), weights)) as tf.Scalar;
      const ref = tf.valueAndGrads(loss((xx, ww, bb) => standard(xx, ww, bb, 'relu')))([embedding, w, b]);
      const mine = tf.valueAndGrads(loss((xx, ww, bb) => pooledFromWinners(xx, ww, bb, 'relu', winners)))([embedding, w, b]);
      expect(Math.abs(ref.value.dataSync()[0] - mine.value.dataSync()[0])).toBeLessThanOrEqual(1e-5);
      ref.grads.forEach((g, i) => expect(maxAbsDiff(g, mine.grads[i])).toBeLessThanOrEqual(1e-5));
    });
  });
});
