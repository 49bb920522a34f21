import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { checkBundle, describeTopology, parseMetadata, type ModelJson } from '../../core/export/bundle';
import type { Dataset } from '../../core/data/dataset';
import type { ModelSpec } from '../../core/model/modelSpec';
import { encodeTexts } from '../../core/text/padSequences';
import { defaultTokenizerConfig, fitTokenizer } from '../../core/text/tokenizer';
import { defaultTrainConfig } from '../../core/train/trainConfig';
import type { BundleFile } from '../../protocol/messages';
import { buildModel } from '../train/buildModel';
import { bundleMetadata, exportBundle, WEIGHTS_FILE } from './exportBundle';
import { baselineJob, runBaselineJob } from '../../core/eval/baselineRun';
import { metricsFromConfusion } from '../../core/eval/metrics';
import { ComparisonCancelled, quantizationReport, spreadSample } from './quantizePreview';
import type { ActiveModel } from '../session';

const spec: ModelSpec = {
  vocabSize: 60,
  sequenceLength: 12,
  embeddingDim: 8,
  layers: [
    { kind: 'conv1d', filters: 8, kernelSizes: [3], activation: 'relu' },
    { kind: 'globalMaxPool' },
    { kind: 'dense', units: 8, activation: 'relu' },
  ],
};
const words = ['goal', 'match', 'team', 'score', 'market', 'stock', 'bank', 'price', 'chip', 'phone', 'screen', 'code'];
const dataset: Dataset = {
  texts: Array.from({ length: 48 }, (_, i) => `${words[(i * 5) % 12]} ${words[(i * 7 + 1) % 12]} the ${words[i % 12]} ${i % 3 === 0 ? 'and more' : ''}`),
  labels: Int32Array.from({ length: 48 }, (_, i) => i % 3),
  classes: ['sport', 'business', 'tech'],
} as unknown as Dataset;

function activeModel(): ActiveModel {
  return {
    model: buildModel(spec, 3, 7),
    tokenizer: fitTokenizer(dataset.texts.slice(0, 36), defaultTokenizerConfig({ numWords: spec.vocabSize })),
    classes: dataset.classes,
    spec,
    config: defaultTrainConfig(),
    result: null,
    datasetName: 'synthetic',
    datasetFingerprint: 'fnv1a32:00000000:48',
    examples: 48,
    backend: 'cpu',
    heldOut: { dataset, validation: Int32Array.from({ length: 12 }, (_, i) => 36 + i), test: new Int32Array(0) },
  };
}

const text = (files: BundleFile[], path: string) => new TextDecoder().decode(files.find((f) => f.path === path)!.data);

async function loadExported(files: BundleFile[]): Promise<tf.LayersModel> {
  const modelJson = JSON.parse(text(files, 'model.json')) as ModelJson;
  const weightData = files.find((f) => f.path === WEIGHTS_FILE)!.data;
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology as tf.io.ModelArtifacts['modelTopology'],
      weightSpecs: modelJson.weightsManifest[0].weights as tf.io.WeightsManifestEntry[],
      weightData,
    }),
  );
}

describe('exportBundle', () => {
  // float32 is exact; float16 and 8-bit change the probabilities only a little on this model.
  it.each([
    { mode: 'none', tolerance: 1e-6 },
    { mode: 'float16', tolerance: 5e-3 },
    { mode: 'uint8', tolerance: 5e-2 },
  ] as const)('$mode weights load back through tf.loadLayersModel within $tolerance', async ({ mode, tolerance }) => {
    const active = activeModel();
    const files = await exportBundle(active, 'Synthetic', mode);
    expect(files.map((f) => f.path)).toEqual(['model.json', WEIGHTS_FILE, 'tokenizer.json', 'metadata.json', 'README.md', 'predict.html']);
    const checked = checkBundle({
      source: 'the zip',
      modelJson: text(files, 'model.json'),
      tokenizerJson: text(files, 'tokenizer.json'),
      metadataJson: text(files, 'metadata.json'),
      sizes: new Map(files.map((f) => [f.path, f.data.byteLength])),
    });
    expect(checked.metadata.quantization).toBe(mode === 'none' ? undefined : mode);
    const loaded = await loadExported(files);
    const ids = tf.tensor2d(encodeTexts(active.tokenizer, dataset.texts.slice(36), { maxlen: spec.sequenceLength }), [12, spec.sequenceLength], 'int32');
    const expected = (active.model.predict(ids) as tf.Tensor).dataSync();
    const actual = (loaded.predict(ids) as tf.Tensor).dataSync();
    const maxDiff = Math.max(...Array.from(expected, (v, i) => Math.abs(v - actual[i])));
    expect(maxDiff).toBeLessThanOrEqual(tolerance);
    tf.dispose(ids);
    loaded.dispose();
    active.model.dispose();
  });

  it('writes a topology the bundle check can read, and metadata it accepts', async () => {
    const active = activeModel();
    const files = await exportBundle(active, 'Synthetic', 'none');
    const modelJson = JSON.parse(text(files, 'model.json')) as ModelJson;
    expect(modelJson.format).toBe('layers-model');
    expect(describeTopology(modelJson.modelTopology)).toEqual({ inputLength: 12, outputUnits: 3 });
    expect(parseMetadata(text(files, 'metadata.json')).labels).toEqual(['sport', 'business', 'tech']);
    expect(text(files, 'README.md')).toContain('# Synthetic');
    active.model.dispose();
  });
});

describe('bundleMetadata', () => {
  const confusion = [
    [4, 0, 0],
    [0, 3, 1],
    [0, 0, 4],
  ];
  const result = {
    classes: dataset.classes,
    epochs: [{ epoch: 1, loss: 0.6, accuracy: 0.7, valLoss: 0.5, valAccuracy: 11 / 12 }],
    valAccuracy: 11 / 12,
    valLoss: 0.5,
    valMajorityRate: 1 / 3,
    validation: metricsFromConfusion(confusion),
    confusion,
    durationMs: 1200,
    samplesPerSecond: 400,
    backend: 'cpu',
    stopReason: 'completed',
    restoredEpoch: null,
    trainCount: 36,
    valCount: 12,
    testCount: 0,
  } as const;

  it("keeps the run's baseline in metrics.baseline, and leaves it out when there is none", () => {
    const active = activeModel();
    const validation = Int32Array.from({ length: 12 }, (_, i) => 36 + i);
    const job = baselineJob(dataset.texts, dataset.labels, 3, { train: Int32Array.from({ length: 36 }, (_, i) => i), validation, test: [] }, 42);
    const summary = runBaselineJob(job, () => 0);
    const withBaseline = bundleMetadata({ ...active, result: { ...result, epochs: [...result.epochs] }, baseline: summary }, '2026-01-01T00:00:00.000Z');
    const parsed = parseMetadata(JSON.stringify(withBaseline));
    expect(parsed.metrics?.baseline).toEqual(summary);
    expect(parsed.metrics?.baseline?.validation.rows).toBe(12);
    const without = bundleMetadata({ ...active, result: { ...result, epochs: [...result.epochs] } }, '2026-01-01T00:00:00.000Z');
    expect(without.metrics).not.toHaveProperty('baseline');
    active.model.dispose();
  });
});

const noHooks = { progress: () => undefined, cancelled: () => false };

describe('spreadSample', () => {
  it.each([
    { count: 5, cap: 10, want: [0, 1, 2, 3, 4] },
    { count: 10, cap: 4, want: [0, 2, 5, 7] },
    { count: 0, cap: 3, want: [] },
  ])('$count rows capped at $cap', ({ count, cap, want }) => {
    expect(Array.from(spreadSample(count, cap))).toEqual(want);
  });
});

describe('quantizationReport', () => {
  it('measures size and held-out accuracy of every format, reporting progress', async () => {
    const active = activeModel();
    const progress: [number, number][] = [];
    const report = await quantizationReport(active, { progress: (done, total) => progress.push([done, total]), cancelled: () => false });
    expect(report.split).toBe('validation');
    expect(report.rows).toBe(12);
    expect(report.heldOut).toBe(12);
    expect(progress.at(-1)).toEqual([36, 36]);
    const [f32, f16, u8] = report.options;
    expect(report.options.map((o) => o.mode)).toEqual(['none', 'float16', 'uint8']);
    expect(f16.weightsBytes * 2).toBe(f32.weightsBytes);
    expect(u8.weightsBytes * 4).toBe(f32.weightsBytes);
    for (const o of report.options) expect(o.accuracy).toBeGreaterThanOrEqual(0);
    expect(f32.accuracy).toBeCloseTo(f16.accuracy!, 1);
    active.model.dispose();
  });

  it('float32 in the swapped copy scores as the model itself', async () => {
    const active = activeModel();
    const report = await quantizationReport(active, noHooks);
    const ids = encodeTexts(active.tokenizer, Array.from(active.heldOut!.validation, (r) => dataset.texts[r]), { maxlen: spec.sequenceLength });
    const probs = tf.tidy(() => (active.model.predict(tf.tensor2d(ids, [12, spec.sequenceLength], 'int32')) as tf.Tensor).argMax(1).dataSync());
    const correct = Array.from(probs).filter((p, i) => p === dataset.labels[36 + i]).length;
    expect(report.options[0].accuracy).toBeCloseTo(correct / 12, 6);
    active.model.dispose();
  });

  it('pads the last batch: 300 held-out rows score as the model scores them one by one', async () => {
    const rows = Int32Array.from({ length: 300 }, (_, i) => i % 48);
    const active = { ...activeModel(), heldOut: { dataset, validation: rows, test: new Int32Array(0) } };
    const progress: number[] = [];
    const report = await quantizationReport(active, { progress: (done) => progress.push(done), cancelled: () => false });
    expect(report.rows).toBe(300);
    expect(progress.slice(0, 3)).toEqual([128, 256, 300]);
    const ids = encodeTexts(active.tokenizer, Array.from(rows, (r) => dataset.texts[r]), { maxlen: spec.sequenceLength });
    const predicted = tf.tidy(() => (active.model.predict(tf.tensor2d(ids, [300, spec.sequenceLength], 'int32')) as tf.Tensor).argMax(1).dataSync());
    const correct = Array.from(predicted).filter((p, i) => p === dataset.labels[rows[i]]).length;
    expect(report.options[0].accuracy).toBeCloseTo(correct / 300, 6);
    active.model.dispose();
  });

  it('stops between batches when cancelled', async () => {
    const active = activeModel();
    await expect(quantizationReport(active, { progress: () => undefined, cancelled: () => true })).rejects.toBeInstanceOf(ComparisonCancelled);
    active.model.dispose();
  });

  it('gives sizes only for a model without held-out rows', async () => {
    const active = { ...activeModel(), heldOut: undefined };
    const report = await quantizationReport(active, noHooks);
    expect(report.split).toBeNull();
    expect(report.options.every((o) => o.accuracy === null && o.weightsBytes > 0)).toBe(true);
    active.model.dispose();
  });
});
