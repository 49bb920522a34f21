/** What cross-validation reports: scores per fold, and their mean ± standard deviation in plain words. */
import { percent } from '../format';
import { meanAndSd } from '../train/folds';

/** Accuracy and macro F1 of one model on one fold's held-out rows, 0–1. */
export interface FoldScores {
  accuracy: number;
  macroF1: number;
}

/** One finished fold. */
export interface FoldResult {
  /** 1-based. */
  fold: number;
  trainRows: number;
  validationRows: number;
  cnn: FoldScores & { epochsRun: number };
  /** TF-IDF + logistic regression on the same rows; null when the baseline did not run. */
  baseline: FoldScores | null;
  /** Wall time of the fold, ms. */
  ms: number;
}

/** Mean and sample standard deviation of a score across folds, 0–1. */
export interface Spread {
  mean: number;
  sd: number;
}

export interface CrossValidationSummary {
  folds: number;
  cnn: { accuracy: Spread; macroF1: Spread };
  /** Null unless every fold has a baseline score. */
  baseline: { accuracy: Spread; macroF1: Spread } | null;
}

/** Mean ± sample standard deviation of accuracy and macro F1 over the folds, for the CNN and the baseline. */
export function summarizeFolds(folds: readonly FoldResult[]): CrossValidationSummary {
  const spread = (pick: (f: FoldResult) => number) => meanAndSd(folds.map(pick));
  const baselines = folds.every((f) => f.baseline !== null);
  return {
    folds: folds.length,
    cnn: { accuracy: spread((f) => f.cnn.accuracy), macroF1: spread((f) => f.cnn.macroF1) },
    baseline: baselines && folds.length ? { accuracy: spread((f) => f.baseline!.accuracy), macroF1: spread((f) => f.baseline!.macroF1) } : null,
  };
}

/** "97.1% ± 0.6": a share as a percentage, its deviation in percentage points. */
export const formatSpread = (s: Spread): string => `${percent(s.mean)} ± ${(s.sd * 100).toFixed(1)}`;

/** "CNN 97.1% ± 0.6 across 5 folds · baseline 96.4% ± 0.8", for accuracy or macro F1. */
export function summaryLine(summary: CrossValidationSummary, score: keyof FoldScores): string {
  const cnn = `CNN ${formatSpread(summary.cnn[score])} across ${summary.folds} ${summary.folds === 1 ? 'fold' : 'folds'}`;
  return summary.baseline ? `${cnn} · baseline ${formatSpread(summary.baseline[score])}` : cnn;
}
