import * as tf from '@tensorflow/tfjs';
import { assertNever, type LayerSpec, type ModelSpec } from '../../core/model/modelSpec';

/** Hands out consecutive seeds, so every initializer and dropout draws its own, in layer order. */
class Seeds {
  constructor(private next: number) {}

  take(): number {
    return this.next++;
  }

  glorot() {
    return tf.initializers.glorotUniform({ seed: this.take() });
  }
}

/**
 * Builds the tfjs layers model for a spec. Standard Keras layers only, so a saved model loads
 * with tf.loadLayersModel and converts to Keras. Initializers are seeded: the same seed gives
 * the same starting weights on the same backend.
 */
export function buildModel(spec: ModelSpec, classCount: number, seed: number): tf.LayersModel {
  const seeds = new Seeds(seed);
  const input = tf.input({ shape: [spec.sequenceLength], dtype: 'int32', name: 'tokens' });
  const embedded = tf.layers
    .embedding({
      inputDim: spec.vocabSize,
      outputDim: spec.embeddingDim,
      inputLength: spec.sequenceLength,
      embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed: seeds.take() }),
      trainable: spec.embeddingTrainable !== false,
      name: 'embedding',
    })
    .apply(input) as tf.SymbolicTensor;
  let branches: tf.SymbolicTensor[] = [embedded];
  spec.layers.forEach((layer, i) => (branches = applyLayer(layer, i, branches, seeds)));
  const output = tf.layers
    .dense({ units: classCount, activation: 'softmax', kernelInitializer: seeds.glorot(), name: 'output' })
    .apply(branches[0]) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output, name: 'text_cnn' });
}

/**
 * Applies the spec's i-th layer to the current branches: a convolution with several kernel
 * sizes opens one branch per size (Kim 2014), global pooling joins them again. Layer names
 * follow the spec's index, which the WASM engine and the token highlights rely on.
 */
function applyLayer(layer: LayerSpec, i: number, branches: tf.SymbolicTensor[], seeds: Seeds): tf.SymbolicTensor[] {
  const one = (l: { apply(x: tf.SymbolicTensor): unknown }) => [l.apply(branches[0]) as tf.SymbolicTensor];
  switch (layer.kind) {
    case 'conv1d':
      return layer.kernelSizes.map(
        (k, b) =>
          tf.layers
            .conv1d({
              filters: layer.filters,
              kernelSize: k,
              activation: layer.activation,
              padding: layer.padding ?? 'valid',
              strides: layer.strides ?? 1,
              kernelInitializer: seeds.glorot(),
              name: layer.kernelSizes.length > 1 ? `conv1d_${i}_k${k}_${b}` : `conv1d_${i}`,
            })
            .apply(branches[0]) as tf.SymbolicTensor,
      );
    case 'globalMaxPool':
    case 'globalAvgPool': {
      const pooled = branches.map(
        (branch, b) =>
          (layer.kind === 'globalMaxPool'
            ? tf.layers.globalMaxPooling1d({ name: `pool_${i}_${b}` })
            : tf.layers.globalAveragePooling1d({ name: `pool_${i}_${b}` })
          ).apply(branch) as tf.SymbolicTensor,
      );
      return [pooled.length > 1 ? (tf.layers.concatenate({ name: `concat_${i}` }).apply(pooled) as tf.SymbolicTensor) : pooled[0]];
    }
    case 'maxPool':
      return one(tf.layers.maxPooling1d({ poolSize: layer.poolSize, name: `maxpool_${i}` }));
    case 'batchNorm':
      return one(tf.layers.batchNormalization({ name: `batchnorm_${i}` }));
    case 'dropout':
      return one(tf.layers.dropout({ rate: layer.rate, seed: seeds.take(), name: `dropout_${i}` }));
    case 'dense':
      return one(
        tf.layers.dense({
          units: layer.units,
          activation: layer.activation,
          kernelInitializer: seeds.glorot(),
          kernelRegularizer: layer.l1 || layer.l2 ? tf.regularizers.l1l2({ l1: layer.l1 ?? 0, l2: layer.l2 ?? 0 }) : undefined,
          name: `dense_${i}`,
        }),
      );
    default:
      return assertNever(layer);
  }
}

/**
 * Categorical cross-entropy with each sample's loss multiplied by its class' weight, averaged
 * over the batch: what Keras does with `class_weight`.
 */
export function weightedCrossEntropy(weights: number[]): (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor {
  return (yTrue, yPred) =>
    tf.tidy(() => {
      const w = tf.tensor1d(weights);
      const perSample = yTrue.mul(tf.log(yPred.clipByValue(1e-7, 1 - 1e-7))).sum(-1).neg();
      return perSample.mul(yTrue.mul(w).sum(-1)).mean();
    });
}

/** Sets an optimizer's learning rate for the next steps, whichever way the optimizer keeps it. */
export function setLearningRate(optimizer: tf.Optimizer, rate: number): void {
  const o = optimizer as unknown as { setLearningRate?: (r: number) => void; learningRate?: number };
  if (typeof o.setLearningRate === 'function') o.setLearningRate(rate);
  else o.learningRate = rate;
}

/**
 * Frees an optimizer and everything it holds. tfjs 4.22's MomentumOptimizer (our 'sgd')
 * overrides dispose() without calling SGDOptimizer's, so its learning-rate scalar `c` would
 * stay behind after every run, fold and search trial; it is freed here too.
 */
export function disposeOptimizer(optimizer: tf.Optimizer): void {
  optimizer.dispose();
  const c = (optimizer as unknown as { c?: tf.Tensor }).c;
  if (optimizer instanceof tf.MomentumOptimizer && c && !c.isDisposed) c.dispose();
}

export function makeOptimizer(name: 'adam' | 'sgd' | 'rmsprop', learningRate: number): tf.Optimizer {
  switch (name) {
    case 'adam':
      return tf.train.adam(learningRate);
    case 'sgd':
      return tf.train.momentum(learningRate, 0.9);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate);
    default:
      return assertNever(name);
  }
}
