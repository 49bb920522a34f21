import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * UnsortedSegmentSum for the WASM backend, which tfjs 4.22 lacks (it is the Embedding layer's
 * gradient): out[segmentIds[i]] += x[i] row by row, O(rows × width) straight on the WASM heap.
 * Rows whose segment is outside [0, numSegments) are skipped, as tfjs' reference kernel does.
 */
export const wasmUnsortedSegmentSum: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
  const { numSegments } = attrs as unknown as { numSegments: number };
  const wasm = backend as unknown as BackendWasm;
  const outShape = [numSegments, ...x.shape.slice(segmentIds.shape.length)];
  // Allocate first: a malloc can grow the heap, which detaches views taken before it.
  const out = wasm.makeOutput(outShape, x.dtype);
  const result = wasm.typedArrayFromHeap(out);
  const values = wasm.typedArrayFromHeap(x);
  const ids = wasm.typedArrayFromHeap(segmentIds);
  result.fill(0);
  const rows = ids.length;
  const width = rows === 0 ? 0 : values.length / rows;
  for (let i = 0; i < rows; i++) {
    const s = ids[i];
    if (s < 0 || s >= numSegments) continue;
    const from = i * width;
    const to = s * width;
    for (let j = 0; j < width; j++) result[to + j] += values[from + j];
  }
  return out;
};
