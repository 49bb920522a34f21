import { beforeEach, describe, expect, it } from 'vitest';
import type { PreprocessStats } from '../core/text/preprocessReport';
import { defaultTokenizerOptions } from '../core/text/tokenizerMode';
import { useStudio } from './store';
import { resetStore } from './testFixtures';

const store = () => useStudio.getState();

beforeEach(resetStore);

describe('preprocess slice', () => {
  it('setTokenizerOptions changes the named options and keeps the others', () => {
    store().setTokenizerOptions({ lower: false });
    store().setTokenizerOptions({ mode: 'char' });
    expect(store().preprocess.options).toEqual({ ...defaultTokenizerOptions(), lower: false, mode: 'char' });
  });

  it('statistics stay on screen while newer ones are counted', () => {
    // The store keeps the worker's statistics as they come: a partial object stands for them.
    const stats = { trainTexts: 3, validationTexts: 1 } as PreprocessStats;
    store().statsRequested();
    store().statsArrived(stats, 12.5);
    store().statsRequested();
    expect(store().preprocess).toMatchObject({ stats, statsMs: 12.5, loading: true, error: null });
  });

  it('a failure stops loading and shows why; the next request clears it', () => {
    store().statsRequested();
    store().statsFailed('worker busy');
    expect(store().preprocess).toMatchObject({ loading: false, error: 'worker busy' });
    store().statsRequested();
    expect(store().preprocess.error).toBeNull();
  });
});
