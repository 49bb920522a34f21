import { describe, expect, it } from 'vitest';
import { initialDataState } from './dataSlice';
import { initialEvaluateState } from './evaluateSlice';
import { initialExportState } from './exportSlice';
import { initialModelState } from './modelSlice';
import { initialPreprocessState } from './preprocessSlice';
import { useStudio } from './store';
import { resetStore } from './testFixtures';
import { initialTrainState } from './trainSlice';

const store = () => useStudio.getState();

describe('the composed store', () => {
  it('starts on the Data step with every slice in its initial state', () => {
    resetStore();
    const s = store();
    expect(s.step).toBe('data');
    expect(s.data).toEqual(initialDataState());
    expect(s.preprocess).toEqual(initialPreprocessState());
    expect(s.model).toEqual(initialModelState());
    expect(s.train).toEqual(initialTrainState());
    expect(s.evaluate).toEqual(initialEvaluateState());
    expect(s.exporting).toEqual(initialExportState());
  });

  it('setStep opens a step', () => {
    resetStore();
    store().setStep('evaluate');
    expect(store().step).toBe('evaluate');
  });

  it('actions never change the initial state, so a reset brings every slice back', () => {
    resetStore();
    store().setStep('train');
    store().editSpec({ ...store().model.spec, vocabSize: 42 });
    store().setTrainConfig({ epochs: 3 });
    store().startRun();
    store().showDataError('broken');
    store().setTokenizerOptions({ lower: false });
    store().setModelName('m');

    resetStore();

    expect(store().step).toBe('data');
    expect(store().model.past).toEqual([]);
    expect(store().model.spec.vocabSize).toBe(initialModelState().spec.vocabSize);
    expect(store().train.config.epochs).toBe(initialTrainState().config.epochs);
    expect(store().train.runId).toBe(0);
    expect(store().data.error).toBeNull();
    expect(store().preprocess.options.lower).toBe(true);
    expect(store().exporting.modelName).toBe('');
  });

  it('a reset keeps the actions working', () => {
    resetStore();
    store().selectSample('news');
    expect(store().data.sampleId).toBe('news');
  });
});
