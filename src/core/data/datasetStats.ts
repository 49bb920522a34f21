/**
 * Text lengths for the Dataset summary: a histogram in characters whose bins cover the texts up
 * to the 99th percentile (a few huge texts would otherwise squeeze every other bar into one), an
 * overflow count for the rest, and percentiles. Also the imbalance ratio and the split preview.
 */
import { binWidth, maxOf, minOf, percentile, type HistogramBin } from '../stats';
import { checkSplitShares, classSplitSizes, type SplitOptions } from './split';

export interface LengthSummary {
  /** Bins of equal width in characters (UTF-16 code units), from 0 to at least the p99 length. */
  bins: HistogramBin[];
  /** Texts longer than the last bin. */
  overflow: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function lengthSummary(lengths: ArrayLike<number>, maxBins = 20): LengthSummary {
  const sorted = Int32Array.from(lengths).sort();
  const n = sorted.length;
  if (n === 0) return { bins: [], overflow: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  const p99 = percentile(sorted, 99);
  const width = binWidth(p99, maxBins);
  const binCount = Math.floor(p99 / width) + 1;
  const bins: HistogramBin[] = Array.from({ length: binCount }, (_, b) => ({ from: b * width, to: b * width + width - 1, count: 0 }));
  let overflow = 0;
  for (let i = 0; i < n; i++) {
    const b = Math.floor(sorted[i] / width);
    if (b < binCount) bins[b].count++;
    else overflow++;
  }
  return { bins, overflow, mean: sum / n, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99, max: sorted[n - 1] };
}

/** Largest class over smallest class (1 for fewer than two classes; Infinity if a class is empty). */
export function imbalanceRatio(classCounts: readonly number[]): number {
  if (classCounts.length < 2) return 1;
  return maxOf(classCounts) / minOf(classCounts);
}

export interface SplitCounts {
  train: number[];
  validation: number[];
  test: number[];
}

/**
 * Examples per class in each part of the split training will use: the stratified split cuts
 * each class by its own size (classSplitSizes), so the counts follow from the class counts
 * alone; the seed changes which rows, not how many. O(classes): cheap on the main thread.
 */
export function splitCounts(classCounts: readonly number[], options: SplitOptions): SplitCounts {
  checkSplitShares(options.validation, options.test);
  const sizes = classCounts.map((n) => classSplitSizes(n, options.validation, options.test));
  return {
    train: classCounts.map((n, k) => n - sizes[k].validation - sizes[k].test),
    validation: sizes.map((s) => s.validation),
    test: sizes.map((s) => s.test),
  };
}
