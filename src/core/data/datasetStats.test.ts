import { describe, expect, it } from 'vitest';
import { imbalanceRatio, lengthSummary, splitCounts } from './datasetStats';
import { countPerClass, stratifiedSplit } from './split';
import { mulberry32 } from '../random';

describe('lengthSummary', () => {
  it('bins up to the 99th percentile and counts the rest as overflow', () => {
    const lengths = [...Array.from({ length: 99 }, (_, i) => i + 1), 100_000];
    const s = lengthSummary(lengths, 20);
    expect(s.p99).toBe(99);
    expect(s.max).toBe(100_000);
    expect(s.bins[0]).toEqual({ from: 0, to: 4, count: 4 });
    expect(s.bins.at(-1)).toEqual({ from: 95, to: 99, count: 5 });
    expect(s.overflow).toBe(1);
    expect(s.bins.reduce((n, b) => n + b.count, 0) + s.overflow).toBe(100);
    expect(s.p50).toBe(50);
  });

  it('is empty for no texts', () => {
    expect(lengthSummary([])).toEqual({ bins: [], overflow: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 });
  });
});

describe('imbalanceRatio', () => {
  it.each([
    [[10, 2], 5],
    [[7], 1],
    [[], 1],
    [[4, 4, 2], 2],
  ])('%j → %d', (counts, ratio) => {
    expect(imbalanceRatio(counts)).toBe(ratio);
  });
});

describe('splitCounts', () => {
  it.each([
    { validation: 0.2, test: 0, seed: 42 },
    { validation: 0.1, test: 0.2, seed: 7 },
    { validation: 0.3, test: 0.1, seed: 1 },
  ])('equals the per-class counts of the real split of shuffled labels (%j)', (options) => {
    const classCounts = [120, 37, 2, 9, 1];
    const labels = classCounts.flatMap((n, k) => Array<number>(n).fill(k));
    const random = mulberry32(99);
    for (let i = labels.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [labels[i], labels[j]] = [labels[j], labels[i]];
    }
    const split = stratifiedSplit(labels, options);
    const k = classCounts.length;
    expect(splitCounts(classCounts, options)).toEqual({
      train: countPerClass(labels, split.train, k),
      validation: countPerClass(labels, split.validation, k),
      test: countPerClass(labels, split.test, k),
    });
  });
});
