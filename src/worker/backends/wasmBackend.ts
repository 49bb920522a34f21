import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { wasmConv2DBackpropFilter } from './kernels/wasmConv2DBackpropFilter';
import { makeWasmConv2DBackpropInput } from './kernels/wasmConv2DBackpropInput';
import { makeWasmEqual } from './kernels/wasmEqual';
import { makeWasmGatherV2 } from './kernels/wasmGatherV2';
import { wasmUnsortedSegmentSum } from './kernels/wasmUnsortedSegmentSum';

/**
 * The kernels training needs that tfjs-backend-wasm 4.22 lacks (Conv2DBackpropFilter,
 * UnsortedSegmentSum: without them no model with a convolution or a trainable embedding trains)
 * or has only in a slow form (Conv2DBackpropInput, GatherV2, broadcasting Equal). Each gets the
 * original kernel, if any, for the cases it leaves to it.
 */
const KERNELS: Record<string, (original: tf.KernelFunc | null) => tf.KernelFunc> = {
  Conv2DBackpropFilter: () => wasmConv2DBackpropFilter,
  Conv2DBackpropInput: makeWasmConv2DBackpropInput,
  Equal: makeWasmEqual,
  GatherV2: makeWasmGatherV2,
  UnsortedSegmentSum: () => wasmUnsortedSegmentSum,
};

let prepared = false;

/** True under Node (unit tests), where tfjs-backend-wasm reads its binaries from node_modules. */
function inNode(): boolean {
  return Boolean((globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node);
}

/**
 * Makes the tfjs WASM backend able to train: its .wasm binaries come from the app's own origin
 * (Vite emits them into the build; no CDN), and the kernels above are registered. Call before
 * `tf.setBackend('wasm')`; calling again does nothing.
 */
export function prepareWasmBackend(): void {
  if (prepared) return;
  prepared = true;
  if (!inNode()) {
    setWasmPaths({
      'tfjs-backend-wasm.wasm': plainWasm,
      'tfjs-backend-wasm-simd.wasm': simdWasm,
      'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdWasm,
    });
  }
  for (const [kernelName, make] of Object.entries(KERNELS)) {
    const original = tf.getKernel(kernelName, 'wasm');
    if (original) tf.unregisterKernel(kernelName, 'wasm');
    // The original's setup still runs when the backend starts: the fallback calls into it.
    tf.registerKernel({ ...original, kernelName, backendName: 'wasm', kernelFunc: make(original?.kernelFunc ?? null) });
  }
}

/**
 * prepareWasmBackend, then `tf.setBackend('wasm')`. On a cross-origin isolated page tfjs picks
 * its threaded build and sizes the threadpool at half of navigator.hardwareConcurrency (it
 * assumes two hyper-threads per core): one thread on a 2-core machine. Forcing one thread per
 * logical core there (the worker reporting twice the cores while the backend started) trained
 * Tiny and the Keras text CNN 0.58–0.65× as fast and scored no faster on the 2-core development
 * machine under load (docs/backends-and-speed.md), so tfjs' own choice stays.
 */
export async function setWasmBackend(): Promise<boolean> {
  prepareWasmBackend();
  return tf.setBackend('wasm');
}

/**
 * Which build of the started backend runs and on how many threads, for the status details.
 * Cross-origin isolated pages get the threaded SIMD build (XNNPACK's threadpool, half the
 * logical cores); others the single-threaded one.
 */
export function wasmThreadsNote(): string {
  const threads = getThreadsCount();
  if (threads > 1) return `XNNPACK on ${threads} threads`;
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  return isolated ? 'XNNPACK on 1 thread' : 'XNNPACK on 1 thread: this page is not cross-origin isolated, so the threaded build cannot run';
}
