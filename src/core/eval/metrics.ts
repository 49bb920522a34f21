/**
 * Classification metrics from true and predicted class indices. All arithmetic on metrics
 * lives here; a ratio whose denominator is 0 is reported as 0 (scikit-learn's
 * zero_division=0), never NaN.
 */
import { maxOf } from '../stats';

/** counts[t][p]: rows of true class t predicted as p. */
export function confusionMatrix(truth: ArrayLike<number>, predicted: ArrayLike<number>, classCount: number): number[][] {
  if (truth.length !== predicted.length) {
    throw new Error(`Truth has ${truth.length} rows but predictions have ${predicted.length}.`);
  }
  const m = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  for (let i = 0; i < truth.length; i++) m[truth[i]][predicted[i]]++;
  return m;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  /** Rows of this class in the evaluated split. */
  support: number;
}

export interface MetricsReport {
  accuracy: number;
  perClass: ClassMetrics[];
  macro: Omit<ClassMetrics, 'support'>;
  weighted: Omit<ClassMetrics, 'support'>;
  total: number;
}

export function metricsFromConfusion(m: number[][]): MetricsReport {
  const k = m.length;
  let total = 0;
  let correct = 0;
  const perClass: ClassMetrics[] = [];
  for (let c = 0; c < k; c++) {
    let rowSum = 0;
    let colSum = 0;
    for (let j = 0; j < k; j++) {
      rowSum += m[c][j];
      colSum += m[j][c];
    }
    total += rowSum;
    correct += m[c][c];
    const precision = ratio(m[c][c], colSum);
    const recall = ratio(m[c][c], rowSum);
    perClass.push({ precision, recall, f1: ratio(2 * precision * recall, precision + recall), support: rowSum });
  }
  const avg = (pick: (c: ClassMetrics) => number, weight: (c: ClassMetrics) => number) => {
    const w = perClass.reduce((s, c) => s + weight(c), 0);
    return ratio(perClass.reduce((s, c) => s + pick(c) * weight(c), 0), w);
  };
  const summary = (weight: (c: ClassMetrics) => number) => ({
    precision: avg((c) => c.precision, weight),
    recall: avg((c) => c.recall, weight),
    f1: avg((c) => c.f1, weight),
  });
  return { accuracy: ratio(correct, total), perClass, macro: summary(() => 1), weighted: summary((c) => c.support), total };
}

/** Accuracy of always predicting the most common class: the bar any model must beat. */
export function majorityRate(labels: ArrayLike<number>, classCount: number): number {
  if (labels.length === 0) return 0;
  const counts = new Array<number>(classCount).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  return maxOf(counts) / labels.length;
}

/** Index of the largest value (first on ties). */
export function argmax(values: ArrayLike<number>, offset = 0, length = values.length - offset): number {
  let best = 0;
  for (let i = 1; i < length; i++) if (values[offset + i] > values[offset + best]) best = i;
  return best;
}
