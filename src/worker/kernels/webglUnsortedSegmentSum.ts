import * as tf from '@tensorflow/tfjs';
import { scatterAddRows } from '../../core/scatterAdd';

/** The slice of tfjs' WebGL backend this kernel uses: a synchronous read and tensor creation. */
interface WebglBackend {
  readSync(dataId: object): tf.TypedArray;
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: tf.TypedArray): tf.TensorInfo;
}

/**
 * Replaces tfjs' WebGL UnsortedSegmentSum, a shader that loops over every token for every
 * output row (O(vocabulary × tokens): about 8.5 s per batch of the reference model), with a
 * scatter-add on the CPU: the gradient rows (tokens × dim) are read back, added into their
 * segments in O(tokens × dim), and the result uploaded. WebGL2 has no scatter or atomics, so
 * reading back the rows beats any shader formulation at these sizes.
 */
export function registerWebglUnsortedSegmentSum(): void {
  const kernelFunc: tf.KernelFunc = ({ inputs, backend, attrs }) => {
    const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
    const { numSegments } = attrs as unknown as { numSegments: number };
    const webgl = backend as unknown as WebglBackend;
    const values = webgl.readSync(x.dataId);
    const ids = webgl.readSync(segmentIds.dataId);
    const rows = ids.length;
    const width = rows === 0 ? 0 : values.length / rows;
    const out = scatterAddRows(values instanceof Float32Array ? values : Float32Array.from(values), width, ids, numSegments);
    return webgl.makeTensorInfo([numSegments, ...x.shape.slice(segmentIds.shape.length)], 'float32', out);
  };
  if (tf.getKernel('UnsortedSegmentSum', 'webgl')) tf.unregisterKernel('UnsortedSegmentSum', 'webgl');
  tf.registerKernel({ kernelName: 'UnsortedSegmentSum', backendName: 'webgl', kernelFunc });
}
