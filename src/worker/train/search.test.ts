import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../core/model/modelSpec';
import { defaultSearchSettings, type SearchSettings } from '../../core/train/searchSpace';
import { defaultTokenizerOptions } from '../../core/text/tokenizerMode';
import { defaultTrainConfig } from '../../core/train/trainConfig';
import type { FromWorker } from '../../protocol/messages';
import type { TrialReport } from '../../protocol/searchMessages';
import { session } from '../session';
import { cancelSearch, runSearch } from './search';

const spec: ModelSpec = {
  vocabSize: 40,
  sequenceLength: 6,
  embeddingDim: 8,
  layers: [{ kind: 'conv1d', filters: 8, kernelSizes: [2], activation: 'relu' }, { kind: 'globalMaxPool' }],
};

/** Two classes with their own words: "good …" texts are class 0, "bad …" texts class 1. */
function dataset(rows: number) {
  const texts: string[] = [];
  const labels = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    labels[i] = i % 2;
    texts.push(labels[i] === 0 ? `good fine great w${i % 5} nice` : `bad awful poor w${i % 5} nasty`);
  }
  return { texts, labels, classes: ['pos', 'neg'] };
}

async function search(settings: Partial<SearchSettings>, epochs = 2, during?: (m: FromWorker) => void): Promise<FromWorker[]> {
  const messages: FromWorker[] = [];
  const config = { ...defaultTrainConfig(), backend: 'cpu' as const, epochs, batchSize: 8, learningRate: 0.05 };
  await runSearch(
    { type: 'search', searchId: 7, request: { spec, config, tokenizer: { ...defaultTokenizerOptions(), mode: 'keras' }, search: { ...defaultSearchSettings(), ...settings } } },
    (m) => {
      messages.push(m);
      during?.(m);
    },
  );
  return messages;
}

const reports = (messages: FromWorker[]) => messages.flatMap((m) => (m.type === 'trialDone' ? [m.report] : []));
const brief = (r: TrialReport) => [r.trial, r.rung, r.status, r.epochs.length];

describe('runSearch on the tfjs CPU backend', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  afterEach(() => {
    session.dataset = null;
    session.experiment = null;
  });

  it('runs a grid in order on one split and reports every trial, then completes', async () => {
    session.dataset = dataset(60);
    const before = tf.memory().numTensors;
    const messages = await search({ method: 'grid', maxTrials: 4, space: { filters: { kind: 'list', values: [4, 8] }, optimizer: { kind: 'list', values: ['adam', 'rmsprop'] } } });
    const started = messages[0];
    expect(started).toMatchObject({ type: 'searchStarted', searchId: 7, trainCount: 48, valCount: 12, valMajorityRate: 0.5, rungs: [{ trials: 4, epochs: 2 }] });
    expect(started.type === 'searchStarted' && started.trials).toEqual([
      { optimizer: 'adam', filters: 4 },
      { optimizer: 'adam', filters: 8 },
      { optimizer: 'rmsprop', filters: 4 },
      { optimizer: 'rmsprop', filters: 8 },
    ]);
    expect(reports(messages).map(brief)).toEqual([1, 2, 3, 4].map((t) => [t, 0, 'finished', 2]));
    expect(messages.filter((m) => m.type === 'trialEpoch')).toHaveLength(8);
    expect(reports(messages).every((r) => r.backend === 'cpu' && r.accuracy >= 0 && r.accuracy <= 1)).toBe(true);
    expect(messages.at(-1)).toEqual({ type: 'searchDone', searchId: 7, reason: 'completed' });
    expect(session.experiment).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('halves: 3 trials with η = 3 train 1 epoch each, the best trains all 3', async () => {
    session.dataset = dataset(60);
    const messages = await search({ method: 'halving', maxTrials: 3, eta: 3, space: { learningRate: { kind: 'list', values: [0.05, 0.0001, 0.001] } } }, 3);
    expect(messages[0]).toMatchObject({ rungs: [{ trials: 3, epochs: 1 }, { trials: 1, epochs: 3 }] });
    const decided = reports(messages).filter((r) => r.reason !== 'waiting for the rest of its rung');
    const finals = new Map(decided.map((r) => [r.trial, r]));
    const winner = [...finals.values()].find((r) => r.status === 'finished')!;
    expect(winner).toMatchObject({ rung: 1 });
    expect(winner.epochs).toHaveLength(3);
    expect([...finals.values()].filter((r) => r.status === 'stopped').map((r) => r.epochs.length)).toEqual([1, 1]);
    expect(messages.filter((m) => m.type === 'trialStarted').map((m) => m.type === 'trialStarted' && [m.rung, m.epochs])).toEqual([[0, 1], [0, 1], [0, 1], [1, 3]]);
  });

  it('fails a trial whose settings cannot train, and goes on', async () => {
    session.dataset = dataset(60);
    const messages = await search({ method: 'grid', maxTrials: 2, space: { sequenceLength: { kind: 'list', values: [1, 6] } } }, 1);
    expect(reports(messages).map((r) => [r.status, r.reason])).toEqual([
      ['failed', 'Kernel size 2 is longer than the sequence (1 tokens): lower it or raise the sequence length.'],
      ['finished', null],
    ]);
  });

  it('stops promptly on Cancel, keeping the trials that finished', async () => {
    session.dataset = dataset(60);
    const messages = await search({ method: 'grid', maxTrials: 3, space: { filters: { kind: 'list', values: [4, 8, 16] } } }, 20, (m) => {
      if (m.type === 'trialEpoch' && m.trial === 2 && m.metrics.epoch === 1) cancelSearch({ type: 'cancelSearch', searchId: 7 });
    });
    expect(reports(messages).map((r) => [r.trial, r.status, r.reason])).toEqual([
      [1, 'finished', null],
      [2, 'stopped', 'Cancelled.'],
    ]);
    expect(messages.at(-1)).toEqual({ type: 'searchDone', searchId: 7, reason: 'cancelled' });
  });

  it('refuses without a dataset, beside another experiment, or with a grid over budget', async () => {
    const refusal = async () => (await search({ space: { filters: { kind: 'list', values: [4, 8] } }, method: 'grid', maxTrials: 1 })).at(-1);
    expect(await refusal()).toMatchObject({ type: 'searchFailed', message: 'Load a dataset and choose its columns before searching.' });
    session.dataset = dataset(60);
    session.experiment = { what: 'a cross-validation', id: 1, abort: new AbortController() };
    expect(await refusal()).toMatchObject({ message: 'Wait for a cross-validation to finish, or cancel it, before searching.' });
    session.experiment = null;
    expect(await refusal()).toMatchObject({ message: expect.stringContaining('The grid has 2 combinations, more than the budget of 1 trials') });
  });
});

describe('runSearch: successive halving cut short', () => {
  afterEach(() => {
    session.dataset = null;
    session.experiment = null;
  });

  it('on Cancel mid-rung, the rung’s scored trials are decided as stopped with their last scores', async () => {
    await tf.setBackend('cpu');
    session.dataset = dataset(60);
    const messages = await search({ method: 'halving', maxTrials: 3, eta: 3, space: { learningRate: { kind: 'list', values: [0.05, 0.01, 0.001] } } }, 3, (m) => {
      if (m.type === 'trialStarted' && m.trial === 3) cancelSearch({ type: 'cancelSearch', searchId: 7 });
    });
    const last = new Map(reports(messages).map((r) => [r.trial, r]));
    expect([...last.values()].map((r) => [r.trial, r.status, r.reason])).toEqual([
      [1, 'stopped', 'stopped after 1 epoch: the search was cancelled before its rung was done'],
      [2, 'stopped', 'stopped after 1 epoch: the search was cancelled before its rung was done'],
      [3, 'stopped', 'Cancelled.'],
    ]);
    expect(messages.at(-1)).toEqual({ type: 'searchDone', searchId: 7, reason: 'cancelled' });
  });
});
