import { describe, expect, it } from 'vitest';
import { enginePlan, engineUnsupported } from './enginePlan';
import type { LayerSpec, ModelSpec } from '../model/modelSpec';
import { PRESETS } from './presets';

const spec = (layers: LayerSpec[]): ModelSpec => ({ vocabSize: 100, sequenceLength: 20, embeddingDim: 8, layers });
const conv: LayerSpec = { kind: 'conv1d', filters: 10, kernelSizes: [3], activation: 'relu' };

describe('engineUnsupported', () => {
  it.each([
    ['tiny', null],
    ['keras-text-cnn', null],
    ['kim-cnn', null],
    ['char-cnn', 'the WASM engine trains one convolution followed by global max pooling (no stacked convolutions, max pooling or batch norm)'],
  ])('preset %s → %s', (id, reason) => {
    expect(engineUnsupported(PRESETS.find((p) => p.id === id)!.spec)).toBe(reason);
  });

  it.each<[string, LayerSpec[], string]>([
    ['average pooling', [conv, { kind: 'globalAvgPool' }], 'not average pooling'],
    ['same padding', [{ ...conv, padding: 'same' } as LayerSpec, { kind: 'globalMaxPool' }], "'valid', stride-1"],
    ['a stride', [{ ...conv, strides: 2 } as LayerSpec, { kind: 'globalMaxPool' }], "'valid', stride-1"],
    ['tanh convolution', [{ ...conv, activation: 'tanh' } as LayerSpec, { kind: 'globalMaxPool' }], 'ReLU or linear'],
    ['batch norm after pooling', [conv, { kind: 'globalMaxPool' }, { kind: 'batchNorm' }], 'not batch norm'],
    ['no convolution first', [{ kind: 'dense', units: 4, activation: 'relu' }], 'a convolution right after the embedding'],
    ['a kernel longer than the text', [{ ...conv, kernelSizes: [30] } as LayerSpec, { kind: 'globalMaxPool' }], 'longer than the sequence'],
  ])('refuses %s', (_, layers, fragment) => {
    expect(engineUnsupported(spec(layers))).toContain(fragment);
  });
});

describe('enginePlan', () => {
  it('names layers as buildModel does and pads filters to the SIMD block', () => {
    const plan = enginePlan(PRESETS.find((p) => p.id === 'kim-cnn')!.spec, 3);
    expect(plan.branches.map((b) => [b.name, b.kernelSize, b.filters, b.paddedFilters])).toEqual([
      ['conv1d_0_k3_0', 3, 100, 104],
      ['conv1d_0_k4_1', 4, 100, 104],
      ['conv1d_0_k5_2', 5, 100, 104],
    ]);
    expect(plan.head).toEqual([
      { kind: 'dropout', rate: 0.5 },
      { kind: 'dense', name: 'output', inputs: 300, units: 3, activation: 'softmax', l1: 0, l2: 0 },
    ]);
  });

  it('refuses with the reason', () => {
    expect(() => enginePlan(spec([conv, { kind: 'globalAvgPool' }]), 2)).toThrow('not average pooling');
  });
});
