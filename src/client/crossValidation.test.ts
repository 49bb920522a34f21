import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FoldResult } from '../core/eval/crossValidation';
import type { CrossValidationResult } from '../protocol/crossValidationMessages';
import { useStudio } from '../store/store';
import { resetStore } from '../store/testFixtures';
import { CrossValidationRuns } from './crossValidation';
import { FakePort } from './fakePort';

const store = () => useStudio.getState();
const fold: FoldResult = { fold: 1, trainRows: 8, validationRows: 4, cnn: { accuracy: 0.75, macroF1: 0.7, epochsRun: 1 }, baseline: null, ms: 5 };
const result: CrossValidationResult = { folds: [fold, { ...fold, fold: 2 }, { ...fold, fold: 3 }], seed: 42, examples: 12, backend: { name: 'cpu', fallbackReason: null, adapter: null }, ms: 15, baselineProblem: null };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let port: FakePort;
let retrain: ReturnType<typeof vi.fn<() => void>>;
let cv: CrossValidationRuns;

beforeEach(() => {
  resetStore();
  port = new FakePort();
  retrain = vi.fn<() => void>();
  cv = new CrossValidationRuns(port, () => Promise.resolve(), retrain);
});

describe('CrossValidationRuns', () => {
  it('sends the three steps’ settings with the folds, and lands the result', async () => {
    store().setCvFolds(3);
    const done = cv.start();
    await settle();
    const { model, train, preprocess } = store();
    expect(port.asked[0].message).toEqual({ type: 'crossValidate', request: { spec: model.spec, config: train.config, tokenizer: preprocess.options, folds: 3, baseline: true } });
    expect(store().crossValidation).toMatchObject({ status: 'running', cvId: 1 });
    expect(train.config.baseline).not.toBe(false);
    cv.foldScored(1, fold);
    expect(store().crossValidation.partial).toEqual([fold]);
    port.asked[0].answer({ type: 'crossValidated', requestId: 1, result });
    await done;
    expect(store().crossValidation).toMatchObject({ status: 'idle', result });
    expect(retrain).not.toHaveBeenCalled();
  });

  it('leaves the baseline out when the Train step turns it off', async () => {
    store().setTrainConfig({ baseline: false });
    void cv.start();
    await settle();
    expect(port.asked[0].message).toMatchObject({ type: 'crossValidate', request: { baseline: false } });
  });

  it('starts a training run after it when "Retrain on all the data afterwards" is on', async () => {
    store().setCvRetrain(true);
    const done = cv.start();
    await settle();
    port.asked[0].answer({ type: 'crossValidated', requestId: 1, result });
    await done;
    expect(retrain).toHaveBeenCalledOnce();
  });

  it('Cancel tells the worker and ends with a notice; the error of the cancelled request is no alert', async () => {
    const done = cv.start();
    await settle();
    cv.cancel();
    expect(port.sent).toEqual([{ type: 'cancelCrossValidation', target: 1 }]);
    expect(store().crossValidation.status).toBe('cancelling');
    port.asked[0].fail(new Error('Cross-validation cancelled: the previous result is kept.'));
    await done;
    expect(store().crossValidation).toMatchObject({ status: 'idle', error: null, notice: 'Cross-validation cancelled.' });
  });

  it('a worker error becomes the alert text, and a second start while one runs does nothing', async () => {
    const done = cv.start();
    await settle();
    await cv.start();
    expect(port.asked).toHaveLength(1);
    port.asked[0].fail(new Error('Class "b" (2 rows) has fewer rows than the 3 folds.'));
    await done;
    expect(store().crossValidation.error).toBe('Cross-validation failed: Class "b" (2 rows) has fewer rows than the 3 folds.');
    expect(retrain).not.toHaveBeenCalled();
  });
});
