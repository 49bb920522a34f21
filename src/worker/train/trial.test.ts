import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../core/model/modelSpec';
import { defaultTokenizerOptions } from '../../core/text/tokenizerMode';
import { defaultTrainConfig, type TrainConfig } from '../../core/train/trainConfig';
import { session } from '../session';
import { runTrial, type TrialInput } from './trial';

const spec: ModelSpec = {
  vocabSize: 40,
  sequenceLength: 6,
  embeddingDim: 8,
  layers: [
    { kind: 'conv1d', filters: 8, kernelSizes: [2], activation: 'relu' },
    { kind: 'globalMaxPool' },
  ],
};

/** Two classes with their own words: "good …" texts are class 0, "bad …" texts class 1. */
function dataset(rows: number) {
  const texts: string[] = [];
  const labels = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    labels[i] = i % 2;
    const n = i % 5;
    texts.push(labels[i] === 0 ? `good fine great w${n} nice` : `bad awful poor w${n} nasty`);
  }
  return { texts, labels, classes: ['pos', 'neg'] };
}

const range = (from: number, to: number) => Int32Array.from({ length: to - from }, (_, i) => from + i);
const config = (over: Partial<TrainConfig> = {}): TrainConfig => ({ ...defaultTrainConfig(), backend: 'cpu', epochs: 4, batchSize: 8, learningRate: 0.05, ...over });
const input = (over: Partial<TrainConfig> = {}): TrialInput => ({
  spec,
  config: config(over),
  tokenizer: { ...defaultTokenizerOptions(), mode: 'keras' },
  rows: { train: range(0, 48), validation: range(48, 64) },
});

describe('runTrial on the tfjs CPU backend', () => {
  afterEach(() => {
    session.dataset = null;
  });

  it('trains on the given rows, scores the validation rows and frees every tensor it made', async () => {
    session.dataset = dataset(64);
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const epochs: number[] = [];
    const outcome = await runTrial(input(), { signal: new AbortController().signal, onEpoch: (epoch) => void epochs.push(epoch) });
    expect(epochs).toEqual([1, 2, 3, 4]);
    expect(outcome.epochsRun).toBe(4);
    expect(outcome.history.map((m) => m.epoch)).toEqual([1, 2, 3, 4]);
    expect(outcome.backend.name).toBe('cpu');
    expect(outcome.accuracy).toBe(1);
    expect(outcome.macroF1).toBe(1);
    // Row 48 + i is class i % 2, and every answer is right.
    expect(Array.from(outcome.predicted)).toEqual(Array.from({ length: 16 }, (_, i) => i % 2));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops after the epoch whose hook returns false', async () => {
    session.dataset = dataset(64);
    const outcome = await runTrial(input({ epochs: 10 }), { signal: new AbortController().signal, onEpoch: (epoch) => epoch < 2 });
    expect(outcome.epochsRun).toBe(2);
  });

  it('rejects with an AbortError when cancelled during a batch, and frees the model', async () => {
    session.dataset = dataset(64);
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    let batches = 0;
    const trial = runTrial(input({ epochs: 10 }), {
      signal: controller.signal,
      onBatch: () => {
        if (++batches === 3) controller.abort();
      },
    });
    await expect(trial).rejects.toMatchObject({ name: 'AbortError' });
    expect(batches).toBe(3);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses without a dataset or without validation rows', async () => {
    const signal = new AbortController().signal;
    await expect(runTrial(input(), { signal })).rejects.toThrow(/Load a dataset/);
    session.dataset = dataset(64);
    await expect(runTrial({ ...input(), rows: { train: range(0, 10), validation: new Int32Array(0) } }, { signal })).rejects.toThrow(/validation rows/);
  });
});
