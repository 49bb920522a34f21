import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../core/random';
import { prepareWasmBackend } from '../wasmBackend';

type Inputs = Record<string, { values: Float32Array | Int32Array; shape: number[]; dtype: 'float32' | 'int32' }>;

/** Runs one kernel on a backend with the same inputs and attributes; returns its values and shape. */
async function run(backend: 'cpu' | 'wasm', kernel: string, inputs: Inputs, attrs: object) {
  await tf.setBackend(backend);
  const tensors = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, tf.tensor(v.values, v.shape, v.dtype)]));
  const out = tf.engine().runKernel(kernel, tensors, attrs as tf.NamedAttrMap) as tf.Tensor;
  const result = { values: Float32Array.from(out.dataSync()), shape: out.shape };
  tf.dispose([out, ...Object.values(tensors)]);
  return result;
}

async function expectSameAsCpu(kernel: string, inputs: Inputs, attrs: object) {
  const reference = await run('cpu', kernel, inputs, attrs);
  const mine = await run('wasm', kernel, inputs, attrs);
  expect(mine.shape).toEqual(reference.shape);
  let worst = 0;
  reference.values.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - mine.values[i]))));
  expect(worst).toBeLessThanOrEqual(1e-5);
}

const random = mulberry32(11);
const floats = (n: number) => Float32Array.from({ length: n }, () => random() * 2 - 1);
const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

beforeAll(async () => {
  prepareWasmBackend();
  await tf.setBackend('wasm');
});

describe('WASM UnsortedSegmentSum', () => {
  it.each([
    ['repeated ids', [5, 16], [3, 3, 3, 0, 7], 9],
    ['ids out of range are skipped (-1 and numSegments)', [6, 3], [-1, 2, 9, 2, 0, 9], 9],
    ['rank-3 rows', [12, 2, 5], null, 4],
    ['one row, one segment', [1, 8], [0], 1],
    ['a vocabulary of 10,000', [64, 16], null, 10000],
  ] as const)('%s: equals the CPU reference', async (_name, shape, ids, numSegments) => {
    const rows = shape[0];
    const segmentIds = ids ? Int32Array.from(ids) : Int32Array.from({ length: rows }, () => Math.floor(random() * numSegments));
    const x = { values: floats(size([...shape])), shape: [...shape], dtype: 'float32' as const };
    await expectSameAsCpu('UnsortedSegmentSum', { x, segmentIds: { values: segmentIds.slice(0, rows), shape: [rows], dtype: 'int32' } }, { numSegments });
  });

  it('sums int32 data exactly', async () => {
    const x = { values: Int32Array.from({ length: 20 }, (_, i) => i - 7), shape: [10, 2], dtype: 'int32' as const };
    const segmentIds = { values: Int32Array.from([0, 1, 1, 4, 2, 0, 0, 3, 4, 4]), shape: [10], dtype: 'int32' as const };
    await expectSameAsCpu('UnsortedSegmentSum', { x, segmentIds }, { numSegments: 5 });
  });

  it("is the Embedding gradient (tf.gather's) on WASM", async () => {
    const ids = Int32Array.from({ length: 24 }, () => Math.floor(random() * 7));
    const table = floats(7 * 4);
    const gradient = async (backend: 'cpu' | 'wasm') => {
      await tf.setBackend(backend);
      const e = tf.tensor2d(table, [7, 4]);
      const lookup = tf.tensor2d(ids, [4, 6], 'int32');
      const weights = tf.range(0, 4).reshape([1, 1, 4]);
      const g = tf.grad((t: tf.Tensor) => tf.gather(t, lookup).mul(weights).sum())(e);
      const values = g.dataSync().slice();
      tf.dispose([e, lookup, weights, g]);
      return values;
    };
    const reference = await gradient('cpu');
    const mine = await gradient('wasm');
    reference.forEach((v, i) => expect(Math.abs(v - mine[i])).toBeLessThanOrEqual(1e-5));
  });
});

describe('WASM GatherV2', () => {
  it.each([
    ['embedding lookup: rows of a table by a 2-D index', [50, 16], [4, 9], 0],
    ['repeated and boundary indices', [7, 3], [6], 0],
    ['axis 1 of a rank-3 tensor', [3, 8, 5], [4], 1],
    ['the last axis', [4, 6], [3, 2], 1],
    ['a scalar index', [5, 4], [], 0],
  ] as const)('%s: equals the CPU reference', async (name, shape, indexShape, axis) => {
    const dim = shape[axis];
    const indices = name.startsWith('repeated') ? Int32Array.from([0, 6, 6, 3, 0, 6]) : Int32Array.from({ length: size([...indexShape]) }, () => Math.floor(random() * dim));
    const x = { values: floats(size([...shape])), shape: [...shape], dtype: 'float32' as const };
    await expectSameAsCpu('GatherV2', { x, indices: { values: indices, shape: [...indexShape], dtype: 'int32' } }, { axis, batchDims: 0 });
  });

  it('gathers int32 data, and batched gathers through the original kernel', async () => {
    const x = { values: Int32Array.from({ length: 24 }, (_, i) => i * 3 - 20), shape: [2, 4, 3], dtype: 'int32' as const };
    await expectSameAsCpu('GatherV2', { x, indices: { values: Int32Array.from([3, 0, 2]), shape: [3], dtype: 'int32' } }, { axis: 1, batchDims: 0 });
    const batched = { values: Int32Array.from([3, 0, 1, 1]), shape: [2, 2], dtype: 'int32' as const };
    await expectSameAsCpu('GatherV2', { x, indices: batched }, { axis: 1, batchDims: 1 });
  });

  it('refuses an index out of range as tfjs does', async () => {
    await tf.setBackend('wasm');
    const x = tf.zeros([4, 2]);
    const indices = tf.tensor1d([1, 4], 'int32');
    expect(() => tf.gather(x, indices)).toThrow('GatherV2: the index value 4 is not in [0, 3]');
    tf.dispose([x, indices]);
  });
});

describe('WASM Equal', () => {
  it.each([
    ["global max pooling's gradient: [B, L, F] against [B, 1, F]", [4, 30, 8], [4, 1, 8]],
    ['the same shapes', [5, 7], [5, 7]],
    ['a scalar', [6, 5], []],
    ['both sides broadcast', [3, 1, 4], [1, 5, 1]],
    ['rank 1 against rank 3', [4], [2, 3, 4]],
    ['a last axis of 1', [3, 4, 1], [3, 1, 1]],
  ] as const)('%s: equals the CPU reference', async (_name, aShape, bShape) => {
    // Few distinct values, so that many pairs are equal.
    const values = (shape: readonly number[]) => Float32Array.from({ length: size([...shape]) }, () => Math.floor(random() * 3));
    const a = { values: values(aShape), shape: [...aShape], dtype: 'float32' as const };
    const b = { values: values(bShape), shape: [...bShape], dtype: 'float32' as const };
    await expectSameAsCpu('Equal', { a, b }, {});
  });

  it('compares int32 (the accuracy metric) and reads tf.max exactly', async () => {
    const a = { values: Int32Array.from([1, 2, 3, 4, 5, 6]), shape: [6], dtype: 'int32' as const };
    const b = { values: Int32Array.from([1, 0, 3, 0, 5, 0]), shape: [6], dtype: 'int32' as const };
    await expectSameAsCpu('Equal', { a, b }, {});
    await tf.setBackend('wasm');
    const x = tf.tensor3d(floats(2 * 9 * 3), [2, 9, 3]);
    const hits = tf.tidy(() => tf.sum(tf.cast(tf.equal(x, tf.max(x, 1, true)), 'int32')).dataSync()[0]);
    expect(hits).toBe(6);
    x.dispose();
  });
});

/** [batch, height, width, inChannels], [filterHeight, filterWidth, inChannels, outChannels], strides, pad. */
type ConvCase = [string, number[], number[], number | [number, number], 'valid' | 'same' | number];

const convCases: ConvCase[] = [
  ['conv1d valid, stride 1 (the presets)', [3, 1, 20, 6], [1, 5, 6, 8], 1, 'valid'],
  ['conv1d valid, stride 2', [2, 1, 21, 4], [1, 3, 4, 5], [1, 2], 'valid'],
  ['conv1d same, stride 1', [2, 1, 17, 5], [1, 4, 5, 3], 1, 'same'],
  ['conv1d same, stride 2', [3, 1, 15, 4], [1, 5, 4, 6], [1, 2], 'same'],
  ['conv1d same, filter wider than the input', [2, 1, 3, 2], [1, 7, 2, 3], 1, 'same'],
  ['conv1d, one filter, batch of one', [1, 1, 9, 3], [1, 2, 3, 1], 1, 'valid'],
  ['conv2d, explicit padding 1, strides 2×1', [2, 5, 6, 3], [3, 2, 3, 4], [2, 1], 1],
  ['conv2d same, stride 2', [2, 7, 7, 2], [3, 3, 2, 3], 2, 'same'],
];

describe('WASM convolution gradients', () => {
  it.each(convCases)('Conv2DBackpropFilter, %s: equals the CPU reference', async (_name, xShape, filterShape, strides, pad) => {
    const info = tf.backend_util.computeConv2DInfo(xShape as never, filterShape as never, strides, 1, pad);
    const x = { values: floats(size(xShape)), shape: xShape, dtype: 'float32' as const };
    const dy = { values: floats(size(info.outShape)), shape: info.outShape, dtype: 'float32' as const };
    await expectSameAsCpu('Conv2DBackpropFilter', { x, dy }, { strides, pad, dataFormat: 'NHWC', filterShape });
  });

  it.each(convCases)('Conv2DBackpropInput, %s: equals the CPU reference', async (_name, xShape, filterShape, strides, pad) => {
    const info = tf.backend_util.computeConv2DInfo(xShape as never, filterShape as never, strides, 1, pad);
    const filter = { values: floats(size(filterShape)), shape: filterShape, dtype: 'float32' as const };
    const dy = { values: floats(size(info.outShape)), shape: info.outShape, dtype: 'float32' as const };
    await expectSameAsCpu('Conv2DBackpropInput', { dy, filter }, { strides, pad, dataFormat: 'NHWC', inputShape: xShape });
  });

  it.each([
    ['valid', 1],
    ['same', 2],
  ] as const)("tf.conv1d's gradients (padding %s, stride %i) equal the CPU ones", async (pad, stride) => {
    const xValues = floats(2 * 19 * 5);
    const fValues = floats(3 * 5 * 4);
    const grads = async (backend: 'cpu' | 'wasm') => {
      await tf.setBackend(backend);
      const x = tf.tensor3d(xValues, [2, 19, 5]);
      const f = tf.tensor3d(fValues, [3, 5, 4]);
      const [dx, df] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.conv1d(a as tf.Tensor3D, b as tf.Tensor3D, stride, pad).square().sum())([x, f]);
      const out = [dx.dataSync().slice(), df.dataSync().slice()];
      tf.dispose([x, f, dx, df]);
      return out;
    };
    const reference = await grads('cpu');
    const mine = await grads('wasm');
    reference.forEach((r, j) => r.forEach((v, i) => expect(Math.abs(v - mine[j][i])).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(v)))));
  });

  it('refuses NCHW data with a message that says what to do', async () => {
    await tf.setBackend('wasm');
    const x = tf.zeros([1, 2, 1, 5]);
    const dy = tf.zeros([1, 3, 1, 3]);
    expect(() => tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides: 1, pad: 'valid', dataFormat: 'NCHW', filterShape: [1, 3, 2, 3] })).toThrow(
      'channels-last (NHWC) data only: choose another backend',
    );
    tf.dispose([x, dy]);
  });
});
