/**
 * Stratified k-fold cross-validation: which rows each fold holds out. Pure and seeded, so the
 * same labels, k and seed always give the same folds.
 */
import { mulberry32, shuffleInPlace } from '../random';
import { minOf } from '../stats';

/** Fewest and most folds the studio offers. */
export const MIN_FOLDS = 3;
export const MAX_FOLDS = 10;
export const DEFAULT_FOLDS = 5;

/** The rows of one fold: it trains on `train` and is scored on `validation`. */
export interface FoldRows {
  train: Int32Array;
  validation: Int32Array;
}

/**
 * Why `k` folds cannot be made of these labels, in plain words; null when they can. Every fold
 * needs at least one row of every class to score it (a class missing from a fold would count
 * as an F1 of 0 there), so every class needs at least k rows.
 */
export function foldProblem(labels: ArrayLike<number>, classes: readonly string[], k: number): string | null {
  const counts = new Array<number>(classes.length).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  return foldProblemOfCounts(counts, classes, k);
}

/** foldProblem from the rows per class (`counts[c]` rows of `classes[c]`), as the page knows them. */
export function foldProblemOfCounts(counts: readonly number[], classes: readonly string[], k: number): string | null {
  if (!Number.isInteger(k) || k < MIN_FOLDS || k > MAX_FOLDS) return `Folds must be a whole number from ${MIN_FOLDS} to ${MAX_FOLDS}.`;
  const smallest = minOf(counts);
  if (smallest >= k) return null;
  const small = classes
    .map((name, c) => ({ name, n: counts[c] }))
    .filter((c) => c.n < k)
    .sort((a, b) => a.n - b.n);
  const shown = small.slice(0, 3).map((c) => `"${c.name}" (${c.n} ${c.n === 1 ? 'row' : 'rows'})`);
  const more = small.length > 3 ? ` and ${small.length - 3} more` : '';
  const which = `${small.length === 1 ? 'Class' : 'Classes'} ${shown.join(', ')}${more}`;
  const fix =
    smallest >= MIN_FOLDS
      ? `choose ${smallest} folds or fewer, or add rows to ${small.length === 1 ? 'it' : 'them'}`
      : `add rows until every class has at least ${MIN_FOLDS}, or merge the small classes into others`;
  return `${which} ${small.length === 1 ? 'has' : 'have'} fewer rows than the ${k} folds: every fold must hold out at least one row of every class. To cross-validate, ${fix}.`;
}

/**
 * The held-out rows of each of k folds: every class is shuffled on its own (seeded) and dealt
 * round the folds, each class starting where the one before stopped. So every row is held out
 * exactly once, a class's rows per fold differ by at most one, and so do the folds' sizes.
 * Throws foldProblem's message when the folds cannot be made.
 */
export function stratifiedFolds(labels: ArrayLike<number>, classes: readonly string[], k: number, seed: number): Int32Array[] {
  const problem = foldProblem(labels, classes, k);
  if (problem) throw new Error(problem);
  const byClass: number[][] = classes.map(() => []);
  for (let i = 0; i < labels.length; i++) byClass[labels[i]].push(i);
  const random = mulberry32(seed);
  const folds: number[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (const rows of byClass) {
    shuffleInPlace(rows, random);
    for (const row of rows) {
      folds[next].push(row);
      next = (next + 1) % k;
    }
  }
  return folds.map((rows) => {
    const fold = Int32Array.from(rows);
    // Classes interleaved, as the training split's rows are.
    shuffleInPlace(fold, random);
    return fold;
  });
}

/** Fold `index` of `folds`: its own rows are validation, every other fold's rows train. */
export function foldRows(folds: readonly Int32Array[], index: number): FoldRows {
  const size = folds.reduce((n, f, i) => (i === index ? n : n + f.length), 0);
  const train = new Int32Array(size);
  let at = 0;
  folds.forEach((fold, i) => {
    if (i === index) return;
    train.set(fold, at);
    at += fold.length;
  });
  return { train, validation: folds[index] };
}

/** Arithmetic mean and sample standard deviation (n − 1); the deviation is 0 for fewer than two values. */
export function meanAndSd(values: readonly number[]): { mean: number; sd: number } {
  const n = values.length;
  if (n === 0) return { mean: NaN, sd: NaN };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, sd: 0 };
  const squares = values.reduce((a, v) => a + (v - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(squares / (n - 1)) };
}
