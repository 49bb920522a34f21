import { describe, expect, it } from 'vitest';
import { defaultModelSpec, type ModelSpec } from '../model/modelSpec';
import { PRESETS } from './presets';
import { presetOf, specLabel, specSummary } from './specLabel';

const keras: ModelSpec = {
  vocabSize: 10000,
  sequenceLength: 500,
  embeddingDim: 16,
  layers: [
    { kind: 'conv1d', filters: 128, kernelSizes: [5], activation: 'relu' },
    { kind: 'globalMaxPool' },
    { kind: 'dense', units: 128, activation: 'relu' },
  ],
};

describe('specSummary', () => {
  it.each([
    { name: 'Keras text CNN layers', spec: keras, want: 'Conv 128×5 · Dense 128' },
    {
      name: 'Kim branches with dropout',
      spec: { ...keras, layers: [{ kind: 'conv1d', filters: 100, kernelSizes: [3, 4, 5], activation: 'relu' }, { kind: 'globalMaxPool' }, { kind: 'dropout', rate: 0.5 }] },
      want: 'Conv 100×3/4/5',
    },
    { name: 'no layers', spec: { ...keras, layers: [] }, want: 'Embedding 16 only' },
  ] as { name: string; spec: ModelSpec; want: string }[])('$name', ({ spec, want }) => {
    expect(specSummary(spec)).toBe(want);
  });
});

describe('specLabel', () => {
  it.each(PRESETS.map((p) => ({ id: p.id, name: p.name, spec: p.spec })))('names the $name preset', ({ id, name, spec }) => {
    expect(presetOf(structuredClone(spec))?.id).toBe(id);
    expect(specLabel(structuredClone(spec))).toBe(name);
  });
  it('summarizes a spec that is no preset', () => {
    const spec = { ...defaultModelSpec(), embeddingDim: 17 };
    expect(presetOf(spec)).toBeNull();
    expect(specLabel(spec)).toBe(specSummary(spec));
  });
});
