import * as tf from '@tensorflow/tfjs';
import type { Activation } from '../../../../core/model/modelSpec';
import { convMaxBackward, convMaxForward, type ConvMaxCase } from '../../../../core/train/convMaxReference';
import { convMaxPoolWgsl } from './convMaxPool';

/**
 * Whether the fused WGSL kernels compute the right numbers on this WebGPU device: null when they
 * do, else why not. WebGPU reports a shader that fails to compile only asynchronously, and the
 * whole batch of commands then silently yields zeros, so a run checks the kernels' forward and
 * gradients on a small case with padding ties against core/train/convMaxReference first (once
 * per activation and worker; a few milliseconds).
 */
export function wgslKernelsRefusal(activation: Activation): Promise<string | null> {
  let known = checked.get(activation);
  if (!known) {
    known = check(activation).catch((error: unknown) => `the WGSL kernels failed here (${error instanceof Error ? error.message : String(error)})`);
    checked.set(activation, known);
  }
  return known;
}

const checked = new Map<Activation, Promise<string | null>>();

/** Two texts, the second mostly padding (tied windows); D = 3, k = 2, F = 5 (below one tile). */
function smallCase(activation: Activation): ConvMaxCase {
  const wave = (n: number, phase: number) => Float32Array.from({ length: n }, (_, i) => Math.fround(Math.sin(i * 1.7 + phase) * 0.5));
  return {
    ids: Int32Array.from([1, 4, 2, 3, 1, 4, 0, 0, 0, 2, 3, 0, 0, 0]),
    batch: 2,
    length: 7,
    embedding: wave(5 * 3, 0.3),
    dim: 3,
    kernel: wave(2 * 3 * 5, 1.1),
    kernelSize: 2,
    filters: 5,
    bias: wave(5, 2.9),
    activation,
  };
}

async function check(activation: Activation): Promise<string | null> {
  if (tf.getBackend() !== 'webgpu') return 'tfjs is not on WebGPU';
  const c = smallCase(activation);
  const dy = Float32Array.from({ length: c.batch * c.filters }, (_, i) => (i % 3) - 0.75);
  const expected = convMaxForward(c);
  const grads = convMaxBackward(c, expected, dy);
  const inputs = [tf.tensor2d(c.embedding, [5, c.dim]), tf.tensor3d(c.kernel, [c.kernelSize, c.dim, c.filters]), tf.tensor1d(c.bias)] as const;
  const ids = tf.tensor2d(c.ids, [c.batch, c.length], 'int32');
  const weight = tf.tensor2d(dy, [c.batch, c.filters]);
  const f = (e: tf.Tensor, k: tf.Tensor, b: tf.Tensor) => convMaxPoolWgsl(ids, e as tf.Tensor2D, k as tf.Tensor3D, b as tf.Tensor1D, activation);
  const value = f(...inputs);
  const got = tf.grads((e: tf.Tensor, k: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(f(e, k, b), weight)))([...inputs]);
  try {
    const read = await Promise.all([value, ...got].map((t) => t.data() as Promise<Float32Array>));
    const want = [expected.value, grads.embedding, grads.kernel, grads.bias];
    const names = ['forward values', 'embedding gradient', 'kernel gradient', 'bias gradient'];
    const wrong = want.findIndex((w, i) => w.some((v, j) => !(Math.abs(v - read[i][j]) <= 1e-4)));
    return wrong < 0 ? null : `the WGSL kernels' ${names[wrong]} differed from the reference on this GPU`;
  } finally {
    tf.dispose([...inputs, ids, weight, value, ...got]);
  }
}
