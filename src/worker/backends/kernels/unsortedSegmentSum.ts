import * as tf from '@tensorflow/tfjs';
import { scatterAddRows } from '../../../core/train/scatterAdd';

/** What a backend must offer the kernel: its tensors' values on the CPU, and tensor creation. */
interface Backend {
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: tf.TypedArray): tf.TensorInfo;
}

/**
 * Registers UnsortedSegmentSum (the Embedding gradient) on a backend as a scatter-add over its
 * values read on the CPU, O(tokens × dim). Float32 data of any rank; ids index the first axis.
 */
function registerScatterAdd(backendName: string, read: (backend: Backend, dataId: object) => tf.TypedArray): void {
  const kernelFunc: tf.KernelFunc = ({ inputs, backend, attrs }) => {
    const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
    const { numSegments } = attrs as unknown as { numSegments: number };
    const b = backend as unknown as Backend;
    const values = read(b, x.dataId);
    const ids = read(b, segmentIds.dataId);
    const width = ids.length === 0 ? 0 : values.length / ids.length;
    const out = scatterAddRows(values, width, ids, numSegments);
    return b.makeTensorInfo([numSegments, ...x.shape.slice(segmentIds.shape.length)], 'float32', out);
  };
  if (tf.getKernel('UnsortedSegmentSum', backendName)) tf.unregisterKernel('UnsortedSegmentSum', backendName);
  tf.registerKernel({ kernelName: 'UnsortedSegmentSum', backendName, kernelFunc });
}

/** Replaces tfjs' CPU kernel, O(vocabulary × tokens), out of memory at vocabulary 10,000. */
export function registerCpuUnsortedSegmentSum(): void {
  registerScatterAdd('cpu', (backend, dataId) => (backend as unknown as { data: { get(id: object): { values: tf.TypedArray } } }).data.get(dataId).values);
}

/**
 * Replaces tfjs' WebGL shader, which loops over every token for every output row (O(vocabulary
 * × tokens): about 8.5 s per batch of the reference model). The rows are read back and added on
 * the CPU: WebGL2 has no scatter or atomics, and reading back beats any shader at these sizes.
 */
export function registerWebglUnsortedSegmentSum(): void {
  registerScatterAdd('webgl', (backend, dataId) => (backend as unknown as { readSync(id: object): tf.TypedArray }).readSync(dataId));
}
