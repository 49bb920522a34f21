import { describe, expect, it } from 'vitest';
import { defaultLayer, duplicateLayer, insertLayer, LAYER_KINDS, moveLayer, parseKernelSizes, removeLayer, replaceLayer, suggestedIndex } from './layerStack';
import { defaultModelSpec, validateModelSpec, type LayerSpec, type ModelSpec } from './modelSpec';
import { PRESETS } from '../train/presets';

/** Freezes a spec all the way down, so an edit that mutates its input throws. */
function frozen(spec: ModelSpec): ModelSpec {
  const copy: ModelSpec = JSON.parse(JSON.stringify(spec));
  for (const layer of copy.layers) {
    if (layer.kind === 'conv1d') Object.freeze(layer.kernelSizes);
    Object.freeze(layer);
  }
  Object.freeze(copy.layers);
  return Object.freeze(copy);
}

const CONV: LayerSpec = { kind: 'conv1d', filters: 128, kernelSizes: [5], activation: 'relu' };
const POOL: LayerSpec = { kind: 'globalMaxPool' };
const DENSE: LayerSpec = { kind: 'dense', units: 128, activation: 'relu' };
const DROP: LayerSpec = { kind: 'dropout', rate: 0.5 };
const start = () => frozen(defaultModelSpec()); // conv 128×5, max pool, dense 128

type Edit = (spec: ModelSpec) => ModelSpec;
const CASES: [string, Edit, LayerSpec[] | 'unchanged'][] = [
  ['insert a convolution: before the pooling', (s) => insertLayer(s, { ...CONV, filters: 8 }), [CONV, { ...CONV, filters: 8 }, POOL, DENSE]],
  ['insert max pooling: before the global pooling', (s) => insertLayer(s, { kind: 'maxPool', poolSize: 2 }), [CONV, { kind: 'maxPool', poolSize: 2 }, POOL, DENSE]],
  ['insert dropout: at the end', (s) => insertLayer(s, DROP), [CONV, POOL, DENSE, DROP]],
  ['insert at an index', (s) => insertLayer(s, DROP, 2), [CONV, POOL, DROP, DENSE]],
  ['remove the dense layer', (s) => removeLayer(s, 2), [CONV, POOL]],
  ['remove out of range', (s) => removeLayer(s, 9), 'unchanged'],
  ['move the dense layer up', (s) => moveLayer(s, 2, -1), [CONV, DENSE, POOL]],
  ['move the first layer up', (s) => moveLayer(s, 0, -1), 'unchanged'],
  ['move the last layer down', (s) => moveLayer(s, 2, 1), 'unchanged'],
  ['duplicate the convolution', (s) => duplicateLayer(s, 0), [CONV, CONV, POOL, DENSE]],
  ['duplicate out of range', (s) => duplicateLayer(s, -1), 'unchanged'],
  ['replace the convolution', (s) => replaceLayer(s, 0, { ...CONV, kernelSizes: [3, 4] }), [{ ...CONV, kernelSizes: [3, 4] }, POOL, DENSE]],
  ['replace out of range', (s) => replaceLayer(s, 3, DROP), 'unchanged'],
];

describe('layer stack edits', () => {
  it.each(CASES)('%s', (_name, edit, layers) => {
    const before = start();
    const snapshot = JSON.stringify(before);
    const after = edit(before); // a mutation of the frozen input would throw here
    expect(JSON.stringify(before)).toBe(snapshot);
    if (layers === 'unchanged') {
      expect(after).toBe(before);
      return;
    }
    expect(after.layers).toEqual(layers);
    expect({ ...after, layers: [] }).toEqual({ ...before, layers: [] });
  });

  it('a duplicated convolution does not share its kernel sizes with the original', () => {
    const after = duplicateLayer(defaultModelSpec(), 0);
    expect(after.layers[0]).not.toBe(after.layers[1]);
    expect((after.layers[0] as { kernelSizes: number[] }).kernelSizes).not.toBe((after.layers[1] as { kernelSizes: number[] }).kernelSizes);
  });

  it('suggests a place for each kind of layer', () => {
    expect(LAYER_KINDS.map(({ kind }) => [kind, suggestedIndex(defaultModelSpec(), kind)])).toEqual([
      ['conv1d', 1],
      ['globalMaxPool', 1],
      ['globalAvgPool', 1],
      ['maxPool', 1],
      ['batchNorm', 3],
      ['dropout', 3],
      ['dense', 3],
    ]);
  });

  it.each(PRESETS.map((p) => [p.id, p.spec] as const))('the "%s" preset stays valid with a default layer of each trailing kind added', (_id, spec) => {
    let edited = frozen(spec);
    for (const kind of ['dropout', 'dense', 'batchNorm'] as const) edited = insertLayer(edited, defaultLayer(kind));
    expect(validateModelSpec(edited)).toEqual([]);
  });
});

describe('parseKernelSizes', () => {
  it.each([
    ['3, 4, 5', [3, 4, 5]],
    ['3,4,5', [3, 4, 5]],
    [' 3 ; 4\t5 ', [3, 4, 5]],
    ['7', [7]],
    ['3,,4', [3, 4]],
    ['', null],
    [' , ; ', null],
    ['3, x', null],
    ['0', null],
    ['-3', null],
    ['2.5', null],
    ['3, 4.0001', null],
  ])('%j → %j', (text, sizes) => {
    expect(parseKernelSizes(text)).toEqual(sizes);
  });
});
