import { beforeEach, describe, expect, it, vi } from 'vitest';
import { estimateCost } from '../core/train/modelCost';
import { useStudio } from '../store/store';
import { fixtureResult, resetStore } from '../store/testFixtures';
import { FakePort } from './fakePort';
import { recordRun } from './runHistory';
import { TrainingRuns } from './trainingRuns';

// The run history lives in IndexedDB, which Node lacks: these tests check that a run is handed to it.
vi.mock('./runHistory', () => ({ recordRun: vi.fn(async () => undefined) }));

const store = () => useStudio.getState();
const batch = (runId: number, step: number) =>
  ({ type: 'batch', runId, epoch: 1, batch: step, step, loss: 0.5, accuracy: 0.75, samplesPerSecond: 100 }) as const;

let port: FakePort;
let runs: TrainingRuns;

beforeEach(() => {
  resetStore();
  vi.mocked(recordRun).mockClear();
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
    expect(recordRun).toHaveBeenCalledWith(result);
    expect(store().model.calibration).toEqual({ backend: 'wasm', samplesPerSecond: 300, trainFlops: estimateCost(spec, 2, batchSize, optimizer).trainFlops });
  });

  it('a finished run that is not current is neither shown nor kept', () => {
    runs.train();
    runs.train();
    runs.receive({ type: 'trainDone', runId: 1, result: fixtureResult() });
    expect(store().train.status).toBe('starting');
    expect(recordRun).not.toHaveBeenCalled();
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
