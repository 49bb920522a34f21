/**
 * A small, valid bundle described as data, for the unit tests of bundle checks and the model
 * card (not imported by the app).
 */
import { BUNDLE_FORMAT, type BundleMetadata, type BundleParts, type ModelJson } from '../export/bundle';
import { findPreset } from '../train/presets';
import { defaultTrainConfig } from '../train/trainConfig';

/** The Tiny preset's architecture: the fixture is a Tiny model. */
const TINY = findPreset('tiny')!.spec;

export function fixtureMetadata(overrides: Partial<BundleMetadata> = {}): BundleMetadata {
  return {
    format: BUNDLE_FORMAT,
    labels: ['sport', 'business', 'tech', 'politics'],
    preprocessing: { sequenceLength: 40, padding: 'pre', truncating: 'pre', tokenizer: 'keras' },
    spec: { ...TINY, layers: TINY.layers.map((l) => (l.kind === 'conv1d' ? { ...l, kernelSizes: [...l.kernelSizes] } : { ...l })) },
    training: { ...defaultTrainConfig(), epochs: 3 },
    metrics: {
      valAccuracy: 0.875,
      valLoss: 0.4321,
      epochs: [
        { epoch: 1, loss: 1.2, accuracy: 0.5, valLoss: 0.9, valAccuracy: 0.7 },
        { epoch: 2, loss: 0.6, accuracy: 0.8, valLoss: 0.4321, valAccuracy: 0.875 },
      ],
      samplesPerSecond: 50,
      durationMs: 4000,
    },
    dataset: { name: 'Demo topics', fingerprint: 'fnv1a32:0badf00d:240', examples: 240 },
    versions: { studio: '0.1.0', tfjs: '4.22.0' },
    backend: 'webgpu',
    savedAt: '2025-01-02T03:04:05.000Z',
    ...overrides,
  };
}

/** A functional-model topology in the layout tfjs writes: input [null, inputLength], Dense(units) out. */
export function fixtureTopology(inputLength: number, units: number): Record<string, unknown> {
  return {
    class_name: 'Functional',
    config: {
      name: 'text_cnn',
      layers: [
        { class_name: 'InputLayer', name: 'tokens', config: { batch_input_shape: [null, inputLength], dtype: 'int32', name: 'tokens' }, inbound_nodes: [] },
        { class_name: 'Embedding', name: 'embedding', config: { input_dim: 2000, output_dim: 16, name: 'embedding' }, inbound_nodes: [[['tokens', 0, 0, {}]]] },
        { class_name: 'Dense', name: 'output', config: { units, activation: 'softmax', name: 'output' }, inbound_nodes: [[['embedding', 0, 0, {}]]] },
      ],
      input_layers: [['tokens', 0, 0]],
      output_layers: [['output', 0, 0]],
    },
    keras_version: 'tfjs-layers 4.22.0',
    backend: 'tensor_flow.js',
  };
}

export function fixtureModelJson(inputLength = 40, units = 4): ModelJson {
  return {
    format: 'layers-model',
    generatedBy: 'TensorFlow.js tfjs-layers v4.22.0',
    convertedBy: null,
    modelTopology: fixtureTopology(inputLength, units),
    weightsManifest: [
      {
        paths: ['group1-shard1of1.bin'],
        weights: [
          { name: 'embedding/embeddings', shape: [2000, 16], dtype: 'float32' },
          { name: 'output/kernel', shape: [16, units], dtype: 'float32' },
          { name: 'output/bias', shape: [units], dtype: 'float32' },
        ],
      },
    ],
  };
}

export const fixtureTokenizerJson = (numWords: number | null = 2000) =>
  JSON.stringify({ class_name: 'Tokenizer', config: { num_words: numWords, word_index: '{"the": 1}' } });

/** The parts of a consistent bundle; weights size matches fixtureModelJson(). */
export function fixtureParts(overrides: Partial<BundleParts> = {}): BundleParts {
  const units = 4;
  return {
    source: 'the zip',
    modelJson: JSON.stringify(fixtureModelJson(40, units)),
    tokenizerJson: fixtureTokenizerJson(),
    metadataJson: JSON.stringify(fixtureMetadata()),
    sizes: new Map([
      ['model.json', 1000],
      ['group1-shard1of1.bin', (2000 * 16 + 16 * units + units) * 4],
      ['tokenizer.json', 100],
      ['metadata.json', 100],
    ]),
    ...overrides,
  };
}
