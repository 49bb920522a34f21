import { describe, expect, it } from 'vitest';
import { formatSpread, progressFraction, progressText, summarizeFolds, summaryLine, type CrossValidationProgress, type FoldResult } from './crossValidation';

const fold = (n: number, cnn: number, baseline: number | null): FoldResult => ({
  fold: n,
  trainRows: 80,
  validationRows: 20,
  cnn: { accuracy: cnn, macroF1: cnn - 0.01, epochsRun: 3 },
  baseline: baseline === null ? null : { accuracy: baseline, macroF1: baseline - 0.02 },
  ms: 100,
});

describe('summarizeFolds', () => {
  it('gives mean ± sample deviation for the CNN and the baseline', () => {
    // CNN 0.96, 0.97, 0.98: mean 0.97, sd 0.01. Baseline 0.95, 0.95, 0.98: mean 0.96, sd √(0.0006/2) ≈ 0.01732.
    const summary = summarizeFolds([fold(1, 0.96, 0.95), fold(2, 0.97, 0.95), fold(3, 0.98, 0.98)]);
    expect(summary.folds).toBe(3);
    expect(summary.cnn.accuracy.mean).toBeCloseTo(0.97, 12);
    expect(summary.cnn.accuracy.sd).toBeCloseTo(0.01, 12);
    expect(summary.cnn.macroF1.mean).toBeCloseTo(0.96, 12);
    expect(summary.baseline!.accuracy.sd).toBeCloseTo(Math.sqrt(0.0006 / 2), 12);
    expect(summaryLine(summary, 'accuracy')).toBe('CNN 97.0% ± 1.0 across 3 folds · baseline 96.0% ± 1.7');
    expect(summaryLine(summary, 'macroF1')).toBe('CNN 96.0% ± 1.0 across 3 folds · baseline 94.0% ± 1.7');
  });

  it('leaves the baseline out when a fold has none', () => {
    const summary = summarizeFolds([fold(1, 0.5, 0.5), fold(2, 0.7, null)]);
    expect(summary.baseline).toBeNull();
    expect(summaryLine(summary, 'accuracy')).toBe('CNN 60.0% ± 14.1 across 2 folds');
  });

  it('formats a spread in percentage points', () => {
    expect(formatSpread({ mean: 0.9712, sd: 0.0061 })).toBe('97.1% ± 0.6');
  });
});

describe('progress', () => {
  const at = (over: Partial<CrossValidationProgress>): CrossValidationProgress => ({ fold: 2, folds: 4, stage: 'cnn', epoch: 3, epochs: 4, batch: 5, batches: 10, ...over });

  it('counts each fold as an equal share, and batches within it', () => {
    // Fold 2 of 4: one fold done (0.25) + (2 epochs × 10 + 5) / 40 of a quarter.
    expect(progressFraction(at({}))).toBeCloseTo(0.25 + (25 / 40) * 0.25, 12);
    expect(progressFraction(at({ stage: 'baseline', epoch: 0, batch: 0 }))).toBe(0.25);
    expect(progressFraction(at({ fold: 4, epoch: 4, batch: 10 }))).toBe(1);
  });

  it('says where it is in words', () => {
    expect(progressText(at({}))).toBe('Fold 2 of 4 · epoch 3/4');
    expect(progressText(at({ stage: 'baseline' }))).toBe('Fold 2 of 4 · baseline');
    expect(progressText(at({ epoch: 0 }))).toBe('Fold 2 of 4 · preparing');
  });
});
