import { describe, expect, it } from 'vitest';
import { foldProblem, foldRows, meanAndSd, stratifiedFolds } from './folds';

/** Labels with `counts[c]` rows of class c, in blocks (class 0's rows first). */
function blocks(counts: number[]): Int32Array {
  return Int32Array.from(counts.flatMap((n, c) => new Array<number>(n).fill(c)));
}
const names = (k: number) => Array.from({ length: k }, (_, c) => `c${c}`);
const perClass = (labels: Int32Array, rows: Int32Array, classes: number) => {
  const counts = new Array<number>(classes).fill(0);
  rows.forEach((r) => counts[labels[r]]++);
  return counts;
};

describe('stratifiedFolds', () => {
  it.each([
    { counts: [50, 30, 7], k: 5 },
    { counts: [10, 10], k: 3 },
    { counts: [13, 4, 9, 100], k: 4 },
    { counts: [10, 10, 10], k: 10 },
  ])('holds out every row exactly once and spreads each class within one row ($counts, k=$k)', ({ counts, k }) => {
    const labels = blocks(counts);
    const folds = stratifiedFolds(labels, names(counts.length), k, 7);
    expect(folds).toHaveLength(k);
    const seen = new Array<number>(labels.length).fill(0);
    folds.forEach((f) => f.forEach((r) => seen[r]++));
    expect(seen.every((n) => n === 1)).toBe(true);
    const table = folds.map((f) => perClass(labels, f, counts.length));
    counts.forEach((n, c) => {
      const inFolds = table.map((row) => row[c]);
      // floor(n/k) or ceil(n/k) rows of the class in every fold.
      expect(Math.max(...inFolds) - Math.min(...inFolds)).toBeLessThanOrEqual(1);
      expect(Math.min(...inFolds)).toBe(Math.floor(n / k));
    });
    const sizes = folds.map((f) => f.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('deals 10 + 5 rows over 3 folds as 4/3/3 and 1/2/2, continuing where the first class stopped', () => {
    const labels = blocks([10, 5]);
    const table = stratifiedFolds(labels, ['a', 'b'], 3, 1).map((f) => perClass(labels, f, 2));
    // Class a fills folds 1,2,3,1,2,3,1,2,3,1 → 4,3,3; class b starts at fold 2: 2,3,1,2,3 → 1,2,2.
    expect(table).toEqual([
      [4, 1],
      [3, 2],
      [3, 2],
    ]);
  });

  it('repeats for the same seed and differs for another', () => {
    const labels = blocks([40, 40]);
    const a = stratifiedFolds(labels, ['a', 'b'], 5, 3);
    const b = stratifiedFolds(labels, ['a', 'b'], 5, 3);
    const c = stratifiedFolds(labels, ['a', 'b'], 5, 4);
    expect(b.map((f) => Array.from(f))).toEqual(a.map((f) => Array.from(f)));
    expect(c.map((f) => Array.from(f))).not.toEqual(a.map((f) => Array.from(f)));
  });

  it('refuses fold counts outside 3–10 and whole numbers only', () => {
    const labels = blocks([20, 20]);
    for (const k of [2, 11, 4.5, 0]) expect(() => stratifiedFolds(labels, ['a', 'b'], k, 1)).toThrow('Folds must be a whole number from 3 to 10.');
    expect(stratifiedFolds(labels, ['a', 'b'], 3, 1)).toHaveLength(3);
    expect(stratifiedFolds(labels, ['a', 'b'], 10, 1)).toHaveLength(10);
  });
});

describe('foldProblem', () => {
  it('is null when every class has at least k rows', () => {
    expect(foldProblem(blocks([5, 5]), ['a', 'b'], 5)).toBeNull();
  });

  it('names the small class and the most folds that work', () => {
    expect(foldProblem(blocks([20, 4]), ['spam', 'ham'], 5)).toBe(
      'Class "ham" (4 rows) has fewer rows than the 5 folds: every fold must hold out at least one row of every class. To cross-validate, choose 4 folds or fewer, or add rows to it.',
    );
  });

  it('asks for more rows or merged classes when a class has fewer than 3', () => {
    expect(foldProblem(blocks([20, 2, 1, 1, 1]), ['a', 'b', 'c', 'd', 'e'], 3)).toBe(
      'Classes "c" (1 row), "d" (1 row), "e" (1 row) and 1 more have fewer rows than the 3 folds: every fold must hold out at least one row of every class. To cross-validate, add rows until every class has at least 3, or merge the small classes into others.',
    );
  });
});

describe('foldRows', () => {
  it('trains on every other fold and validates on its own', () => {
    const folds = [Int32Array.of(0, 3), Int32Array.of(1, 4), Int32Array.of(2)];
    const { train, validation } = foldRows(folds, 1);
    expect(Array.from(validation)).toEqual([1, 4]);
    expect(Array.from(train)).toEqual([0, 3, 2]);
  });
});

describe('meanAndSd', () => {
  it('uses the sample standard deviation (n − 1)', () => {
    // mean 5; squared deviations 9+1+1+9 = 20; 20/3 → sd √(20/3).
    const { mean, sd } = meanAndSd([2, 4, 6, 8]);
    expect(mean).toBe(5);
    expect(sd).toBeCloseTo(Math.sqrt(20 / 3), 12);
  });

  it('gives 0 for one value and NaN for none', () => {
    expect(meanAndSd([0.9])).toEqual({ mean: 0.9, sd: 0 });
    expect(meanAndSd([])).toEqual({ mean: NaN, sd: NaN });
  });
});
