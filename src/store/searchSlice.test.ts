import { beforeEach, describe, expect, it } from 'vitest';
import { PRESETS } from '../core/train/presets';
import { defaultTokenizerOptions } from '../core/text/tokenizerMode';
import type { TrialReport } from '../protocol/searchMessages';
import { useStudio } from './store';
import { resetStore } from './testFixtures';

const store = () => useStudio.getState();
const tiny = PRESETS[0];
const base = () => ({ spec: tiny.spec, config: tiny.train, tokenizer: defaultTokenizerOptions(), startedAt: 1, clock: 0, method: 'random' as const });
const report = (trial: number, accuracy: number, values: TrialReport['values'], over: Partial<TrialReport> = {}): TrialReport => ({
  trial,
  values,
  rung: 0,
  status: 'finished',
  reason: null,
  accuracy,
  macroF1: accuracy - 0.1,
  loss: 0.5,
  epochs: [{ epoch: 1, loss: 1, accuracy: 0.5, valLoss: 0.5, valAccuracy: accuracy }],
  backend: 'engine',
  ms: 1000,
  ...over,
});

/** A search of two trials (learning rate 0.003 and filters 64; learning rate 0.03) started and reported. */
function searched(): number {
  const searchId = store().searchRequested(base());
  const values = [{ learningRate: 0.003, filters: 64 }, { learningRate: 0.03 }];
  store().searchEvent({ type: 'searchStarted', searchId, trials: values, rungs: [{ trials: 2, epochs: 10 }], trainCount: 80, valCount: 20, testCount: 10, valMajorityRate: 0.5, parallel: 1, note: '2 trials' });
  store().searchEvent({ type: 'trialStarted', searchId, trial: 1, rung: 0, epochs: 10 });
  store().searchEvent({ type: 'trialDone', searchId, report: report(1, 0.9, values[0]) });
  store().searchEvent({ type: 'trialStarted', searchId, trial: 2, rung: 0, epochs: 10 });
  store().searchEvent({ type: 'trialEpoch', searchId, trial: 2, metrics: { epoch: 1, loss: 1, accuracy: 0.5, valLoss: 0.6, valAccuracy: 0.7 } });
  return searchId;
}

beforeEach(resetStore);

describe('search slice', () => {
  it('fills the leaderboard from the worker’s events', () => {
    searched();
    const { rows, status, counts } = store().search;
    expect(status).toBe('running');
    expect(counts).toEqual({ train: 80, validation: 20, test: 10, majority: 0.5 });
    expect(rows.map((r) => [r.trial, r.status, r.accuracy, r.epochs.length, r.epochsPlanned])).toEqual([
      [1, 'finished', 0.9, 1, 10],
      [2, 'running', 0.7, 1, 10],
    ]);
  });

  it('marks trials that never ran when the search ends, and keeps finished ones on failure', () => {
    const searchId = searched();
    store().searchEvent({ type: 'searchDone', searchId, reason: 'time' });
    expect(store().search.rows.map((r) => [r.status, r.reason])).toEqual([
      ['finished', null],
      ['stopped', 'not run: the time budget ran out'],
    ]);
    // A new search the worker refuses leaves these results on the board, with the error.
    store().searchRequested(base());
    store().searchFailed('Wait for a cross-validation to finish, or cancel it, before searching.');
    expect(store().search).toMatchObject({ status: 'error', error: 'Wait for a cross-validation to finish, or cancel it, before searching.' });
    expect(store().search.rows.map((r) => r.status)).toEqual(['finished', 'stopped']);
  });

  it('Apply best sets the best trial’s settings as an undoable model edit and says what changed', () => {
    searched();
    const text = store().applyBestTrial();
    expect(text).toBe('Applied trial 1: learning rate 0.01 → 0.003, filters 32 → 64. Undo in the Model step reverts the model part.');
    expect(store().train.config.learningRate).toBe(0.003);
    expect(store().model.spec.layers[0]).toMatchObject({ filters: 64 });
    expect(store().search.applied).toBe(text);
    store().undo();
    expect(store().model.spec.layers[0]).toMatchObject({ filters: 32 });
  });

  it('Apply best does nothing before any trial has a score', () => {
    expect(store().applyBestTrial()).toBeNull();
  });
});
