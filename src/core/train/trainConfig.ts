/** How to train: plain JSON beside the ModelSpec, validated before a run starts. */
import { augmentProblems, type AugmentConfig } from './augment';

export type OptimizerName = 'adam' | 'sgd' | 'rmsprop';
/**
 * What trains: "auto" takes WebGPU on a hardware adapter, else the WASM engine where the model
 * fits it, else the tfjs backend measured fastest; the others force one.
 */
export type BackendChoice = 'auto' | 'webgpu' | 'webgl' | 'wasm' | 'cpu' | 'engine';

export const OPTIMIZERS: readonly OptimizerName[] = ['adam', 'sgd', 'rmsprop'];
export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu', 'engine'];

export interface TrainConfig {
  epochs: number;
  /** Samples per gradient step. */
  batchSize: number;
  learningRate: number;
  optimizer: OptimizerName;
  /** Share of each class held out to validate after every epoch, in [0, 1). */
  validationSplit: number;
  /** Share of each class held out for the final test, in [0, 1). */
  testSplit: number;
  /** Seeds the split, the shuffles and the weight initializers. */
  seed: number;
  backend: BackendChoice;
  /** How the learning rate changes from epoch to epoch (absent: constant). */
  schedule?: LearningRateSchedule;
  /** Stop when the monitored validation metric has not improved for `patience` epochs (0: never). */
  earlyStopping?: EarlyStoppingConfig;
  /** "balanced" weighs each class' loss by n / (classes × its count), as scikit-learn does. */
  classWeights?: 'none' | 'balanced';
  /**
   * Train "Conv1D → global max pooling" with the fused sparse gradient: true wherever the
   * architecture allows it, false never, absent where measured faster (see fusedChoice). The
   * saved model is the same standard layers either way.
   */
  fused?: boolean;
  /**
   * On WebGPU, what the fused step runs: absent or true the studio's fused WGSL kernels (once
   * they prove right on the device), false tfjs' ordinary ops (the earlier path, for comparison).
   */
  fusedWgsl?: boolean;
  /**
   * Workers the WASM engine trains with: 2 splits every batch between two workers (absent:
   * Automatic times a few steps of the run's model with 1 and 2 workers and trains on the faster).
   */
  engineWorkers?: 1 | 2;
  /** Augmentation of the training rows only (absent, or 0 copies: off). See augment.ts. */
  augment?: AugmentConfig;
  /**
   * Train the linear baseline (TF-IDF + logistic regression, core/eval/baseline.ts) beside the
   * CNN on the same split, in its own worker (absent: on).
   */
  baseline?: boolean;
}

export type LearningRateSchedule = 'constant' | 'step' | 'exponential' | 'cosine';
export const SCHEDULES: readonly LearningRateSchedule[] = ['constant', 'step', 'exponential', 'cosine'];

export interface EarlyStoppingConfig {
  monitor: 'valLoss' | 'valAccuracy';
  /** Epochs without improvement before stopping; 0 turns early stopping off. */
  patience: number;
  /** At the end (or on Stop) go back to the weights of the best epoch. */
  restoreBest: boolean;
}

export function defaultEarlyStopping(): EarlyStoppingConfig {
  return { monitor: 'valLoss', patience: 0, restoreBest: true };
}

export function defaultTrainConfig(): TrainConfig {
  return {
    epochs: 10,
    batchSize: 32,
    learningRate: 0.001,
    optimizer: 'adam',
    validationSplit: 0.2,
    testSplit: 0,
    seed: 42,
    backend: 'auto',
  };
}

export interface ConfigIssue {
  path: keyof TrainConfig;
  message: string;
}

export function validateTrainConfig(c: TrainConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (!Number.isInteger(c.epochs) || c.epochs < 1 || c.epochs > 1000) {
    issues.push({ path: 'epochs', message: 'Epochs must be a whole number from 1 to 1000.' });
  }
  if (!Number.isInteger(c.batchSize) || c.batchSize < 1 || c.batchSize > 4096) {
    issues.push({ path: 'batchSize', message: 'Batch size must be a whole number from 1 to 4096.' });
  }
  if (!(c.learningRate > 0 && c.learningRate <= 10)) {
    issues.push({ path: 'learningRate', message: 'Learning rate must be above 0 (typical: 0.001 for Adam, 0.01 for SGD).' });
  }
  if (!(c.validationSplit > 0 && c.validationSplit < 0.9)) {
    issues.push({ path: 'validationSplit', message: 'Validation split must be above 0 and below 0.9 (typical: 0.2).' });
  }
  if (!(c.testSplit >= 0 && c.testSplit + c.validationSplit < 0.95)) {
    issues.push({ path: 'testSplit', message: 'Validation and test splits together must leave at least 5% for training.' });
  }
  const patience = c.earlyStopping?.patience ?? 0;
  if (!Number.isInteger(patience) || patience < 0) {
    issues.push({ path: 'earlyStopping', message: 'Early-stopping patience must be a whole number of epochs (0 turns it off).' });
  }
  if (!Number.isInteger(c.seed)) {
    issues.push({ path: 'seed', message: 'Seed must be a whole number.' });
  }
  if (c.fusedWgsl !== undefined && typeof c.fusedWgsl !== 'boolean') issues.push({ path: 'fusedWgsl', message: 'The fused step on WebGPU must be on or off.' });
  if (c.engineWorkers !== undefined && c.engineWorkers !== 1 && c.engineWorkers !== 2) {
    issues.push({ path: 'engineWorkers', message: 'Engine workers must be 1 or 2.' });
  }
  if (c.augment) {
    for (const { message } of augmentProblems(c.augment)) issues.push({ path: 'augment', message });
  }
  if (c.baseline !== undefined && typeof c.baseline !== 'boolean') {
    issues.push({ path: 'baseline', message: 'The baseline setting must be on or off (true or false).' });
  }
  return issues;
}

/**
 * Learning rate for a 1-based epoch: step halves it every 5 epochs, exponential multiplies it by
 * 0.9 per epoch, cosine anneals it from the base to 0 over the run (Loshchilov & Hutter 2017).
 */
export function learningRateAt(c: Pick<TrainConfig, 'learningRate' | 'schedule' | 'epochs'>, epoch: number): number {
  const e = epoch - 1;
  switch (c.schedule ?? 'constant') {
    case 'constant':
      return c.learningRate;
    case 'step':
      return c.learningRate * 0.5 ** Math.floor(e / 5);
    case 'exponential':
      return c.learningRate * 0.9 ** e;
    case 'cosine':
      return c.learningRate * 0.5 * (1 + Math.cos((Math.PI * e) / Math.max(1, c.epochs)));
  }
}

/** Whether a run with this config trains the linear baseline beside the CNN (on unless turned off). */
export function baselineOn(c: Pick<TrainConfig, 'baseline'>): boolean {
  return c.baseline !== false;
}

/** Balanced class weights n / (k · count); a class with no rows gets weight 0. */
export function balancedClassWeights(labels: ArrayLike<number>, rows: ArrayLike<number>, classCount: number): number[] {
  const counts = new Array<number>(classCount).fill(0);
  for (let i = 0; i < rows.length; i++) counts[labels[rows[i]]]++;
  return counts.map((count) => (count === 0 ? 0 : rows.length / (classCount * count)));
}

/** Tracks the monitored metric epoch by epoch: which epoch was best and whether to stop. */
export class EarlyStopper {
  best: number | null = null;
  bestEpoch: number | null = null;
  private waited = 0;

  constructor(private readonly config: EarlyStoppingConfig) {}

  /** Returns whether this epoch is the best so far. */
  update(epoch: number, metrics: { valLoss: number; valAccuracy: number }): boolean {
    const value = this.config.monitor === 'valLoss' ? metrics.valLoss : metrics.valAccuracy;
    const better = this.best === null || (this.config.monitor === 'valLoss' ? value < this.best : value > this.best);
    if (better) {
      this.best = value;
      this.bestEpoch = epoch;
      this.waited = 0;
    } else {
      this.waited++;
    }
    return better;
  }

  get shouldStop(): boolean {
    return this.config.patience > 0 && this.waited >= this.config.patience;
  }
}
