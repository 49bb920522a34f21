import { appendAll } from '../stats';
import { mulberry32, shuffleInPlace } from '../random';

/** Row indices of each part of a dataset. Disjoint; together they cover every row. */
export interface Split {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}

export interface SplitOptions {
  /** Share of each class that goes to validation, in [0, 1). */
  validation: number;
  /** Share of each class that goes to test, in [0, 1). */
  test: number;
  seed: number;
}

/**
 * Stratified, seeded split: every class is shuffled on its own and cut by the same shares,
 * so a rare class is represented in every part whenever it has enough rows. A class with
 * fewer than three rows keeps them all in train (a model cannot learn a class it never sees).
 */
export function stratifiedSplit(labels: ArrayLike<number>, options: SplitOptions): Split {
  const { validation, test, seed } = options;
  checkSplitShares(validation, test);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const rows = byClass.get(labels[i]);
    if (rows) rows.push(i);
    else byClass.set(labels[i], [i]);
  }
  const random = mulberry32(seed);
  const train: number[] = [];
  const val: number[] = [];
  const tst: number[] = [];
  for (const cls of [...byClass.keys()].sort((a, b) => a - b)) {
    const rows = byClass.get(cls)!;
    shuffleInPlace(rows, random);
    const { validation: nVal, test: nTest } = classSplitSizes(rows.length, validation, test);
    if (nVal + nTest === 0) {
      appendAll(train, rows);
      continue;
    }
    appendAll(val, rows.slice(0, nVal));
    appendAll(tst, rows.slice(nVal, nVal + nTest));
    appendAll(train, rows.slice(nVal + nTest));
  }
  // Interleave classes so that batches taken in order are mixed.
  const parts = [train, val, tst].map((rows) => {
    const arr = Int32Array.from(rows);
    shuffleInPlace(arr, random);
    return arr;
  });
  return { train: parts[0], validation: parts[1], test: parts[2] };
}

/** Throws unless the validation and test shares are ≥ 0 and sum to less than 1. */
export function checkSplitShares(validation: number, test: number): void {
  if (!(validation >= 0 && test >= 0 && validation + test < 1)) {
    throw new Error(`Validation (${validation}) and test (${test}) shares must be ≥ 0 and sum to less than 1.`);
  }
}

/**
 * Rows of one class of `n` rows that go to validation and to test (the rest go to train): each
 * share rounded, at least one when the share is above 0; none when the class has fewer than
 * three rows or the cut would leave no training row.
 */
export function classSplitSizes(n: number, validation: number, test: number): { validation: number; test: number } {
  if (n < 3) return { validation: 0, test: 0 };
  const nVal = validation > 0 ? Math.max(1, Math.round(n * validation)) : 0;
  const nTest = test > 0 ? Math.max(1, Math.round(n * test)) : 0;
  return n - nVal - nTest < 1 ? { validation: 0, test: 0 } : { validation: nVal, test: nTest };
}

/** Count of rows per class index in a subset. */
export function countPerClass(labels: ArrayLike<number>, rows: ArrayLike<number>, classCount: number): number[] {
  const counts = new Array<number>(classCount).fill(0);
  for (let i = 0; i < rows.length; i++) counts[labels[rows[i]]]++;
  return counts;
}
