import { beforeEach, describe, expect, it, vi } from 'vitest';
import { estimateCost } from '../core/train/modelCost';
import { useStudio } from '../store/store';
import { fixtureResult, resetStore } from '../store/testFixtures';
import { FakePort } from './fakePort';
import type { BaselineSummary } from '../core/eval/baselineRun';
import { attachBaseline, recordRun } from './runHistory';
import { TrainingRuns } from './trainingRuns';

// The run history lives in IndexedDB, which Node lacks: these tests check that a run is handed to it.
vi.mock('./runHistory', () => ({ recordRun: vi.fn(async () => 1234), attachBaseline: vi.fn(async () => undefined) }));

const store = () => useStudio.getState();
const batch = (runId: number, step: number) =>
  ({ type: 'batch', runId, epoch: 1, batch: step, step, loss: 0.5, accuracy: 0.75, samplesPerSecond: 100 }) as const;

let port: FakePort;
let runs: TrainingRuns;

beforeEach(() => {
  resetStore();
  vi.mocked(recordRun).mockClear();
  vi.mocked(attachBaseline).mockClear();
  port = new FakePort();
  runs = new TrainingRuns(port, () => Promise.resolve());
});

describe('TrainingRuns', () => {
  it('train starts a new run and sends it once the worker is ready', async () => {
    let ready!: () => void;
    runs = new TrainingRuns(port, () => new Promise<void>((resolve) => (ready = resolve)));
    runs.train();
    expect(store().train).toMatchObject({ runId: 1, status: 'starting' });
    expect(port.sent).toEqual([]);
    ready();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const { model, train, preprocess } = store();
    expect(port.sent).toEqual([{ type: 'train', runId: 1, request: { spec: model.spec, config: train.config, tokenizer: preprocess.options } }]);
  });

  it('drops the events of a run that is no longer current', () => {
    runs.train();
    runs.train();
    runs.receive(batch(1, 1));
    runs.receive({ type: 'paused', runId: 1 });
    expect(store().train.batches).toEqual([]);
    expect(store().train.status).toBe('starting');
    runs.receive(batch(2, 1));
    expect(store().train.batches).toEqual([{ step: 1, loss: 0.5, accuracy: 0.75 }]);
  });

  it('a finished run lands, is kept in the history, and calibrates with its model cost', () => {
    runs.train();
    const { spec } = store().model;
    const { batchSize, optimizer } = store().train.config;
    const result = fixtureResult({ samplesPerSecond: 300, backend: 'wasm' });
    runs.receive({ type: 'trainDone', runId: 1, result });
    expect(store().train).toMatchObject({ status: 'done', result });
    expect(recordRun).toHaveBeenCalledWith(result, undefined);
    expect(store().model.calibration).toEqual({ backend: 'wasm', samplesPerSecond: 300, trainFlops: estimateCost(spec, 2, batchSize, optimizer).trainFlops });
  });

  it('a finished run that is not current is neither shown nor kept', () => {
    runs.train();
    runs.train();
    runs.receive({ type: 'trainDone', runId: 1, result: fixtureResult() });
    expect(store().train.status).toBe('starting');
    expect(recordRun).not.toHaveBeenCalled();
  });

  const summary: BaselineSummary = {
    method: 'TF-IDF of word 1–2-grams + logistic regression (L2, C = 10)',
    validation: { accuracy: 0.9, macroF1: 0.85, rows: 20 },
    test: null,
    analyzer: 'word',
    analyzerReason: 'Word 1–2-grams: words are separated by spaces.',
    features: 120,
    trainRows: 80,
    sampledFrom: null,
    iterations: 12,
    elapsedMs: 40,
  };

  it('the baseline of the current run lands and a late one is added to the run kept in the history', async () => {
    runs.train();
    runs.receive({ type: 'baseline', runId: 1, report: { state: 'running', fraction: 0.5 } });
    expect(store().train.baseline).toEqual({ state: 'running', fraction: 0.5 });
    const result = fixtureResult();
    runs.receive({ type: 'trainDone', runId: 1, result });
    expect(recordRun).toHaveBeenCalledWith(result, undefined);
    runs.receive({ type: 'baseline', runId: 1, report: { state: 'done', summary } });
    expect(store().train.baseline).toEqual({ state: 'done', summary });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(attachBaseline).toHaveBeenCalledWith(1234, summary);
  });

  it('a baseline that finished first is kept with the run; one of an old run is dropped', () => {
    runs.train();
    runs.receive({ type: 'baseline', runId: 1, report: { state: 'done', summary } });
    const result = fixtureResult();
    runs.receive({ type: 'trainDone', runId: 1, result });
    expect(recordRun).toHaveBeenCalledWith(result, summary);
    runs.train();
    expect(store().train.baseline).toBeNull();
    runs.receive({ type: 'baseline', runId: 1, report: { state: 'failed', message: 'late' } });
    expect(store().train.baseline).toBeNull();
  });

  it('the backend report lands whatever the run', () => {
    runs.receive({ type: 'backend', info: { name: 'cpu', fallbackReason: 'no WebGPU', adapter: null } });
    expect(store().train.backend?.name).toBe('cpu');
  });

  it.each([
    { runId: 1, status: 'error', error: 'out of memory' },
    { runId: 7, status: 'starting', error: null },
  ])('a worker error for run $runId leaves status $status', ({ runId, status, error }) => {
    runs.train();
    runs.failed(runId, 'out of memory');
    expect(store().train).toMatchObject({ status, error });
  });

  it('stop asks the worker to stop the current run', () => {
    runs.train();
    runs.stop();
    expect(store().train.status).toBe('stopping');
    expect(port.sent.at(-1)).toEqual({ type: 'stop', runId: 1 });
  });
});
