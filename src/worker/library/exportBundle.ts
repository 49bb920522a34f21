/**
 * The downloadable bundle, assembled in the worker: tfjs cannot write downloads here, so the
 * model's artifacts are collected with `tf.io.withSaveHandler` and sent to the page as files
 * (ArrayBuffers, transferred), where they are zipped.
 */
import * as tf from '@tensorflow/tfjs';
import { BUNDLE_FORMAT, type BundleMetadata, type ModelJson } from '../../core/export/bundle';
import { modelCard } from '../../core/export/modelCard';
import { predictPage } from '../../core/export/predictPage';
import { quantizeWeights, type WeightQuantization } from '../../core/export/quantize';
import { tokenizerToJson } from '../../core/text/tokenizerJson';
import { preprocessingMetadata } from '../../core/text/tokenizerMode';
import type { BundleFile } from '../../protocol/messages';
import type { ActiveModel } from '../session';

export const STUDIO_VERSION = '0.1.0';
/** The single weights file of an exported bundle, named as tfjs names its first shard. */
export const WEIGHTS_FILE = 'group1-shard1of1.bin';

/** The model's artifacts (topology, weight specs, weights as one buffer), without writing anywhere. */
export async function collectArtifacts(model: tf.LayersModel): Promise<tf.io.ModelArtifacts & { weightSpecs: tf.io.WeightsManifestEntry[]; weightData: ArrayBuffer }> {
  let captured: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      captured = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const artifacts = captured as tf.io.ModelArtifacts | null;
  if (!artifacts?.weightSpecs || !artifacts.weightData) throw new Error('tfjs returned no weights for this model.');
  return { ...artifacts, weightSpecs: artifacts.weightSpecs, weightData: tf.io.CompositeArrayBuffer.join(artifacts.weightData) };
}

/** metadata.json for the active model: fresh metrics after training, the stored ones after loading. */
export function bundleMetadata(active: ActiveModel, savedAt: string, quantization?: WeightQuantization): BundleMetadata {
  const r = active.result;
  const metrics = r
    ? {
        valAccuracy: r.valAccuracy,
        valLoss: r.valLoss,
        epochs: r.epochs,
        samplesPerSecond: r.samplesPerSecond,
        durationMs: r.durationMs,
        validation: r.validation,
        confusion: r.confusion,
        ...(active.baseline ? { baseline: active.baseline } : {}),
      }
    : (active.metadata?.metrics ?? null);
  return {
    format: BUNDLE_FORMAT,
    labels: active.classes,
    preprocessing: preprocessingMetadata(active.tokenizer.config, active.spec.sequenceLength),
    spec: active.spec,
    training: active.config,
    metrics,
    dataset: {
      name: active.datasetName,
      fingerprint: active.datasetFingerprint,
      examples: active.examples,
      ...(active.columns ? { textColumns: active.columns.textColumns, labelColumn: active.columns.labelColumn } : {}),
    },
    versions: { studio: STUDIO_VERSION, tfjs: tf.version.tfjs },
    backend: active.backend,
    savedAt,
    ...(quantization && quantization !== 'none' ? { quantization } : {}),
  };
}

const encoder = new TextEncoder();
const textFile = (path: string, text: string): BundleFile => ({ path, data: encoder.encode(text).slice().buffer });

/**
 * Every file of the bundle except tf.min.js (the page adds it from its own origin):
 * model.json + weights, tokenizer.json, metadata.json, README.md, predict.html.
 */
export async function exportBundle(active: ActiveModel, name: string, quantization: WeightQuantization): Promise<BundleFile[]> {
  const artifacts = await collectArtifacts(active.model);
  const weights = quantizeWeights(artifacts.weightSpecs, artifacts.weightData, quantization);
  const modelJson: ModelJson = {
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    modelTopology: artifacts.modelTopology as Record<string, unknown>,
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: weights.entries }],
    ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
  };
  const metadata = bundleMetadata(active, new Date().toISOString(), quantization);
  return [
    textFile('model.json', JSON.stringify(modelJson)),
    { path: WEIGHTS_FILE, data: weights.data },
    textFile('tokenizer.json', tokenizerToJson(active.tokenizer)),
    textFile('metadata.json', JSON.stringify(metadata, null, 2)),
    textFile('README.md', modelCard({ name, metadata, weightsBytes: weights.data.byteLength, weightFiles: [WEIGHTS_FILE] })),
    textFile('predict.html', predictPage(name)),
  ];
}
