import { describe, expect, it } from 'vitest';
import { diffConfigs, flatten } from './runDiff';

describe('flatten', () => {
  it.each([
    ['nested objects', { a: { b: 1, c: 'x' } }, { 'a.b': '1', 'a.c': 'x' }],
    ['arrays of numbers join', { k: [3, 4, 5] }, { k: '3, 4, 5' }],
    ['arrays of objects index', { layers: [{ kind: 'dense', units: 4 }] }, { 'layers[0].kind': 'dense', 'layers[0].units': '4' }],
    ['null becomes a dash', { a: null }, { a: '—' }],
  ])('%s', (_name, value, expected) => expect(flatten(value)).toEqual(expected));
});

describe('diffConfigs', () => {
  it('keeps only what differs, with a dash where a run lacks the setting', () => {
    const rows = diffConfigs([
      { epochs: 10, lr: 0.001, spec: { layers: [{ filters: 32 }] } },
      { epochs: 10, lr: 0.01, spec: { layers: [{ filters: 32 }, { rate: 0.5 }] } },
    ]);
    expect(rows).toEqual([
      { path: 'lr', values: ['0.001', '0.01'] },
      { path: 'spec.layers[1].rate', values: ['—', '0.5'] },
    ]);
  });
  it('identical configs differ in nothing', () => {
    expect(diffConfigs([{ a: 1 }, { a: 1 }, { a: 1 }])).toEqual([]);
  });
});
