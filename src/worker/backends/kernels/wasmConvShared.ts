import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** The attributes tfjs passes to both convolution gradient kernels. */
export interface ConvAttrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** The convolution's geometry; channels-last only, dilation 1 (tfjs' conv2d gradient allows no other). */
export function convInfoOf(kernel: string, xShape: number[], filterShape: number[], attrs: ConvAttrs): tf.backend_util.Conv2DInfo {
  if (attrs.dataFormat === 'NCHW') {
    throw new Error(`${kernel} on the WASM backend supports channels-last (NHWC) data only: choose another backend for NCHW convolutions.`);
  }
  return tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    'channelsLast',
  );
}

/**
 * a [rows × inner] · b [inner × cols] through the WASM backend's own BatchMatMul kernel (XNNPACK,
 * SIMD). No transposes: its transposed paths are a plain loop, about 6× slower. Returns a new
 * [rows × cols] tensor on the heap that the caller owns.
 */
export function wasmMatMul(wasm: BackendWasm, a: tf.TensorInfo, b: tf.TensorInfo): tf.TensorInfo {
  const batchMatMul = tf.getKernel('BatchMatMul', 'wasm')!.kernelFunc;
  const a3d: tf.TensorInfo = { dataId: a.dataId, shape: [1, ...a.shape], dtype: a.dtype };
  const b3d: tf.TensorInfo = { dataId: b.dataId, shape: [1, ...b.shape], dtype: b.dtype };
  const out = batchMatMul({ inputs: { a: a3d, b: b3d }, backend: wasm, attrs: { transposeA: false, transposeB: false } }) as tf.TensorInfo;
  return { dataId: out.dataId, shape: [a.shape[0], b.shape[1]], dtype: out.dtype };
}
