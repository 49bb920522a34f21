import { beforeEach, describe, expect, it } from 'vitest';
import type { FoldResult } from '../core/eval/crossValidation';
import type { CrossValidationResult } from '../protocol/crossValidationMessages';
import { useStudio } from './store';
import { resetStore } from './testFixtures';

const store = () => useStudio.getState();
const fold = (n: number, accuracy = 0.9): FoldResult => ({
  fold: n,
  trainRows: 8,
  validationRows: 4,
  cnn: { accuracy, macroF1: accuracy, epochsRun: 1 },
  baseline: null,
  ms: 10,
});
const result = (folds: FoldResult[]): CrossValidationResult => ({
  folds,
  seed: 42,
  examples: 12,
  backend: { name: 'cpu', fallbackReason: null, adapter: null },
  ms: 30,
  baselineProblem: null,
});
const progress = { fold: 1, folds: 3, stage: 'cnn' as const, epoch: 1, epochs: 1, batch: 1, batches: 2 };

beforeEach(resetStore);

describe('cross-validation slice', () => {
  it('starts with 5 folds, no retraining and nothing to show', () => {
    expect(store().crossValidation).toMatchObject({ folds: 5, retrain: false, status: 'idle', cvId: null, result: null, partial: [] });
    store().setCvFolds(3);
    store().setCvRetrain(true);
    expect(store().crossValidation).toMatchObject({ folds: 3, retrain: true });
  });

  it('collects the progress and folds of the current cross-validation only, and keeps its result', () => {
    store().cvStarted(7);
    store().cvProgressed(6, progress);
    store().cvFoldScored(6, fold(1));
    expect(store().crossValidation).toMatchObject({ status: 'running', cvId: 7, progress: null, partial: [] });
    store().cvProgressed(7, progress);
    store().cvFoldScored(7, fold(1));
    expect(store().crossValidation.progress).toEqual(progress);
    expect(store().crossValidation.partial).toEqual([fold(1)]);
    const done = result([fold(1), fold(2), fold(3)]);
    store().cvFinished(7, done);
    expect(store().crossValidation).toMatchObject({ status: 'idle', cvId: null, progress: null, partial: [], result: done, error: null });
  });

  it('a failure says so and keeps the previous result', () => {
    const first = result([fold(1), fold(2), fold(3)]);
    store().cvStarted(1);
    store().cvFinished(1, first);
    store().cvStarted(2);
    store().cvFoldScored(2, fold(1, 0.1));
    store().cvEnded(2, 'The loss became NaN.');
    expect(store().crossValidation).toMatchObject({
      status: 'idle',
      result: first,
      partial: [],
      error: 'Cross-validation failed: The loss became NaN. The previous result is kept.',
      notice: null,
    });
    // The next start clears the message.
    store().cvStarted(3);
    expect(store().crossValidation.error).toBeNull();
  });

  it('Cancel marks the run as stopping; its end is a notice, not an error', () => {
    store().cvCancelRequested();
    expect(store().crossValidation.status).toBe('idle');
    store().cvStarted(4);
    store().cvCancelRequested();
    expect(store().crossValidation.status).toBe('cancelling');
    store().cvEnded(4, null);
    expect(store().crossValidation).toMatchObject({ status: 'idle', error: null, notice: 'Cross-validation cancelled.', result: null });
  });

  it('ignores the end of a cross-validation that is not the current one', () => {
    store().cvStarted(5);
    store().cvEnded(4, 'late');
    store().cvFinished(4, result([fold(1)]));
    expect(store().crossValidation).toMatchObject({ status: 'running', cvId: 5, error: null, result: null });
  });
});
