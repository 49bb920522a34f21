import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../../core/model/modelSpec';
import { mulberry32 } from '../../core/random';
import { buildModel, makeOptimizer } from '../train/buildModel';
import { fusedUnsupported, makeFusedStep } from '../train/fused/fusedStep';
import { wgslKernelsRefusal } from '../train/fused/wgsl/wgslReady';
import type { Conv1DLayer } from '../../core/model/modelSpec';

const WARMUP_STEPS = 1;
const TIMED_STEPS = 3;

/**
 * Training speed of a spec on the current backend: a few optimizer steps on random token ids
 * (the cost of a step does not depend on which ids), after one warm-up step that compiles
 * shaders. Everything it allocates is released.
 */
export async function measureSpeed(spec: ModelSpec, classCount: number, batchSize: number, fusedWgsl = false): Promise<number> {
  const model = buildModel(spec, classCount, 1);
  const optimizer = makeOptimizer('adam', 0.001);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const random = mulberry32(7);
  const ids = Int32Array.from({ length: batchSize * spec.sequenceLength }, () => Math.floor(random() * spec.vocabSize));
  const labels = Int32Array.from({ length: batchSize }, (_, i) => i % classCount);
  const xs = tf.tensor2d(ids, [batchSize, spec.sequenceLength], 'int32');
  const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), classCount).toFloat()) as tf.Tensor2D;
  // With fusedWgsl, on WebGPU, the step a run would take there: the fused WGSL kernels where the model allows them.
  const wgsl = fusedWgsl && fusedUnsupported(spec) === null && (await wgslKernelsRefusal((spec.layers[0] as Conv1DLayer).activation)) === null;
  const step = wgsl ? makeFusedStep(model, spec, optimizer, tf.metrics.categoricalCrossentropy, 'wgsl') : (x: tf.Tensor2D, y: tf.Tensor2D) => model.trainOnBatch(x, y);
  try {
    for (let i = 0; i < WARMUP_STEPS; i++) await step(xs, ys);
    const start = performance.now();
    for (let i = 0; i < TIMED_STEPS; i++) await step(xs, ys);
    return (TIMED_STEPS * batchSize) / ((performance.now() - start) / 1000);
  } finally {
    tf.dispose([xs, ys]);
    model.dispose();
    optimizer.dispose();
  }
}
