import { defaultModelSpec, type ModelSpec } from '../model/modelSpec';
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
    // The exact reference: the default spec and training settings are this preset's.
    spec: defaultModelSpec(),
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

/**
 * Settings a preset leaves as the user set them: where to train, the held-out test set and the
 * seed belong to the data and the machine, not to an architecture.
 */
export const KEPT_BY_PRESETS = ['backend', 'testSplit', 'seed'] as const satisfies readonly (keyof TrainConfig)[];

/** The training settings after picking a preset: the preset's, over the user's, except the kept ones. */
export function presetTrainConfig(current: TrainConfig, preset: Preset): TrainConfig {
  const next: TrainConfig = { ...current, ...structuredClone(preset.train) };
  for (const key of KEPT_BY_PRESETS) Object.assign(next, { [key]: current[key] });
  return next;
}

const SETTING_NAMES: Readonly<Record<keyof TrainConfig, string>> = {
  epochs: 'epochs',
  batchSize: 'batch size',
  learningRate: 'learning rate',
  optimizer: 'optimizer',
  validationSplit: 'validation split',
  testSplit: 'test split',
  seed: 'seed',
  backend: 'backend',
  schedule: 'learning-rate schedule',
  earlyStopping: 'early stopping',
  classWeights: 'class weights',
  fused: 'fused step',
  fusedWgsl: 'fused WGSL kernels',
  engineWorkers: 'engine workers',
  augment: 'augmentation',
  baseline: 'baseline',
};

const show = (value: unknown): string => (value === undefined ? 'default' : typeof value === 'object' ? 'custom' : String(value));

/**
 * What picking a preset changed besides the model, in the user's words, e.g.
 * ["epochs 3 → 10", "learning rate 0.01 → 0.001", "tokenizer mode auto → char"]; empty when nothing.
 */
export function presetChanges(before: TrainConfig, after: TrainConfig, tokenizerBefore?: Record<string, unknown>, tokenizerAfter?: Record<string, unknown>): string[] {
  const changes: string[] = [];
  for (const key of Object.keys(SETTING_NAMES) as (keyof TrainConfig)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes.push(`${SETTING_NAMES[key]} ${show(before[key])} → ${show(after[key])}`);
  }
  for (const key of Object.keys(tokenizerAfter ?? {})) {
    if (tokenizerBefore?.[key] !== tokenizerAfter?.[key]) changes.push(`tokenizer ${key} ${show(tokenizerBefore?.[key])} → ${show(tokenizerAfter?.[key])}`);
  }
  return changes;
}
