/** How to train: plain JSON beside the ModelSpec, validated before a run starts. */

export type OptimizerName = 'adam' | 'sgd' | 'rmsprop';
/** Which tfjs backend trains; "auto" tries WebGPU, then WebGL, then CPU. */
export type BackendChoice = 'auto' | 'webgpu' | 'webgl' | 'cpu';

export const OPTIMIZERS: readonly OptimizerName[] = ['adam', 'sgd', 'rmsprop'];
export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'webgpu', 'webgl', 'cpu'];

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
  if (!Number.isInteger(c.seed)) {
    issues.push({ path: 'seed', message: 'Seed must be a whole number.' });
  }
  return issues;
}
