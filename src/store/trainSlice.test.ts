import { beforeEach, describe, expect, it } from 'vitest';
import { PRESETS } from '../core/train/presets';
import { useStudio } from './store';
import { MAX_BATCH_POINTS, MAX_COMPARED_RUNS, type BatchReport, type RunStart } from './trainSlice';
import { fixtureResult, resetStore } from './testFixtures';

const store = () => useStudio.getState();
const start: RunStart = {
  backend: { name: 'webgpu', fallbackReason: null, adapter: 'test adapter' },
  trainCount: 80,
  valCount: 20,
  batchesPerEpoch: 3,
  fused: null,
};
const batch = (step: number, overrides: Partial<BatchReport> = {}): BatchReport => ({
  epoch: 1,
  batch: step,
  step,
  loss: 1 / step,
  accuracy: 0.5,
  samplesPerSecond: 100 + step,
  ...overrides,
});

beforeEach(resetStore);

describe('train slice: a run', () => {
  it('startRun numbers the run and clears the last one', () => {
    store().runStarted(start, 5);
    store().batchArrived(batch(1));
    store().epochEnded(fixtureResult().epochs[0]);
    store().runFailed('boom');
    store().baselineReported({ state: 'failed', message: 'out of memory' });

    const runId = store().startRun();

    expect(runId).toBe(1);
    expect(store().train).toMatchObject({ runId: 1, status: 'starting', batches: [], epochs: [], progress: null, result: null, baseline: null, error: null, counts: null });
    expect(store().startRun()).toBe(2);
  });

  it("a baseline report replaces the last one and leaves the run's status alone", () => {
    store().startRun();
    store().baselineReported({ state: 'running', fraction: 0.25 });
    store().baselineReported({ state: 'cancelled' });
    expect(store().train.baseline).toEqual({ state: 'cancelled' });
    expect(store().train.status).toBe('starting');
  });

  it('runStarted shows training with the backend, the split sizes and progress at the start', () => {
    store().startRun();
    store().runStarted({ ...start, fused: 'kernel too wide' }, 1234.5);
    expect(store().train).toMatchObject({
      status: 'training',
      backend: start.backend,
      counts: { train: 80, validation: 20 },
      fused: 'kernel too wide',
      progress: { epoch: 1, batch: 0, batchesPerEpoch: 3, samplesPerSecond: 0, step: 0, startedAt: 1234.5 },
    });
  });

  it('a batch appends a chart point and moves the progress', () => {
    store().startRun();
    store().runStarted(start, 0);
    store().batchArrived(batch(1));
    store().batchArrived(batch(2, { epoch: 2, batch: 1, accuracy: 0.75 }));
    const { batches, progress } = store().train;
    expect(batches).toEqual([
      { step: 1, loss: 1, accuracy: 0.5 },
      { step: 2, loss: 0.5, accuracy: 0.75 },
    ]);
    expect(progress).toMatchObject({ epoch: 2, batch: 1, step: 2, samplesPerSecond: 102, batchesPerEpoch: 3 });
  });

  it('a batch before the start report adds its point but no progress', () => {
    store().startRun();
    store().batchArrived(batch(1));
    expect(store().train.batches).toHaveLength(1);
    expect(store().train.progress).toBeNull();
  });

  it(`past ${MAX_BATCH_POINTS} points every other point goes`, () => {
    store().startRun();
    for (let step = 1; step <= MAX_BATCH_POINTS + 1; step++) store().batchArrived(batch(step));
    const steps = store().train.batches.map((b) => b.step);
    expect(steps).toHaveLength(Math.floor((MAX_BATCH_POINTS + 1) / 2));
    expect(steps.slice(0, 3)).toEqual([2, 4, 6]);
    store().batchArrived(batch(MAX_BATCH_POINTS + 2));
    expect(store().train.batches.at(-1)?.step).toBe(MAX_BATCH_POINTS + 2);
  });

  it('epochs are appended in order', () => {
    const [first] = fixtureResult().epochs;
    const second = { ...first, epoch: 2, valAccuracy: 0.9 };
    store().epochEnded(first);
    store().epochEnded(second);
    expect(store().train.epochs).toEqual([first, second]);
  });

  it.each([
    { action: 'runPaused', status: 'paused' },
    { action: 'runResumed', status: 'training' },
    { action: 'stopRequested', status: 'stopping' },
  ] as const)('$action sets the status to $status', ({ action, status }) => {
    store().startRun();
    store()[action]();
    expect(store().train.status).toBe(status);
  });

  it('runFailed sets the error status and message; showTrainError keeps the status', () => {
    store().startRun();
    store().runStarted(start, 0);
    store().showTrainError('could not measure');
    expect(store().train).toMatchObject({ status: 'training', error: 'could not measure' });
    store().runFailed('out of memory');
    expect(store().train).toMatchObject({ status: 'error', error: 'out of memory' });
  });

  it('backendChosen records what trains', () => {
    store().backendChosen({ name: 'wasm', fallbackReason: 'no WebGPU adapter', adapter: null });
    expect(store().train.backend).toEqual({ name: 'wasm', fallbackReason: 'no WebGPU adapter', adapter: null });
  });
});

describe('train slice: settings and history', () => {
  it('setTrainConfig changes the named settings and keeps the others', () => {
    const before = store().train.config;
    store().setTrainConfig({ epochs: 42, optimizer: 'sgd' });
    expect(store().train.config).toEqual({ ...before, epochs: 42, optimizer: 'sgd' });
    expect(before).toEqual(PRESETS[0].train);
  });

  it.each([
    { compare: [], toggle: 5, after: [5] },
    { compare: [1, 2], toggle: 3, after: [1, 2, 3] },
    { compare: [1, 2, 3], toggle: 2, after: [1, 3] },
    { compare: [1, 2, 3, 4, 5, 6], toggle: 7, after: [2, 3, 4, 5, 6, 7] },
  ])('toggleCompare($toggle) on $compare gives $after', ({ compare, toggle, after }) => {
    useStudio.setState((s) => ({ train: { ...s.train, compare } }));
    store().toggleCompare(toggle);
    expect(store().train.compare).toEqual(after);
    expect(store().train.compare.length).toBeLessThanOrEqual(MAX_COMPARED_RUNS);
  });

  it('a deleted run is no longer compared', () => {
    store().toggleCompare(1);
    store().toggleCompare(2);
    store().runDeleted(1);
    expect(store().train.compare).toEqual([2]);
  });

  it('historyLoaded lists the runs as given', () => {
    const { validation: _v, confusion: _c, ...result } = fixtureResult();
    const run = { id: 1, dataset: 'spam.csv', spec: store().model.spec, config: store().train.config, tokenizer: store().preprocess.options, result };
    store().historyLoaded([run]);
    expect(store().train.history).toEqual([run]);
  });
});
