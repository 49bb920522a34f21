import { beforeEach, describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, type BundleMetadata } from '../core/export/bundle';
import { PRESETS } from '../core/train/presets';
import { storedMetrics } from './pipelineActions';
import { useStudio } from './store';
import type { TrainStatus } from './trainSlice';
import { fixtureResult, fixtureSavedModel, resetStore } from './testFixtures';

const store = () => useStudio.getState();

beforeEach(resetStore);

describe('selectPreset', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s: replaces the spec and training settings as an undoable edit', (id, preset) => {
    store().setTrainConfig({ backend: 'wasm', epochs: 99 });
    const before = store().model.spec;
    const options = store().preprocess.options;
    const config = store().train.config;

    store().selectPreset(id);

    const { model, train, preprocess } = store();
    expect(model.spec).toEqual(preset.spec);
    expect(model.spec).not.toBe(preset.spec);
    expect(model.presetId).toBe(id);
    expect(model.past.at(-1)).toEqual({ spec: before, presetId: PRESETS[0].id });
    // The preset's training settings, but the backend, test split and seed stay the user's choice.
    expect(train.config).toEqual({ ...config, ...preset.train, backend: 'wasm', testSplit: config.testSplit, seed: config.seed });
    // And the Model step says what else changed: at least the epochs set to 99 above.
    expect(model.presetNotice?.text).toMatch(new RegExp(`^${preset.name} also set: .*epochs 99 → ${preset.train.epochs}`));
    expect(preprocess.options).toEqual({ ...options, ...preset.tokenizer });
  });

  it('a preset without tokenizer options keeps the current ones', () => {
    const plain = PRESETS.find((p) => !p.tokenizer)!;
    store().setTokenizerOptions({ lower: false, stopWords: 'english' });
    const options = store().preprocess.options;
    store().selectPreset(plain.id);
    expect(store().preprocess.options).toBe(options);
  });

  it('a preset with tokenizer options changes only those', () => {
    const withTokenizer = PRESETS.find((p) => p.tokenizer)!;
    store().setTokenizerOptions({ lower: false });
    store().selectPreset(withTokenizer.id);
    expect(store().preprocess.options).toEqual({ mode: 'auto', lower: false, normalize: 'none', stopWords: 'none', ...withTokenizer.tokenizer });
  });

  it('undo after a preset brings the previous spec back', () => {
    const before = store().model.spec;
    store().selectPreset(PRESETS[1].id);
    store().undo();
    expect(store().model.spec).toBe(before);
    expect(store().model.presetId).toBe(PRESETS[0].id);
  });

  it('an unknown preset changes nothing', () => {
    const before = store();
    store().selectPreset('no-such-preset');
    expect(store().model).toBe(before.model);
    expect(store().train).toBe(before.train);
    expect(store().preprocess).toBe(before.preprocess);
  });
});

describe('runFinished', () => {
  it('shows the result, makes the trained model active and clears the last evaluation and prediction', () => {
    useStudio.setState((s) => ({
      evaluate: { ...s.evaluate, prediction: { text: 'hi', classes: ['a', 'b'], probabilities: [0.5, 0.5], highlights: null }, predictError: 'old' },
      exporting: { ...s.exporting, message: 'Saved', error: 'old error' },
    }));
    store().startRun();
    const result = fixtureResult();

    store().runFinished(result, 5e6);

    expect(store().train).toMatchObject({ status: 'done', result });
    expect(store().exporting).toMatchObject({
      active: { name: null, source: 'trained', classes: ['ham', 'spam'], valAccuracy: 0.85, dataset: '', savedAt: null },
      message: null,
      error: null,
    });
    expect(store().evaluate).toMatchObject({ evaluation: null, prediction: null, predictError: null });
  });

  it.each([
    { trainFlops: 5e6, samplesPerSecond: 400, calibrated: true },
    { trainFlops: 0, samplesPerSecond: 400, calibrated: false },
    { trainFlops: 5e6, samplesPerSecond: 0, calibrated: false },
  ])('trainFlops $trainFlops at $samplesPerSecond texts/s calibrates: $calibrated', ({ trainFlops, samplesPerSecond, calibrated }) => {
    store().runFinished(fixtureResult({ samplesPerSecond, backend: 'engine' }), trainFlops);
    expect(store().model.calibration).toEqual(calibrated ? { backend: 'engine', samplesPerSecond, trainFlops } : null);
  });
});

describe('workerCrashed', () => {
  it.each<[TrainStatus, boolean]>([
    ['idle', false],
    ['starting', true],
    ['training', true],
    ['paused', true],
    ['stopping', true],
    ['done', false],
    ['error', false],
  ])('a run that is %s fails: %s', (status, fails) => {
    useStudio.setState((s) => ({ train: { ...s.train, status, error: null } }));
    store().workerCrashed('out of memory');
    expect(store().train.status).toBe(fails ? 'error' : status);
    expect(store().train.error).toBe(fails ? 'Training stopped: the worker crashed (out of memory). The studio restarted it; press Train to try again.' : null);
  });

  it.each([
    { name: 'spam filter', error: 'The worker crashed (oom) and was restarted: load “spam filter” from Saved models to use it again.' },
    { name: null, error: 'The worker crashed (oom) and was restarted: the unsaved model was lost. Train it again.' },
  ])('the active model $name is gone, with what to do', ({ name, error }) => {
    store().runFinished(fixtureResult(), 0);
    if (name) store().activeSaved(name);
    store().evaluationArrived({ runId: 1, classes: ['ham', 'spam'], splits: [] });
    store().predictionFailed('kept');

    store().workerCrashed('oom');

    expect(store().exporting).toMatchObject({ active: null, error });
    expect(store().evaluate).toMatchObject({ evaluation: null, prediction: null, predictError: 'kept' });
  });

  it('without an active model the Export step keeps its state', () => {
    const before = store().exporting;
    store().workerCrashed('oom');
    expect(store().exporting).toBe(before);
  });
});

function fixtureMetadata(overrides: Partial<BundleMetadata> = {}): BundleMetadata {
  const spec = structuredClone(PRESETS[0].spec);
  return {
    format: BUNDLE_FORMAT,
    labels: ['ham', 'spam', 'phishing'],
    preprocessing: {} as BundleMetadata['preprocessing'],
    spec,
    training: structuredClone(PRESETS[0].train),
    metrics: {
      valAccuracy: 0.8,
      valLoss: 0.5,
      epochs: [],
      samplesPerSecond: 100,
      durationMs: 1000,
      confusion: [
        [5, 1, 0],
        [0, 3, 1],
        [0, 0, 2],
      ],
    },
    dataset: { name: 'spam.csv', fingerprint: 'fnv1a32:0:12', examples: 60 },
    versions: { studio: '0.1.0', tfjs: '4.22.0' },
    backend: 'engine',
    savedAt: '2024-05-01T12:00:00.000Z',
    ...overrides,
  };
}

describe('modelLoaded', () => {
  it('makes the loaded model current: active, its spec in the Model step (undoable), its stored metrics in Evaluate', () => {
    store().selectPreset(PRESETS[1].id);
    const before = store().model.spec;
    store().predictionArrived({ text: 'hi', classes: ['a', 'b'], probabilities: [0.1, 0.9], highlights: null });
    store().modelLoaded('spam filter', fixtureSavedModel(), fixtureMetadata());
    expect(store().exporting.active).toMatchObject({
      name: 'spam filter',
      source: 'loaded',
      classes: ['ham', 'spam', 'phishing'],
      valAccuracy: 0.91,
      dataset: 'spam.csv',
      savedAt: '2024-05-01T12:00:00.000Z',
    });
    expect(store().model).toMatchObject({ spec: PRESETS[0].spec, presetId: PRESETS[0].id });
    expect(store().evaluate).toMatchObject({ prediction: null, predictError: null, evaluation: null, modelReady: false });
    const stored = store().evaluate.stored!;
    expect(stored).toMatchObject({ dataset: 'spam.csv', accuracy: 0.8, classes: ['ham', 'spam', 'phishing'] });
    expect(stored.report?.total).toBe(12);
    expect(stored.report?.accuracy).toBeCloseTo(10 / 12);
    store().undo();
    expect(store().model.spec).toEqual(before);
  });

  it.each([
    { name: 'no metrics at all', metrics: null, report: false },
    { name: 'per-class metrics without a confusion matrix', metrics: { valAccuracy: 0.7, valLoss: 1, epochs: [], samplesPerSecond: 1, durationMs: 1, validation: { accuracy: 0.7, perClass: [], macro: { precision: 0, recall: 0, f1: 0 }, weighted: { precision: 0, recall: 0, f1: 0 }, total: 10 } }, report: true },
  ] as { name: string; metrics: BundleMetadata['metrics']; report: boolean }[])('stored metrics from a bundle with $name', ({ metrics, report }) => {
    const stored = storedMetrics(fixtureMetadata({ metrics }));
    expect(stored.confusion).toBeNull();
    expect(stored.report !== null).toBe(report);
    expect(stored.baseline).toBeNull();
  });

  it("keeps a stored baseline of the shape the studio writes, and drops one that is not", () => {
    const baseline = {
      method: 'TF-IDF of word 1–2-grams + logistic regression (L2, C = 10)',
      validation: { accuracy: 0.9, macroF1: 0.8, rows: 10 },
      test: null,
      analyzer: 'word',
      analyzerReason: 'Word 1–2-grams: words are separated by spaces.',
      features: 50,
      trainRows: 40,
      sampledFrom: null,
      iterations: 9,
      elapsedMs: 12,
    } as const;
    const metrics = { valAccuracy: 0.7, valLoss: 1, epochs: [], samplesPerSecond: 1, durationMs: 1, baseline };
    expect(storedMetrics(fixtureMetadata({ metrics })).baseline).toEqual(baseline);
    const broken = { ...metrics, baseline: { ...baseline, validation: { accuracy: '90%' } } } as unknown as BundleMetadata['metrics'];
    expect(storedMetrics(fixtureMetadata({ metrics: broken })).baseline).toBeNull();
  });
});

describe('runFinished', () => {
  it('a new run makes the model not ready and drops stored metrics', () => {
    store().modelLoaded('spam filter', fixtureSavedModel(), fixtureMetadata());
    store().modelWarmed();
    store().runFinished(fixtureResult(), 0);
    expect(store().evaluate).toMatchObject({ stored: null, modelReady: false });
    expect(store().exporting.active?.source).toBe('trained');
    const id = store().exporting.active!.id;
    store().activeSaved('saved run');
    expect(store().exporting.active).toMatchObject({ id, name: 'saved run' });
    store().modelLoaded('spam filter', fixtureSavedModel(), fixtureMetadata());
    expect(store().exporting.active!.id).not.toBe(id);
  });
});
