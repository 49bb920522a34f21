import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../core/random';
import { scatterAddRows } from '../../../core/train/scatterAdd';
import { registerCpuUnsortedSegmentSum } from './unsortedSegmentSum';

describe('scatterAddRows', () => {
  it.each([
    ['repeated ids add up', [1, 2, 3, 4, 5, 6], 2, [1, 1, 0], 3, [5, 6, 4, 6, 0, 0]],
    ['ids outside the range are skipped', [1, 1, 2, 2], 2, [-1, 5], 3, [0, 0, 0, 0, 0, 0]],
    ['width 1', [1, 2, 3], 1, [2, 0, 2], 3, [2, 0, 4]],
  ])('%s', (_name, rows, width, ids, n, expected) => {
    expect(Array.from(scatterAddRows(Float32Array.from(rows), width, ids, n))).toEqual(expected);
  });
  it('refuses rows that do not match the ids', () => {
    expect(() => scatterAddRows(new Float32Array(5), 2, [0, 1], 2)).toThrow('5 values are not 2 rows of 2');
  });
});

describe('CPU UnsortedSegmentSum replacement', () => {
  it('equals the tfjs kernel it replaces, and the embedding gradient through it', async () => {
    await tf.setBackend('cpu');
    const random = mulberry32(3);
    const data = Float32Array.from({ length: 60 * 4 }, () => random() - 0.5);
    const ids = Int32Array.from({ length: 60 }, () => Math.floor(random() * 9));
    const x = tf.tensor2d(data, [60, 4]);
    const seg = tf.tensor1d(ids, 'int32');
    const embeddings = tf.variable(tf.randomUniform([9, 4], -1, 1, 'float32', 5));
    const lookup = tf.tensor2d(Int32Array.from(ids.slice(0, 12)), [3, 4], 'int32');
    const gradient = () => tf.grad((e: tf.Tensor) => tf.gather(e, lookup).mul(tf.range(0, 4).reshape([1, 1, 4])).sum())(embeddings);
    const reference = tf.unsortedSegmentSum(x, seg, 9);
    const referenceGrad = gradient();
    const original = tf.getKernel('UnsortedSegmentSum', 'cpu')!.kernelFunc;
    registerCpuUnsortedSegmentSum();
    expect(tf.getKernel('UnsortedSegmentSum', 'cpu')!.kernelFunc).not.toBe(original);
    const mine = tf.unsortedSegmentSum(x, seg, 9);
    const mineGrad = gradient();
    expect(mine.shape).toEqual([9, 4]);
    expect(tf.max(tf.abs(mine.sub(reference))).dataSync()[0]).toBeLessThanOrEqual(1e-6);
    expect(tf.max(tf.abs(mineGrad.sub(referenceGrad))).dataSync()[0]).toBeLessThanOrEqual(1e-6);
    tf.dispose([x, seg, embeddings, lookup, reference, referenceGrad, mine, mineGrad]);
  });
});
