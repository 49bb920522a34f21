import { describe, expect, it } from 'vitest';
import { convMaxBackward, convMaxForward, type ConvMaxCase } from './convMaxReference';

// One text [1, 2, 0, 0] (the last two tokens padding), D = 1, k = 2, F = 2; embedding rows 0, 1, 2
// are 0, 1, 3. Windows: (1,2), (2,0), (0,0). Filter 0 weights (1, 1): sums 4, 3, 0. Filter 1
// weights (0, 0), bias −1: every window −1, a three-way tie at window 0.
const base: ConvMaxCase = {
  ids: Int32Array.from([1, 2, 0, 0]),
  batch: 1,
  length: 4,
  embedding: Float32Array.from([0, 1, 3]),
  dim: 1,
  kernel: Float32Array.from([1, 0, 1, 0]),
  kernelSize: 2,
  filters: 2,
  bias: Float32Array.from([0, -1]),
  activation: 'linear',
};

describe('convMaxReference', () => {
  it('takes the max, the first argmax and the tie count over the pre-activation sums', () => {
    const out = convMaxForward(base);
    expect(Array.from(out.value)).toEqual([4, -1]);
    expect(Array.from(out.arg)).toEqual([0, 0]);
    expect(Array.from(out.ties)).toEqual([1, 3]);
  });

  it('sends the gradient to the first winning window only, times the ties', () => {
    const dy = Float32Array.from([2, 0.5]);
    const g = convMaxBackward(base, convMaxForward(base), dy);
    // Filter 0: g = 2 through window (1, 2); filter 1: g = 0.5 · 3 through window (1, 2).
    expect(Array.from(g.bias)).toEqual([2, 1.5]);
    // kernel[j, 0, f] += g_f · emb[ids[j]]: j = 0 reads token 1 (1), j = 1 token 2 (3).
    expect(Array.from(g.kernel)).toEqual([2, 1.5, 6, 4.5]);
    // emb[1] += 2·1 + 1.5·0; emb[2] += 2·1 + 1.5·0; padding row untouched.
    expect(Array.from(g.embedding)).toEqual([0, 2, 2]);
  });

  it('ReLU passes nothing where the max is not positive', () => {
    const relu = { ...base, activation: 'relu' as const };
    const out = convMaxForward(relu);
    expect(Array.from(out.value)).toEqual([4, 0]);
    expect(Array.from(convMaxBackward(relu, out, Float32Array.from([1, 1])).bias)).toEqual([1, 0]);
  });

  it.each([
    ['tanh', Math.tanh(4), 1 - Math.tanh(4) ** 2],
    ['sigmoid', 1 / (1 + Math.exp(-4)), (1 / (1 + Math.exp(-4))) * (1 - 1 / (1 + Math.exp(-4)))],
  ] as const)('%s: the activation of the max, and its slope from the output', (activation, value, slope) => {
    const c = { ...base, filters: 1, kernel: Float32Array.from([1, 1]), bias: Float32Array.from([0]), activation };
    const out = convMaxForward(c);
    expect(out.value[0]).toBeCloseTo(value, 6);
    expect(convMaxBackward(c, out, Float32Array.from([1])).bias[0]).toBeCloseTo(slope, 6);
  });
});
