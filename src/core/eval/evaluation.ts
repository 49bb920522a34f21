/**
 * Everything the Evaluate step computes from predictions: decisions (argmax, or a threshold
 * for two classes), the rows behind a confusion-matrix cell, misclassified examples and the
 * precision–recall curve. Probabilities are row-major (rows × classes).
 */
import type { TestFileReport } from '../data/testFile';
import { argmax } from './metrics';

/** Predictions of one split, as the worker sends them. */
export interface SplitPredictions {
  name: 'validation' | 'test';
  /** Dataset row of each prediction (for fetching texts). */
  rows: Int32Array;
  truth: Int32Array;
  probs: Float32Array;
  /** Set when the test rows come from a separate test file. */
  file?: TestFileReport;
}

/**
 * Predicted class per row. With a threshold and two classes, class 1 ("positive") is chosen
 * when its probability is at least the threshold; otherwise the most probable class wins.
 */
export function decide(probs: Float32Array, classCount: number, threshold: number | null = null): Int32Array {
  const n = probs.length / classCount;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = threshold !== null && classCount === 2 ? (probs[i * 2 + 1] >= threshold ? 1 : 0) : argmax(probs, i * classCount, classCount);
  }
  return out;
}

/** Indices (into the split) of rows with true class `t` predicted as `p`. */
export function cellMembers(truth: Int32Array, predicted: Int32Array, t: number, p: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < truth.length; i++) if (truth[i] === t && predicted[i] === p) out.push(i);
  return out;
}

export interface Misclassified {
  /** Index into the split. */
  index: number;
  truth: number;
  predicted: number;
  /** Probability the model gave its (wrong) prediction, 0–1. */
  confidence: number;
}

/** Wrong predictions, most confident first (the most instructive mistakes lead). */
export function misclassified(truth: Int32Array, predicted: Int32Array, probs: Float32Array, classCount: number): Misclassified[] {
  const out: Misclassified[] = [];
  for (let i = 0; i < truth.length; i++) {
    if (truth[i] !== predicted[i]) out.push({ index: i, truth: truth[i], predicted: predicted[i], confidence: probs[i * classCount + predicted[i]] });
  }
  return out.sort((a, b) => b.confidence - a.confidence || a.index - b.index);
}

export interface PrPoint {
  /** Predict positive when the score is at least this. */
  threshold: number;
  precision: number;
  recall: number;
}

/**
 * Precision–recall curve of scores against binary truth (1 = positive), one point per distinct
 * score from the highest down (as scikit-learn's precision_recall_curve, in reverse), plus the
 * recall-0 start at precision 1. With no positives recall is 0 everywhere.
 */
export function precisionRecallCurve(positive: ArrayLike<boolean>, scores: ArrayLike<number>): PrPoint[] {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let totalPositive = 0;
  for (let i = 0; i < positive.length; i++) if (positive[i]) totalPositive++;
  const points: PrPoint[] = [{ threshold: Infinity, precision: 1, recall: 0 }];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (positive[i]) tp++;
    else fp++;
    const next = order[k + 1];
    if (next !== undefined && scores[next] === scores[i]) continue;
    points.push({ threshold: scores[i], precision: tp / (tp + fp), recall: totalPositive ? tp / totalPositive : 0 });
  }
  return points;
}

/** Area under the PR curve as average precision: Σ (Rₙ − Rₙ₋₁) · Pₙ. */
export function averagePrecision(curve: readonly PrPoint[]): number {
  let ap = 0;
  for (let k = 1; k < curve.length; k++) ap += (curve[k].recall - curve[k - 1].recall) * curve[k].precision;
  return ap;
}

/** Score of class 1 per row, for the two-class threshold view. */
export function positiveScores(probs: Float32Array): Float32Array {
  const out = new Float32Array(probs.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = probs[i * 2 + 1];
  return out;
}
