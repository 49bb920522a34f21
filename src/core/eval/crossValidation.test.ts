import { describe, expect, it } from 'vitest';
import { formatSpread, summarizeFolds, summaryLine, type FoldResult } from './crossValidation';

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
