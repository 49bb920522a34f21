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

/** Where a cross-validation is: fold `fold` of `folds`, its CNN at `epoch` of `epochs`, batch `batch` of `batches`. */
export interface CrossValidationProgress {
  /** 1-based. */
  fold: number;
  folds: number;
  /** 'baseline' while the fold's baseline trains (before its CNN). */
  stage: 'baseline' | 'cnn';
  /** 1-based epoch under way; 0 before the first batch. */
  epoch: number;
  epochs: number;
  /** Batches finished in this epoch. */
  batch: number;
  batches: number;
}

/** Share of the whole cross-validation done, 0–1 (each fold an equal part; its baseline counted as nothing). */
export function progressFraction(p: CrossValidationProgress): number {
  const perFold = p.epochs * p.batches;
  const inFold = perFold > 0 && p.epoch > 0 ? ((p.epoch - 1) * p.batches + p.batch) / perFold : 0;
  return Math.min(1, (p.fold - 1 + Math.min(1, inFold)) / p.folds);
}

/** "Fold 2 of 5 · epoch 3/10", "Fold 2 of 5 · baseline" or "Fold 2 of 5 · preparing". */
export function progressText(p: CrossValidationProgress): string {
  const fold = `Fold ${p.fold} of ${p.folds}`;
  if (p.stage === 'baseline') return `${fold} · baseline`;
  return p.epoch > 0 ? `${fold} · epoch ${p.epoch}/${p.epochs}` : `${fold} · preparing`;
}
