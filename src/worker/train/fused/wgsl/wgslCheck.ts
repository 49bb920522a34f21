import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import type { Activation, ModelSpec } from '../../../../core/model/modelSpec';
import { mulberry32 } from '../../../../core/random';
import { buildModel, makeOptimizer } from '../../buildModel';
import { fusedObjective } from '../fusedStep';
import { findWinners } from '../windowMax';

/**
 * The WGSL kernels checked against tfjs' CPU backend running the standard Keras layers: the
 * loss, every gradient and the weights after two Adam steps, on random and on padded (tied)
 * token ids. Run by the self-check page (checks/wgsl.html) in a worker, which the end-to-end
 * test e2e/wgsl.spec.ts opens in headless Chromium (SwiftShader), so CI checks it without a GPU.
 */
export interface WgslCheckCase {
  name: string;
  /** Largest |WebGPU − CPU| over the quantity. */
  loss: number;
  gradients: number;
  weightsAfterTwoSteps: number;
  /** (text, filter) pairs whose maximum several windows reach, on the CPU: ties the case exercises. */
  tiedPairs: number;
}

export interface WgslCheckResult {
  adapter: string;
  tolerance: number;
  cases: WgslCheckCase[];
  pass: boolean;
}

export const TOLERANCE = 1e-4;
const CLASSES = 3;
const ROWS = 8;

function spec(kernelSizes: number[], activation: Activation): ModelSpec {
  return {
    vocabSize: 60,
    sequenceLength: 40,
    embeddingDim: 8,
    layers: [
      { kind: 'conv1d', filters: 12, kernelSizes, activation },
      { kind: 'globalMaxPool' },
      { kind: 'dense', units: 8, activation: 'relu' },
    ],
  };
}

/** Token ids: random, or 'pre'-padded by up to the whole text with repeated n-grams (ties). */
function tokenIds(s: ModelSpec, padded: boolean, seed: number): Int32Array {
  const r = mulberry32(seed);
  const L = s.sequenceLength;
  const ids = new Int32Array(ROWS * L);
  for (let i = 0; i < ROWS; i++) {
    const pad = padded ? Math.floor((i / (ROWS - 1)) * L) : 0;
    for (let t = pad; t < L; t++) ids[i * L + t] = padded && i % 2 ? 1 + ((t - pad) % 3) : 1 + Math.floor(r() * (s.vocabSize - 1));
  }
  return ids;
}

const maxDiff = (a: Float32Array[], b: Float32Array[]) => Math.max(...a.map((x, i) => x.reduce((m, v, j) => Math.max(m, Math.abs(v - b[i][j])), 0)));

/** Loss, gradients and the weights after two optimizer steps of one model on one backend. */
/** Weights as plain arrays: tensors never move between backends (tfjs would read WebGPU synchronously). */
interface Weights {
  values: Float32Array[];
  shapes: number[][];
}

async function run(backend: 'cpu' | 'webgpu', s: ModelSpec, ids: Int32Array, labels: Int32Array, weights: Weights | null) {
  await tf.setBackend(backend);
  const model = buildModel(s, CLASSES, 11);
  if (weights) {
    const tensors = weights.values.map((v, i) => tf.tensor(v, weights.shapes[i]));
    model.setWeights(tensors);
    tf.dispose(tensors);
  }
  const start = model.getWeights();
  const initial: Weights = { values: await Promise.all(start.map((w) => w.data() as Promise<Float32Array>)), shapes: start.map((w) => w.shape) };
  const xs = tf.tensor2d(ids, [ROWS, s.sequenceLength], 'int32');
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), CLASSES).toFloat() as tf.Tensor2D;
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const loss = tf.metrics.categoricalCrossentropy;
  const fused = fusedObjective(model, s, loss, 'wgsl');
  const objective = () => {
    if (backend === 'cpu') return tf.mean(loss(ys, model.apply(xs, { training: true }) as tf.Tensor)) as tf.Scalar;
    const batch = fused(xs, ys);
    // Inside variableGrads' and minimize's tidy, which also releases the batch's int32 ids.
    const value = batch.loss();
    batch.accuracy()?.dispose();
    return value;
  };
  const { value, grads } = tf.variableGrads(objective, variables);
  const result = {
    loss: (await value.data())[0],
    gradients: await Promise.all(variables.map((v) => grads[v.name].data() as Promise<Float32Array>)),
    initial,
  };
  tf.dispose([value, ...Object.values(grads)]);
  const optimizer = makeOptimizer('adam', 0.01);
  for (let step = 0; step < 2; step++) optimizer.minimize(objective, false, variables);
  const after = await Promise.all(model.getWeights().map((w) => w.data() as Promise<Float32Array>));
  optimizer.dispose();
  tf.dispose([xs, ys]);
  model.dispose();
  return { ...result, after };
}

/** Pairs whose maximum is reached by more than one window, counted with the ops path on the CPU. */
async function tiedPairs(s: ModelSpec, ids: Int32Array, weights: Weights): Promise<number> {
  await tf.setBackend('cpu');
  const initial = weights.values.map((v, i) => tf.tensor(v, weights.shapes[i]));
  const conv = s.layers[0] as { kernelSizes: number[]; activation: Activation };
  const x = tf.gather(initial[0], tf.tensor2d(ids, [ROWS, s.sequenceLength], 'int32')) as tf.Tensor3D;
  let count = 0;
  for (let b = 0; b < conv.kernelSizes.length; b++) {
    const w = findWinners(x, initial[1 + 2 * b] as tf.Tensor3D, initial[2 + 2 * b] as tf.Tensor1D, 'linear');
    count += (await w.ties.data()).filter((t) => t > 1).length;
    tf.dispose([w.rows, w.ties, w.value]);
  }
  tf.dispose([x, ...initial]);
  return count;
}

/** Runs every case; `adapter` is what tfjs' WebGPU backend found (a software one in CI). */
export async function checkWgslKernels(adapter: string): Promise<WgslCheckResult> {
  const cases: WgslCheckCase[] = [];
  const plans: [string, ModelSpec, boolean][] = [
    ['random ids, kernel sizes 3 and 5, ReLU', spec([3, 5], 'relu'), false],
    ['padded ids and repeated n-grams (ties), kernel sizes 2 and 4, ReLU', spec([2, 4], 'relu'), true],
    ['padded ids (ties), kernel size 3, linear', spec([3], 'linear'), true],
  ];
  for (const [i, [name, s, padded]] of plans.entries()) {
    const ids = tokenIds(s, padded, 100 + i);
    const labels = Int32Array.from({ length: ROWS }, (_, r) => (r * 7 + i) % CLASSES);
    const cpu = await run('cpu', s, ids, labels, null);
    const gpu = await run('webgpu', s, ids, labels, cpu.initial);
    cases.push({
      name,
      loss: Math.abs(cpu.loss - gpu.loss),
      gradients: maxDiff(gpu.gradients, cpu.gradients),
      weightsAfterTwoSteps: maxDiff(gpu.after, cpu.after),
      tiedPairs: await tiedPairs(s, ids, cpu.initial),
    });
  }
  const pass = cases.every((c) => c.loss <= TOLERANCE && c.gradients <= TOLERANCE && c.weightsAfterTwoSteps <= TOLERANCE);
  return { adapter, tolerance: TOLERANCE, cases, pass };
}
