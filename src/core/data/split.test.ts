import { describe, expect, it } from 'vitest';
import { countPerClass, stratifiedSplit } from './split';
import type { Split, SplitOptions } from './split';

/**
 * Pairs each case with its name rendered from the case data itself, so names cannot drift from
 * what is checked. Used with '%s' because '$field' titles are truncated by vitest.
 */
function named<T extends object>(cases: T[]): [string, T][] {
  return cases.map((c) => [JSON.stringify(c), c]);
}

/** Labels with `counts[c]` rows of class c, interleaved round-robin so no class is contiguous. */
function labelsWithCounts(counts: number[]): number[] {
  const left = counts.slice();
  const labels: number[] = [];
  while (left.some((n) => n > 0)) {
    left.forEach((n, c) => {
      if (n > 0) {
        labels.push(c);
        left[c]--;
      }
    });
  }
  return labels;
}

const parts = (split: Split) => [split.train, split.validation, split.test];

describe('stratifiedSplit', () => {
  // Expected per-class sizes worked out by hand: nVal = max(1, round(n·validation)) when
  // validation > 0, likewise nTest; a class under 3 rows, or one that would leave train empty,
  // stays whole in train.
  it.each(
    named([
      {
        counts: [100, 50, 10, 2, 1],
        options: { validation: 0.2, test: 0.1, seed: 7 },
        train: [70, 35, 7, 2, 1],
        validation: [20, 10, 2, 0, 0],
        test: [10, 5, 1, 0, 0],
      },
      { counts: [3], options: { validation: 0.2, test: 0.2, seed: 1 }, train: [1], validation: [1], test: [1] },
      { counts: [10, 4], options: { validation: 0.2, test: 0, seed: 3 }, train: [8, 3], validation: [2, 1], test: [0, 0] },
      { counts: [10, 4], options: { validation: 0, test: 0, seed: 3 }, train: [10, 4], validation: [0, 0], test: [0, 0] },
      // 4 rows at 0.5 + 0.4 would leave no training row: the class stays in train.
      { counts: [4, 20], options: { validation: 0.5, test: 0.4, seed: 5 }, train: [4, 2], validation: [0, 10], test: [0, 8] },
      { counts: [2, 2], options: { validation: 0.3, test: 0.3, seed: 9 }, train: [2, 2], validation: [0, 0], test: [0, 0] },
      // 2 rows could give 1 to validation and 1 to train, but under 3 rows a class stays whole.
      { counts: [2, 10], options: { validation: 0.2, test: 0, seed: 4 }, train: [2, 8], validation: [0, 2], test: [0, 0] },
      // A positive share gives at least one row, even when n·share rounds to 0 (4·0.1 = 0.4).
      { counts: [4, 20], options: { validation: 0.1, test: 0.1, seed: 6 }, train: [2, 16], validation: [1, 2], test: [1, 2] },
      { counts: [0, 0, 30], options: { validation: 0.1, test: 0.1, seed: 11 }, train: [0, 0, 24], validation: [0, 0, 3], test: [0, 0, 3] },
    ]),
  )('per-class shares for %s', (_name, { counts, options, train, validation, test }) => {
    const labels = labelsWithCounts(counts);
    const split = stratifiedSplit(labels, options);
    expect(countPerClass(labels, split.train, counts.length)).toEqual(train);
    expect(countPerClass(labels, split.validation, counts.length)).toEqual(validation);
    expect(countPerClass(labels, split.test, counts.length)).toEqual(test);
  });

  it.each(
    named([
      { counts: [100, 50, 10, 2, 1], options: { validation: 0.2, test: 0.1, seed: 7 } },
      { counts: [1], options: { validation: 0.5, test: 0.4, seed: 0 } },
      { counts: [7, 13, 5], options: { validation: 0.25, test: 0.25, seed: 123456789 } },
      { counts: [], options: { validation: 0.2, test: 0, seed: 1 } },
    ]),
  )('gives disjoint Int32Array parts covering every row once for %s', (_name, { counts, options }) => {
    const labels = labelsWithCounts(counts);
    const split = stratifiedSplit(labels, options);
    for (const part of parts(split)) expect(part).toBeInstanceOf(Int32Array);
    const all = parts(split).flatMap((p) => [...p]).sort((a, b) => a - b);
    expect(all).toEqual(labels.map((_, i) => i));
  });

  it('repeats exactly (order included) for the same seed', () => {
    const labels = labelsWithCounts([60, 30, 9]);
    const options = { validation: 0.2, test: 0.1, seed: 2024 };
    const a = stratifiedSplit(labels, options);
    const b = stratifiedSplit(labels, { ...options });
    expect(parts(b).map((p) => [...p])).toEqual(parts(a).map((p) => [...p]));
  });

  it.each(named([{ seeds: [1, 2] }, { seeds: [42, 43] }, { seeds: [0, 2 ** 31] }]))(
    'puts different rows in validation for different seeds %s',
    (_name, { seeds }) => {
      const labels = labelsWithCounts([60, 30, 9]);
      const [a, b] = seeds.map((seed) => stratifiedSplit(labels, { validation: 0.2, test: 0.1, seed }));
      const sorted = (p: Int32Array) => [...p].sort((x, y) => x - y);
      expect(sorted(a.validation)).not.toEqual(sorted(b.validation));
      // Same shares whatever the seed.
      expect(countPerClass(labels, a.validation, 3)).toEqual(countPerClass(labels, b.validation, 3));
    },
  );

  it('interleaves classes within a part instead of grouping them', () => {
    const labels = labelsWithCounts([50, 50]).sort((a, b) => a - b); // all 0s, then all 1s
    const { train } = stratifiedSplit(labels, { validation: 0.2, test: 0, seed: 7 });
    const sequence = [...train].map((row) => labels[row]);
    let changes = 0;
    for (let i = 1; i < sequence.length; i++) if (sequence[i] !== sequence[i - 1]) changes++;
    // Grouped by class would give exactly 1 change; a shuffle of 80 rows gives dozens.
    expect(changes).toBeGreaterThan(10);
  });

  it.each(
    named<SplitOptions>([
      { validation: -0.1, test: 0.1, seed: 1 },
      { validation: 0.1, test: -0.1, seed: 1 },
      { validation: 0.5, test: 0.5, seed: 1 },
      { validation: 1, test: 0, seed: 1 },
      { validation: 0.6, test: 0.5, seed: 1 },
      { validation: Number.NaN, test: 0.1, seed: 1 },
      { validation: 0.1, test: Number.NaN, seed: 1 },
    ]),
  )('rejects the shares %s', (_name, options) => {
    expect(() => stratifiedSplit([0, 0, 0, 1, 1, 1], options)).toThrow(
      `Validation (${options.validation}) and test (${options.test}) shares must be ≥ 0 and sum to less than 1.`,
    );
  });
});

describe('countPerClass', () => {
  const LABELS = [2, 0, 1, 2, 2, 0];
  it.each(
    named([
      { rows: [0, 1, 2, 3, 4, 5], classCount: 3, counts: [2, 1, 3] },
      { rows: [0, 3], classCount: 3, counts: [0, 0, 2] },
      { rows: [], classCount: 3, counts: [0, 0, 0] },
      { rows: [1, 5], classCount: 4, counts: [2, 0, 0, 0] },
    ]),
  )('counts labels [2,0,1,2,2,0] over %s', (_name, { rows, classCount, counts }) => {
    expect(countPerClass(LABELS, rows, classCount)).toEqual(counts);
    expect(countPerClass(Int32Array.from(LABELS), Int32Array.from(rows), classCount)).toEqual(counts);
  });
});
