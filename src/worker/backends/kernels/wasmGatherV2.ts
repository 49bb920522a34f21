import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * GatherV2 for the WASM backend: whole slices copied in JS straight on the heap, where tfjs 4.22's
 * kernel copies the indices out of the heap and then walks every element through generic strides
 * (about 20 ms for the Keras text CNN's embedding lookup of 16,000 rows of 16). Batched gathers
 * (batchDims ≠ 0, which the studio does not use) go to the original kernel.
 */
export function makeWasmGatherV2(original: tf.KernelFunc | null): tf.KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args;
    const { x, indices } = inputs as { x: tf.TensorInfo; indices: tf.TensorInfo };
    const { axis, batchDims } = attrs as unknown as { axis: number; batchDims: number };
    if ((batchDims !== 0 || x.dtype === 'string') && original) return original(args);
    const wasm = backend as unknown as BackendWasm;
    const parsedAxis = tf.util.parseAxisParam(axis, x.shape)[0];
    const dim = x.shape[parsedAxis];
    const ids = wasm.typedArrayFromHeap(indices);
    for (let i = 0; i < ids.length; i++) {
      // The message tfjs' own kernels give.
      if (!(ids[i] >= 0 && ids[i] < dim)) throw new Error(`GatherV2: the index value ${ids[i]} is not in [0, ${dim - 1}]`);
    }
    const outer = tf.util.sizeFromShape(x.shape.slice(0, parsedAxis));
    const slice = tf.util.sizeFromShape(x.shape.slice(parsedAxis + 1));
    const out = wasm.makeOutput([...x.shape.slice(0, parsedAxis), ...indices.shape, ...x.shape.slice(parsedAxis + 1)], x.dtype);
    // Views after the allocation: it may have grown (and so detached) the heap.
    const from = wasm.typedArrayFromHeap(x);
    const to = wasm.typedArrayFromHeap(out);
    const index = wasm.typedArrayFromHeap(indices);
    let o = 0;
    for (let b = 0; b < outer; b++) {
      const base = b * dim * slice;
      for (let i = 0; i < index.length; i++) {
        const start = base + index[i] * slice;
        for (let j = 0; j < slice; j++) to[o++] = from[start + j];
      }
    }
    return out;
  };
}
