import * as tf from '@tensorflow/tfjs';
import { scatterAddRows } from '../../core/scatterAdd';

/** The slice of tfjs' CPU backend a kernel uses: typed-array storage and tensor creation. */
interface CpuBackend {
  data: { get(dataId: object): { values: tf.TypedArray } };
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: tf.TypedArray): tf.TensorInfo;
}

/**
 * Replaces tfjs' CPU UnsortedSegmentSum (O(vocabulary × tokens), out of memory at vocabulary
 * 10,000) with a direct scatter-add. Float32 data of any rank; segment ids index the first axis.
 */
export function registerCpuUnsortedSegmentSum(): void {
  const kernelFunc: tf.KernelFunc = ({ inputs, backend, attrs }) => {
    const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
    const { numSegments } = attrs as unknown as { numSegments: number };
    const cpu = backend as unknown as CpuBackend;
    const values = cpu.data.get(x.dataId).values as Float32Array;
    const ids = cpu.data.get(segmentIds.dataId).values;
    const rows = ids.length;
    const width = rows === 0 ? 0 : values.length / rows;
    const out = scatterAddRows(values instanceof Float32Array ? values : Float32Array.from(values), width, ids, numSegments);
    return cpu.makeTensorInfo([numSegments, ...x.shape.slice(segmentIds.shape.length)], 'float32', out);
  };
  if (tf.getKernel('UnsortedSegmentSum', 'cpu')) tf.unregisterKernel('UnsortedSegmentSum', 'cpu');
  tf.registerKernel({ kernelName: 'UnsortedSegmentSum', backendName: 'cpu', kernelFunc });
}
