import { afterEach, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../core/model/modelSpec';
import { defaultTokenizerOptions } from '../../core/text/tokenizerMode';
import { defaultTrainConfig } from '../../core/train/trainConfig';
import type { CrossValidateRequest } from '../../protocol/crossValidationMessages';
import type { FromWorker } from '../../protocol/messages';
import { session } from '../session';
import { cancelCrossValidation, crossValidate } from './crossValidate';
import { readyToTrain } from './runData';

const spec: ModelSpec = {
  vocabSize: 40,
  sequenceLength: 6,
  embeddingDim: 8,
  layers: [{ kind: 'conv1d', filters: 8, kernelSizes: [2], activation: 'relu' }, { kind: 'globalMaxPool' }],
};

/** 30 texts of 3 classes with their own words. */
function dataset() {
  const words = [['good', 'fine', 'great'], ['bad', 'awful', 'poor'], ['meh', 'okay', 'so']];
  const texts: string[] = [];
  const labels = new Int32Array(30);
  for (let i = 0; i < 30; i++) {
    labels[i] = i % 3;
    texts.push(`${words[i % 3].join(' ')} w${i % 4}`);
  }
  return { texts, labels, classes: ['pos', 'neg', 'mid'] };
}

const request = (epochs: number, baseline = false): CrossValidateRequest => ({
  spec,
  config: { ...defaultTrainConfig(), backend: 'cpu', epochs, batchSize: 4, learningRate: 0.05 },
  tokenizer: { ...defaultTokenizerOptions(), mode: 'keras' },
  folds: 3,
  baseline,
});

afterEach(() => {
  session.dataset = null;
  session.experiment = null;
});

describe('crossValidate on the tfjs CPU backend', () => {
  it('scores the CNN and the baseline on 3 folds of 10 held-out rows each, reports each fold and answers the result', async () => {
    session.dataset = dataset();
    const messages: FromWorker[] = [];
    await crossValidate({ type: 'crossValidate', requestId: 9, request: request(3, true) }, (m) => void messages.push(m));
    const folds = messages.filter((m) => m.type === 'crossValidationFold');
    expect(folds.map((m) => [m.fold.fold, m.fold.trainRows, m.fold.validationRows])).toEqual([
      [1, 20, 10],
      [2, 20, 10],
      [3, 20, 10],
    ]);
    const answer = messages.at(-1);
    expect(answer?.type).toBe('crossValidated');
    if (answer?.type !== 'crossValidated') return;
    expect(answer.result.folds).toHaveLength(3);
    expect(answer.result.examples).toBe(30);
    expect(answer.result.backend.name).toBe('cpu');
    // Each class has its own words: every fold is learned perfectly.
    expect(answer.result.folds.every((f) => f.cnn.accuracy === 1 && f.cnn.epochsRun === 3)).toBe(true);
    // So is the baseline, scored on the same held-out rows.
    expect(answer.result.folds.map((f) => f.baseline)).toEqual(new Array(3).fill({ accuracy: 1, macroF1: 1 }));
    const progress = messages.filter((m) => m.type === 'crossValidationProgress');
    expect(progress[0]).toMatchObject({ cvId: 9, progress: { fold: 1, folds: 3, stage: 'baseline', epoch: 0, batches: 5 } });
    expect(progress[1]).toMatchObject({ cvId: 9, progress: { fold: 1, stage: 'cnn', epoch: 0 } });
    expect(session.experiment).toBeNull();
  });

  it('Cancel ends it with an AbortError and no answer; Train and a second one are refused meanwhile', async () => {
    session.dataset = dataset();
    const messages: FromWorker[] = [];
    const running = crossValidate({ type: 'crossValidate', requestId: 3, request: request(50) }, (m) => {
      messages.push(m);
      if (m.type === 'crossValidationProgress' && m.progress.epoch === 2) cancelCrossValidation({ type: 'cancelCrossValidation', target: 3 });
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(crossValidate({ type: 'crossValidate', requestId: 4, request: request(1) }, () => undefined)).rejects.toThrow(
      'Wait for a cross-validation to finish, or cancel it, before cross-validating.',
    );
    await expect(readyToTrain(request(1))).rejects.toThrow('A cross-validation is in progress: cancel it or let it finish before training.');
    await expect(running).rejects.toMatchObject({ name: 'AbortError', message: 'Cross-validation cancelled: the previous result is kept.' });
    expect(messages.some((m) => m.type === 'crossValidated' || m.type === 'crossValidationFold')).toBe(false);
    expect(session.experiment).toBeNull();
  });

  it('ends with a message when another dataset is loaded while it runs', async () => {
    session.dataset = dataset();
    const running = crossValidate({ type: 'crossValidate', requestId: 5, request: request(2) }, (m) => {
      if (m.type === 'crossValidationProgress' && m.progress.epoch === 1) session.dataset = dataset();
    });
    await expect(running).rejects.toThrow('The dataset changed while it ran: press Cross-validate again.');
    expect(session.experiment).toBeNull();
  });

  it('refuses folds that a small class cannot fill', async () => {
    const small = dataset();
    session.dataset = { ...small, labels: small.labels.map((l, i) => (l === 2 && i > 5 ? 0 : l)) };
    await expect(crossValidate({ type: 'crossValidate', requestId: 1, request: request(1) }, () => undefined)).rejects.toThrow(
      'Class "mid" (2 rows) has fewer rows than the 3 folds',
    );
  });
});
