import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { scatterAddRows } from '../../../core/train/scatterAdd';

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
  const width = ids.length === 0 ? 0 : values.length / ids.length;
  scatterAddRows(values, width, ids, numSegments, result as Float32Array);
  return out;
};
