import type { ModelSpec } from '../model/modelSpec';
import type { TokenizerOptions } from '../text/tokenizerMode';
import { defaultTrainConfig, type TrainConfig } from './trainConfig';

/** A named starting point: an architecture and the training settings that suit it. */
export interface Preset {
  id: string;
  name: string;
  description: string;
  spec: ModelSpec;
  train: TrainConfig;
  /** Tokenizer settings the architecture needs (e.g. characters); absent: the user's choice stands. */
  tokenizer?: Partial<TokenizerOptions>;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'tiny',
    name: 'Tiny',
    description: 'Trains in seconds, even without a GPU: for demos and quick checks.',
    spec: {
      vocabSize: 2000,
      sequenceLength: 40,
      embeddingDim: 16,
      layers: [
        { kind: 'conv1d', filters: 32, kernelSizes: [3], activation: 'relu' },
        { kind: 'globalMaxPool' },
        { kind: 'dense', units: 32, activation: 'relu' },
      ],
    },
    train: { ...defaultTrainConfig(), epochs: 10, batchSize: 32, learningRate: 0.01, testSplit: 0.1 },
  },
  {
    id: 'keras-text-cnn',
    name: 'Keras text CNN',
    description:
      'The classic Keras reference: Tokenizer(10000), pad_sequences(500), Embedding 16, Conv1D 128×5 relu, GlobalMaxPooling1D, Dense 128 relu, softmax; adam, 10 epochs, batch 32, validation 0.2.',
    spec: {
      vocabSize: 10000,
      sequenceLength: 500,
      embeddingDim: 16,
      layers: [
        { kind: 'conv1d', filters: 128, kernelSizes: [5], activation: 'relu' },
        { kind: 'globalMaxPool' },
        { kind: 'dense', units: 128, activation: 'relu' },
      ],
    },
    train: defaultTrainConfig(),
  },
  {
    id: 'kim-cnn',
    name: 'Kim CNN',
    description: 'Kim (2014): kernel sizes 3, 4 and 5 side by side, 100 filters each, dropout 0.5.',
    spec: {
      vocabSize: 10000,
      sequenceLength: 200,
      embeddingDim: 64,
      layers: [
        { kind: 'conv1d', filters: 100, kernelSizes: [3, 4, 5], activation: 'relu' },
        { kind: 'globalMaxPool' },
        { kind: 'dropout', rate: 0.5 },
      ],
    },
    train: { ...defaultTrainConfig(), epochs: 8, batchSize: 50, testSplit: 0.1 },
  },
  {
    id: 'char-cnn',
    name: 'Character CNN',
    description:
      'Reads characters, not words (after Zhang et al. 2015, smaller): robust to typos, names and languages without spaces. Two convolutions with max pooling between them.',
    spec: {
      vocabSize: 256,
      sequenceLength: 256,
      embeddingDim: 16,
      layers: [
        { kind: 'conv1d', filters: 64, kernelSizes: [5], activation: 'relu' },
        { kind: 'maxPool', poolSize: 2 },
        { kind: 'conv1d', filters: 64, kernelSizes: [3], activation: 'relu' },
        { kind: 'globalMaxPool' },
        { kind: 'dense', units: 64, activation: 'relu' },
        { kind: 'dropout', rate: 0.5 },
      ],
    },
    train: { ...defaultTrainConfig(), epochs: 10, batchSize: 32, testSplit: 0.1 },
    tokenizer: { mode: 'char' },
  },
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
