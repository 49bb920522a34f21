import { beforeEach, describe, expect, it } from 'vitest';
import type { SplitPredictions } from '../core/eval/evaluation';
import { useStudio } from './store';
import { resetStore } from './testFixtures';

const store = () => useStudio.getState();
const split = (name: SplitPredictions['name']): SplitPredictions => ({
  name,
  rows: Int32Array.from([0, 1]),
  truth: Int32Array.from([0, 1]),
  probs: Float32Array.from([0.9, 0.1, 0.2, 0.8]),
});

beforeEach(resetStore);

describe('evaluate slice', () => {
  it.each([
    { splits: ['validation'] as const, shown: 'validation' },
    { splits: ['validation', 'test'] as const, shown: 'test' },
  ])('with splits $splits the $shown split shows first, decided by the most probable class', ({ splits, shown }) => {
    store().evaluationArrived({ runId: 1, classes: ['ham', 'spam'], splits: [split('validation')] });
    store().setThreshold(0.3);
    const evaluation = { runId: 2, classes: ['ham', 'spam'], splits: splits.map(split) };
    store().evaluationArrived(evaluation);
    expect(store().evaluate).toMatchObject({ evaluation, split: shown, threshold: null });
  });

  it('setSplit picks the split shown', () => {
    store().setSplit('test');
    expect(store().evaluate.split).toBe('test');
  });

  it.each([
    { classes: ['ham', 'spam'], threshold: 0.3, kept: 0.3 },
    { classes: ['ham', 'spam'], threshold: null, kept: null },
    { classes: ['a', 'b', 'c'], threshold: 0.3, kept: null },
  ])('setThreshold($threshold) with classes $classes keeps $kept', ({ classes, threshold, kept }) => {
    store().evaluationArrived({ runId: 1, classes, splits: [split('validation')] });
    store().setThreshold(threshold);
    expect(store().evaluate.threshold).toBe(kept);
  });

  it('setThreshold without an evaluation changes nothing', () => {
    store().setThreshold(0.7);
    expect(store().evaluate.threshold).toBeNull();
  });

  it('a threshold can be reset to the most probable class', () => {
    store().evaluationArrived({ runId: 1, classes: ['ham', 'spam'], splits: [split('validation')] });
    store().setThreshold(0.7);
    store().setThreshold(null);
    expect(store().evaluate.threshold).toBeNull();
  });

  it('a prediction clears the last prediction error', () => {
    store().predictionFailed('no model');
    expect(store().evaluate.predictError).toBe('no model');
    const prediction = { text: 'win now', classes: ['ham', 'spam'], probabilities: [0.2, 0.8], highlights: [{ token: 'win', weight: 0.6 }] };
    store().predictionArrived(prediction);
    expect(store().evaluate).toMatchObject({ prediction, predictError: null });
  });

  it('predicting a file: busy, then the result, then idle', () => {
    store().filePredictionFailed('old error');
    store().filePredictionStarted('Predicting “texts.csv”…');
    expect(store().evaluate).toMatchObject({ fileBusy: 'Predicting “texts.csv”…', fileError: null, filePrediction: null });
    const result = { name: 'texts-predictions.csv', url: 'blob:1', rows: 2, counts: [1, 1], classes: ['ham', 'spam'], textColumn: 'text', skipped: 0 };
    store().filePredicted(result);
    store().filePredictionEnded();
    expect(store().evaluate).toMatchObject({ filePrediction: result, fileBusy: null, fileError: null });
  });

  it('a failed file prediction shows its error', () => {
    store().filePredictionStarted('Predicting “x.bin”…');
    store().filePredictionFailed('Not a text file');
    store().filePredictionEnded();
    expect(store().evaluate).toMatchObject({ filePrediction: null, fileBusy: null, fileError: 'Not a text file' });
  });
});
