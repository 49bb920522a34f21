/**
 * Where bulk scoring runs. On WebGPU with a software adapter (SwiftShader, headless Chromium,
 * machines without a GPU) the Keras text CNN's forward pass cost about 90 ms per text, so
 * comparing weight formats on 591 texts took 163 s; tfjs' WASM backend (XNNPACK) runs the same
 * convolutions on the CPU far faster. The switch is global in tfjs, so while it lasts
 * everything else that runs the active model waits (`session.exclusive`): a tensor used on
 * the other backend would be moved there, and synchronous reads from WebGPU in a worker
 * returned zeros.
 */
import * as tf from '@tensorflow/tfjs';
import { hardwareWebGpuFound } from '../backends/backend';
import { session } from '../session';

/** Runs `work` (which must build its own model) on the WASM backend when the model sits on software WebGPU; else where it is. */
export async function onFastCpuBackend<T>(work: () => Promise<T>): Promise<T> {
  const original = tf.getBackend();
  // A training run or a series of trials (cross-validation, search) is on this backend: it stays.
  if (original !== 'webgpu' || hardwareWebGpuFound() === true || session.run || session.experiment) return work();
  const done = (async () => {
    let switched: boolean;
    try {
      switched = (await (await import('../backends/wasmBackend')).setWasmBackend()) && tf.getBackend() === 'wasm';
    } catch {
      switched = false;
    }
    try {
      if (!switched && tf.getBackend() !== original) await tf.setBackend(original);
      return await work();
    } finally {
      if (tf.getBackend() !== original) await tf.setBackend(original);
    }
  })();
  const gate = done.catch(() => undefined);
  session.exclusive = gate;
  // A run started meanwhile waits for it too (readyToTrain awaits session.evaluating).
  const before = session.evaluating;
  session.evaluating = Promise.all([before, gate]);
  try {
    return await done;
  } finally {
    if (session.exclusive === gate) session.exclusive = null;
  }
}

/** Waits while bulk scoring holds tfjs on another backend (see onFastCpuBackend). */
export async function untilExclusiveEnds(): Promise<void> {
  while (session.exclusive) await session.exclusive;
}
