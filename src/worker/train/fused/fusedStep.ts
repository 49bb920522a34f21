import * as tf from '@tensorflow/tfjs';
import type { Conv1DLayer, ModelSpec } from '../../../core/model/modelSpec';
import { summarizeModel } from '../../../core/model/modelShapes';
import type { TfjsBackendName } from '../../../protocol/messages';
import { findWinners, pooledFromWinners, type Winners } from './windowMax';
import { convMaxPoolWgsl } from './wgsl/convMaxPool';

/**
 * Why the fused training step cannot be used for a spec, or null when it can: the first layer
 * must be a 'valid', stride-1 convolution read straight from the embedding and pooled by global
 * max pooling, followed only by dropout and dense layers. Anything else (average pooling,
 * stacked convolutions, max pooling or batch norm) trains on the standard path.
 */
export function fusedUnsupported(spec: ModelSpec): string | null {
  const [conv, pool, ...rest] = spec.layers;
  if (conv?.kind !== 'conv1d') return 'the first layer is not a convolution';
  if ((conv.padding ?? 'valid') !== 'valid' || (conv.strides ?? 1) !== 1) return 'the convolution uses same padding or a stride';
  if (pool?.kind !== 'globalMaxPool') return 'the convolution is not followed by global max pooling';
  if (rest.some((l) => l.kind !== 'dropout' && l.kind !== 'dense')) return 'layers other than dropout and dense follow the pooling';
  return null;
}

/**
 * Below this many forward FLOPs per batch the fused step on tfjs ops was slower on WebGPU (SwiftShader) and
 * on tfjs' WASM backend (headless Chromium, 2 cores: Tiny 7,564 samples/s standard against 3,922
 * fused; the Keras text CNN 237 standard against 508 fused).
 */
const FUSED_MIN_FLOPS = 100e6;
const SMALL_MODEL_SLOWER: Partial<Record<TfjsBackendName, string>> = { webgpu: 'WebGPU', wasm: 'WASM' };

/**
 * Why the fused step is not used for a run, or null when it is. `setting` is the user's choice:
 * false off, true on wherever the architecture allows, absent automatic: on where measured
 * faster (CPU, WebGL and WebGPU with the WGSL kernels (`wgsl`) always; WASM, and WebGPU on tfjs
 * ops, for models of ≥ 100 MFLOP per batch).
 */
export function fusedChoice(
  backend: TfjsBackendName,
  spec: ModelSpec,
  classCount: number,
  batchSize: number,
  setting: boolean | undefined,
  wgsl = false,
): string | null {
  const unsupported = fusedUnsupported(spec);
  if (unsupported) return unsupported;
  if (setting === false) return 'turned off';
  if (setting === true) return null;
  // With the WGSL kernels the fused step is faster on WebGPU at every size (SwiftShader, Tiny:
  // 192.4 samples/s against 91.3 standard and 47.9 on tfjs ops).
  const label = backend === 'webgpu' && wgsl ? undefined : SMALL_MODEL_SLOWER[backend];
  if (label && summarizeModel(spec, classCount).flopsPerSample * batchSize < FUSED_MIN_FLOPS) {
    return `slower on ${label} for a model this small`;
  }
  return null;
}

/** Weight penalties of the dense layers, as their L1/L2 regularizers add them in tfjs. */
function penalties(model: tf.LayersModel, spec: ModelSpec): tf.Scalar | null {
  let total: tf.Scalar | null = null;
  spec.layers.forEach((l, i) => {
    if (l.kind !== 'dense' || (!l.l1 && !l.l2)) return;
    const kernel = model.getLayer(`dense_${i}`).trainableWeights[0].read();
    let p = tf.scalar(0);
    if (l.l1) p = tf.add(p, tf.mul(l.l1, tf.sum(tf.abs(kernel))));
    if (l.l2) p = tf.add(p, tf.mul(l.l2, tf.sum(tf.square(kernel))));
    total = total ? tf.add(total, p) : p;
  });
  return total;
}

/**
 * How the fused step computes convolution + max pooling: 'wgsl', the studio's WGSL kernels on
 * tfjs' WebGPU backend (wgsl/convMaxPool.ts: one forward pass and sparse backward kernels);
 * 'ops', ordinary tfjs ops on any backend (windowMax.ts: the winning windows found off the tape,
 * then recomputed on it).
 */
export type FusedKernels = 'wgsl' | 'ops';

/** One batch's objective: the loss to put on the gradient tape, its accuracy once run, and a cleanup. */
export interface FusedBatch {
  loss: () => tf.Scalar;
  accuracy: () => tf.Tensor | null;
  dispose: () => void;
}

/**
 * The loss of a batch as `model.trainOnBatch` computes it (mean loss plus the dense layers'
 * penalties), with the convolution + global max pooling trained through the winning windows only.
 * It reads the model's own variables, so the model stays the standard Keras layers.
 */
export function fusedObjective(
  model: tf.LayersModel,
  spec: ModelSpec,
  loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor,
  kernels: FusedKernels,
): (xs: tf.Tensor2D, ys: tf.Tensor2D) => FusedBatch {
  const conv = spec.layers[0] as Conv1DLayer;
  const embedding = model.getLayer('embedding');
  const convLayers = conv.kernelSizes.map((k, b) => model.getLayer(conv.kernelSizes.length > 1 ? `conv1d_0_k${k}_${b}` : 'conv1d_0'));
  const head = [...spec.layers.slice(2).map((l, j) => model.getLayer(`${l.kind}_${j + 2}`)), model.getLayer('output')];
  // weights, not trainableWeights: a frozen embedding is still read.
  const weightsOf = (layer: tf.layers.Layer) => layer.weights.map((w) => w.read()) as [tf.Tensor3D, tf.Tensor1D];
  return (xs, ys) => {
    let accuracy: tf.Tensor | null = null;
    let pool: () => tf.Tensor2D[];
    let cleanup: tf.Tensor[] = [];
    if (kernels === 'wgsl') {
      const ids = tf.cast(xs, 'int32') as tf.Tensor2D;
      cleanup = [ids];
      pool = () => convLayers.map((layer) => convMaxPoolWgsl(ids, embedding.weights[0].read() as tf.Tensor2D, ...weightsOf(layer), conv.activation));
    } else {
      // Off the tape: the dense forward convolution picks each pair's winning window.
      const offTape = embedding.apply(xs) as tf.Tensor3D;
      const winners: Winners[] = convLayers.map((layer) => findWinners(offTape, ...weightsOf(layer), conv.activation));
      offTape.dispose();
      cleanup = winners.flatMap((w) => [w.rows, w.ties, w.value]);
      pool = () => {
        const embedded = embedding.apply(xs) as tf.Tensor3D;
        return convLayers.map((layer, b) => pooledFromWinners(embedded, ...weightsOf(layer), conv.activation, winners[b]));
      };
    }
    const objective = () => {
      const pooled = pool();
      let h: tf.Tensor = pooled.length > 1 ? tf.concat(pooled, 1) : pooled[0];
      for (const layer of head) h = layer.apply(h, { training: true }) as tf.Tensor;
      accuracy = tf.keep(tf.mean(tf.cast(tf.equal(tf.argMax(h, 1), tf.argMax(ys, 1)), 'float32')));
      const base = tf.mean(loss(ys, h)) as tf.Scalar;
      const penalty = penalties(model, spec);
      return (penalty ? tf.add(base, penalty) : base) as tf.Scalar;
    };
    return { loss: objective, accuracy: () => accuracy, dispose: () => tf.dispose(cleanup) };
  };
}

/**
 * A training step that computes the same loss and gradients as `model.trainOnBatch` through
 * fusedObjective, and applies them with the run's optimizer to the model's own variables.
 */
export function makeFusedStep(
  model: tf.LayersModel,
  spec: ModelSpec,
  optimizer: tf.Optimizer,
  loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor,
  kernels: FusedKernels = 'ops',
): (xs: tf.Tensor2D, ys: tf.Tensor2D) => Promise<[number, number]> {
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const objective = fusedObjective(model, spec, loss, kernels);
  return async (xs, ys) => {
    const batch = objective(xs, ys);
    const cost = optimizer.minimize(batch.loss, true, variables)!;
    batch.dispose();
    const accuracy = batch.accuracy()!;
    const [l, a] = await Promise.all([cost.data(), accuracy.data()]);
    tf.dispose([cost, accuracy]);
    return [l[0], a[0]];
  };
}
