import * as tf from '@tensorflow/tfjs';
import { assertNever, type ModelSpec } from '../../core/model/modelSpec';

/**
 * Builds the tfjs layers model for a spec. Standard Keras layers only, so a saved model loads
 * with tf.loadLayersModel and converts to Keras. Initializers are seeded: the same seed gives
 * the same starting weights on the same backend.
 */
export function buildModel(spec: ModelSpec, classCount: number, seed: number): tf.LayersModel {
  let nextSeed = seed;
  const seeded = () => nextSeed++;
  const glorot = () => tf.initializers.glorotUniform({ seed: seeded() });

  const input = tf.input({ shape: [spec.sequenceLength], dtype: 'int32', name: 'tokens' });
  let x = tf.layers
    .embedding({
      inputDim: spec.vocabSize,
      outputDim: spec.embeddingDim,
      inputLength: spec.sequenceLength,
      embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed: seeded() }),
      trainable: spec.embeddingTrainable !== false,
      name: 'embedding',
    })
    .apply(input) as tf.SymbolicTensor;
  let branches: tf.SymbolicTensor[] = [x];

  spec.layers.forEach((layer, i) => {
    switch (layer.kind) {
      case 'conv1d':
        branches = layer.kernelSizes.map(
          (k, b) =>
            tf.layers
              .conv1d({
                filters: layer.filters,
                kernelSize: k,
                activation: layer.activation,
                padding: layer.padding ?? 'valid',
                strides: layer.strides ?? 1,
                kernelInitializer: glorot(),
                name: layer.kernelSizes.length > 1 ? `conv1d_${i}_k${k}_${b}` : `conv1d_${i}`,
              })
              .apply(branches[0]) as tf.SymbolicTensor,
        );
        break;
      case 'globalMaxPool':
      case 'globalAvgPool': {
        const pooled = branches.map(
          (branch, b) =>
            (layer.kind === 'globalMaxPool'
              ? tf.layers.globalMaxPooling1d({ name: `pool_${i}_${b}` })
              : tf.layers.globalAveragePooling1d({ name: `pool_${i}_${b}` })
            ).apply(branch) as tf.SymbolicTensor,
        );
        branches = [pooled.length > 1 ? (tf.layers.concatenate({ name: `concat_${i}` }).apply(pooled) as tf.SymbolicTensor) : pooled[0]];
        break;
      }
      case 'maxPool':
        branches = [tf.layers.maxPooling1d({ poolSize: layer.poolSize, name: `maxpool_${i}` }).apply(branches[0]) as tf.SymbolicTensor];
        break;
      case 'batchNorm':
        branches = [tf.layers.batchNormalization({ name: `batchnorm_${i}` }).apply(branches[0]) as tf.SymbolicTensor];
        break;
      case 'dropout':
        branches = [tf.layers.dropout({ rate: layer.rate, seed: seeded(), name: `dropout_${i}` }).apply(branches[0]) as tf.SymbolicTensor];
        break;
      case 'dense':
        branches = [
          tf.layers
            .dense({
              units: layer.units,
              activation: layer.activation,
              kernelInitializer: glorot(),
              kernelRegularizer: layer.l1 || layer.l2 ? tf.regularizers.l1l2({ l1: layer.l1 ?? 0, l2: layer.l2 ?? 0 }) : undefined,
              name: `dense_${i}`,
            })
            .apply(branches[0]) as tf.SymbolicTensor,
        ];
        break;
      default:
        assertNever(layer);
    }
  });
  x = branches[0];
  const output = tf.layers
    .dense({ units: classCount, activation: 'softmax', kernelInitializer: glorot(), name: 'output' })
    .apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output, name: 'text_cnn' });
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
