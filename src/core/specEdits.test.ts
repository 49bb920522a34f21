import { describe, expect, it } from 'vitest';
import { defaultModelSpec, validateModelSpec } from './modelSpec';
import type { LayerSpec, ModelSpec } from './modelSpec';
import { PRESETS } from './presets';
import { parseKernelSizes, setDenseUnits, setDropout, setFilters, setKernelSize, setKernelSizes } from './specEdits';

/**
 * Pairs each case with its name rendered from the case data itself, so names cannot drift from
 * what is checked. Used with '%s' because '$field' titles are truncated by vitest.
 */
function named<T extends object>(cases: T[]): [string, T][] {
  return cases.map((c) => [JSON.stringify(c), c]);
}

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
const KIM_CONV: LayerSpec = { kind: 'conv1d', filters: 100, kernelSizes: [3, 4, 5], activation: 'relu' };

/** Starting specs by name: the default plus some edge shapes. */
const STARTS: Record<string, ModelSpec> = {
  default: defaultModelSpec(), // conv 128×5, max pool, dense 128
  kim: { ...defaultModelSpec(), layers: [KIM_CONV, POOL, { kind: 'dropout', rate: 0.5 }] },
  convOnly: { ...defaultModelSpec(), layers: [CONV] },
  poolOnly: { ...defaultModelSpec(), layers: [POOL] },
};

const EDITS = { setFilters, setKernelSizes, setKernelSize, setDenseUnits, setDropout } as const;

interface EditCase {
  start: keyof typeof STARTS;
  edit: keyof typeof EDITS;
  arg: number | number[];
  /** The layers afterwards; 'unchanged' means the very same spec object comes back. */
  layers: LayerSpec[] | 'unchanged';
}

const apply = ({ edit, arg }: EditCase, spec: ModelSpec): ModelSpec =>
  (EDITS[edit] as (s: ModelSpec, a: number | number[]) => ModelSpec)(spec, arg);

const CASES: EditCase[] = [
  { start: 'default', edit: 'setFilters', arg: 64, layers: [{ ...CONV, filters: 64 }, POOL, DENSE] },
  { start: 'kim', edit: 'setFilters', arg: 50, layers: [{ ...KIM_CONV, filters: 50 }, POOL, { kind: 'dropout', rate: 0.5 }] },
  { start: 'poolOnly', edit: 'setFilters', arg: 64, layers: 'unchanged' },
  { start: 'default', edit: 'setKernelSizes', arg: [3, 4, 5], layers: [{ ...CONV, kernelSizes: [3, 4, 5] }, POOL, DENSE] },
  { start: 'kim', edit: 'setKernelSizes', arg: [2], layers: [{ ...KIM_CONV, kernelSizes: [2] }, POOL, { kind: 'dropout', rate: 0.5 }] },
  { start: 'default', edit: 'setKernelSize', arg: 3, layers: [{ ...CONV, kernelSizes: [3] }, POOL, DENSE] },
  // The first kernel size changes; the parallel branches after it stay.
  { start: 'kim', edit: 'setKernelSize', arg: 7, layers: [{ ...KIM_CONV, kernelSizes: [7, 4, 5] }, POOL, { kind: 'dropout', rate: 0.5 }] },
  { start: 'poolOnly', edit: 'setKernelSize', arg: 3, layers: 'unchanged' },
  { start: 'default', edit: 'setDenseUnits', arg: 64, layers: [CONV, POOL, { ...DENSE, units: 64 }] },
  { start: 'default', edit: 'setDenseUnits', arg: 0, layers: [CONV, POOL] },
  { start: 'default', edit: 'setDenseUnits', arg: -3, layers: [CONV, POOL] },
  { start: 'kim', edit: 'setDenseUnits', arg: 32, layers: [KIM_CONV, POOL, { kind: 'dropout', rate: 0.5 }, { kind: 'dense', units: 32, activation: 'relu' }] },
  { start: 'kim', edit: 'setDenseUnits', arg: 0, layers: 'unchanged' },
  // A new dropout goes right after the pooling layer, before any dense layer.
  { start: 'default', edit: 'setDropout', arg: 0.3, layers: [CONV, POOL, { kind: 'dropout', rate: 0.3 }, DENSE] },
  { start: 'kim', edit: 'setDropout', arg: 0.2, layers: [KIM_CONV, POOL, { kind: 'dropout', rate: 0.2 }] },
  { start: 'kim', edit: 'setDropout', arg: 0, layers: [KIM_CONV, POOL] },
  { start: 'default', edit: 'setDropout', arg: 0, layers: 'unchanged' },
  // Without a pooling layer, it goes last.
  { start: 'convOnly', edit: 'setDropout', arg: 0.5, layers: [CONV, { kind: 'dropout', rate: 0.5 }] },
];

describe('spec edits', () => {
  it.each(CASES.map((c) => [`${c.edit}(${c.start}, ${JSON.stringify(c.arg)})`, c] as const))(
    '%s',
    (_name, c) => {
      const before = frozen(STARTS[c.start]);
      const snapshot = JSON.stringify(before);
      const after = apply(c, before); // a mutation of the frozen input would throw here
      expect(JSON.stringify(before)).toBe(snapshot);
      if (c.layers === 'unchanged') {
        expect(after).toBe(before);
        return;
      }
      expect(after).not.toBe(before);
      expect(after.layers).toEqual(c.layers);
      expect({ ...after, layers: [] }).toEqual({ ...before, layers: [] });
    },
  );

  it.each(PRESETS.map((p) => [p.id, p.spec] as const))('keeps the "%s" preset valid through the simple form edits', (_id, spec) => {
    let edited = frozen(spec);
    edited = setFilters(edited, 48);
    edited = setKernelSize(edited, 4);
    edited = setDropout(edited, 0.25);
    edited = setDenseUnits(edited, 24);
    expect(validateModelSpec(edited)).toEqual([]);
  });
});

describe('parseKernelSizes', () => {
  it.each(
    named([
      { text: '3, 4, 5', sizes: [3, 4, 5] },
      { text: '3,4,5', sizes: [3, 4, 5] },
      { text: ' 3 ; 4\t5 ', sizes: [3, 4, 5] },
      { text: '7', sizes: [7] },
      { text: '3,,4', sizes: [3, 4] },
      { text: '', sizes: null },
      { text: ' , ; ', sizes: null },
      { text: '3, x', sizes: null },
      { text: '0', sizes: null },
      { text: '-3', sizes: null },
      { text: '2.5', sizes: null },
      { text: '3, 4.0001', sizes: null },
    ]),
  )('%s', (_name, { text, sizes }) => {
    expect(parseKernelSizes(text)).toEqual(sizes);
  });
});
