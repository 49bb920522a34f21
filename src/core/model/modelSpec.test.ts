import { describe, expect, it } from 'vitest';
import { defaultModelSpec, firstLayer, validateModelSpec } from './modelSpec';
import type { LayerSpec, ModelSpec, SpecIssue } from './modelSpec';
import { PRESETS } from '../train/presets';

/**
 * Pairs each case with its name rendered from the case data itself, so names cannot drift from
 * what is checked. Used with '%s' because '$field' titles are truncated by vitest.
 */
function named<T extends object>(cases: T[]): [string, T][] {
  return cases.map((c) => [JSON.stringify(c), c]);
}

const conv = (kernelSizes: number[], filters = 8): LayerSpec => ({ kind: 'conv1d', filters, kernelSizes, activation: 'relu' });
const MAX: LayerSpec = { kind: 'globalMaxPool' };
const AVG: LayerSpec = { kind: 'globalAvgPool' };
const dropout = (rate: number): LayerSpec => ({ kind: 'dropout', rate });
const dense = (units: number): LayerSpec => ({ kind: 'dense', units, activation: 'relu' });

const NO_POOL = { path: 'layers', message: 'Add a global pooling layer: the classifier needs one vector per text.' };
const tooLong = (i: number, k: number, length: number) => ({
  path: `layers.${i}.kernelSizes`,
  message: `Kernel size ${k} is longer than the sequence (${length} tokens): lower it or raise the sequence length.`,
});

interface Case {
  /** Fields that differ from a 100-word, 20-token, 4-dim spec. */
  spec: Partial<ModelSpec>;
  classCount?: number;
  issues: SpecIssue[];
}

const BASE: ModelSpec = { vocabSize: 100, sequenceLength: 20, embeddingDim: 4, layers: [conv([3]), MAX, dense(16)] };

describe('validateModelSpec', () => {
  it.each(
    named<Case>([
      { spec: {}, issues: [] },
      { spec: { layers: [conv([3, 4, 5]), AVG, dropout(0.5), dense(8), dense(4)] }, issues: [] },
      { spec: { layers: [MAX] }, issues: [] },
      { spec: { layers: [conv([20]), MAX] }, issues: [] },
      { spec: { layers: [conv([3]), MAX, dropout(0)] }, issues: [] },
      { spec: { layers: [conv([3]), MAX, dropout(0.99)] }, issues: [] },
      { spec: { vocabSize: 2 }, issues: [] },
      // Kernel longer than the sequence, also after an earlier convolution shortened it (20 − 15 + 1 = 6).
      { spec: { layers: [conv([21]), MAX] }, issues: [tooLong(0, 21, 20)] },
      { spec: { layers: [conv([15]), conv([7]), MAX] }, issues: [tooLong(1, 7, 6)] },
      { spec: { layers: [conv([3, 25]), MAX] }, issues: [tooLong(0, 25, 20)] },
      // Filters and kernel sizes.
      { spec: { layers: [conv([3], 0), MAX] }, issues: [{ path: 'layers.0.filters', message: 'Filters must be a whole number of at least 1.' }] },
      { spec: { layers: [conv([3], 1.5), MAX] }, issues: [{ path: 'layers.0.filters', message: 'Filters must be a whole number of at least 1.' }] },
      { spec: { layers: [conv([]), MAX] }, issues: [{ path: 'layers.0.kernelSizes', message: 'Give at least one kernel size.' }] },
      { spec: { layers: [conv([0]), MAX] }, issues: [{ path: 'layers.0.kernelSizes', message: 'Kernel size 0 must be a whole number of at least 1.' }] },
      { spec: { layers: [conv([2.5]), MAX] }, issues: [{ path: 'layers.0.kernelSizes', message: 'Kernel size 2.5 must be a whole number of at least 1.' }] },
      // Dropout must be in [0, 1).
      ...[1, 1.5, -0.1].map((rate) => ({
        spec: { layers: [conv([3]), MAX, dropout(rate)] },
        issues: [{ path: 'layers.2.rate', message: 'Dropout rate must be at least 0 and below 1.' }],
      })),
      // Dense before pooling.
      {
        spec: { layers: [conv([3]), dense(8), MAX] },
        issues: [{ path: 'layers.1', message: 'Add a global pooling layer before dense layers.' }],
      },
      { spec: { layers: [dense(8), MAX] }, issues: [{ path: 'layers.0', message: 'Add a global pooling layer before dense layers.' }] },
      { spec: { layers: [conv([3]), MAX, dense(0)] }, issues: [{ path: 'layers.2.units', message: 'Dense units must be a whole number of at least 1.' }] },
      // No pooling at all.
      { spec: { layers: [] }, issues: [NO_POOL] },
      { spec: { layers: [conv([3])] }, issues: [NO_POOL] },
      { spec: { layers: [conv([3]), dropout(0.2)] }, issues: [NO_POOL] },
      // Several kernel sizes need a global pooling layer right after them.
      {
        spec: { layers: [conv([3, 4]), dropout(0.5), MAX] },
        issues: [{ path: 'layers.0', message: 'Several kernel sizes run side by side, so a global pooling layer must follow directly.' }],
      },
      {
        spec: { layers: [conv([3, 4]), conv([2]), MAX] },
        issues: [{ path: 'layers.0', message: 'Several kernel sizes run side by side, so a global pooling layer must follow directly.' }],
      },
      {
        spec: { layers: [conv([3, 4])] },
        issues: [{ path: 'layers.0', message: 'Several kernel sizes run side by side, so a global pooling layer must follow directly.' }, NO_POOL],
      },
      // Layers after pooling that need a sequence.
      { spec: { layers: [conv([3]), MAX, conv([3])] }, issues: [{ path: 'layers.2', message: 'A convolution needs a sequence: move it before the pooling layer.' }] },
      { spec: { layers: [conv([3]), MAX, AVG] }, issues: [{ path: 'layers.2', message: 'Only one global pooling layer is possible.' }] },
      // Sizes of the spec itself.
      { spec: { vocabSize: 1 }, issues: [{ path: 'vocabSize', message: 'Vocabulary size must be a whole number of at least 2 (index 0 is padding).' }] },
      { spec: { vocabSize: 100.5 }, issues: [{ path: 'vocabSize', message: 'Vocabulary size must be a whole number of at least 2 (index 0 is padding).' }] },
      {
        spec: { sequenceLength: 0 },
        issues: [{ path: 'sequenceLength', message: 'Sequence length must be a whole number of at least 1 token.' }, tooLong(0, 3, 0)],
      },
      { spec: { embeddingDim: 0 }, issues: [{ path: 'embeddingDim', message: 'Embedding dimension must be a whole number of at least 1.' }] },
      { spec: {}, classCount: 1, issues: [{ path: 'classes', message: 'The dataset needs at least 2 classes to train a classifier.' }] },
      { spec: {}, classCount: 20, issues: [] },
    ]),
  )('%s', (_name, { spec, classCount, issues }) => {
    expect(validateModelSpec({ ...BASE, ...spec }, classCount)).toEqual(issues);
  });

  it.each(PRESETS.map((p) => [p.id, p.spec] as const))('finds no issue in the "%s" preset', (_id, spec) => {
    expect(validateModelSpec(spec)).toEqual([]);
    expect(validateModelSpec(spec, 10)).toEqual([]);
  });

  it('finds no issue in the default spec', () => {
    expect(validateModelSpec(defaultModelSpec())).toEqual([]);
  });
});

describe('firstLayer', () => {
  const spec: ModelSpec = { ...BASE, layers: [conv([3], 8), conv([2], 16), MAX, dense(32), dense(4)] };
  it.each(
    named([
      { kind: 'conv1d', found: conv([3], 8) },
      { kind: 'dense', found: dense(32) },
      { kind: 'globalMaxPool', found: MAX },
      { kind: 'dropout', found: undefined },
    ] as { kind: LayerSpec['kind']; found: LayerSpec | undefined }[]),
  )('%s', (_name, { kind, found }) => {
    expect(firstLayer(spec, kind)).toEqual(found);
  });
});
