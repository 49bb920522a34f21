import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { convInfoOf, type ConvAttrs, wasmMatMul } from './wasmConvShared';

/**
 * Writes im2col(x) transposed: one row per filter tap and input channel (filterHeight ×
 * filterWidth × inChannels, the filter's own layout), one column per output position (batch ×
 * outHeight × outWidth). Taps that fall in the padding are 0. Transposed because the WASM
 * backend's BatchMatMul is about 6× faster without transposeA (XNNPACK versus a plain loop).
 */
export function im2colTransposed(x: ArrayLike<number>, info: tf.backend_util.Conv2DInfo, cols: Float32Array): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  let at = 0;
  for (let fh = 0; fh < filterHeight; fh++) {
    for (let fw = 0; fw < filterWidth; fw++) {
      for (let ci = 0; ci < inChannels; ci++) {
        for (let n = 0; n < batchSize; n++) {
          for (let oh = 0; oh < outHeight; oh++) {
            const ih = oh * strideHeight + fh - top;
            if (ih < 0 || ih >= inHeight) {
              cols.fill(0, at, at + outWidth);
              at += outWidth;
              continue;
            }
            const rowBase = (n * inHeight + ih) * inWidth;
            for (let ow = 0; ow < outWidth; ow++, at++) {
              const iw = ow * strideWidth + fw - left;
              cols[at] = iw < 0 || iw >= inWidth ? 0 : x[(rowBase + iw) * inChannels + ci];
            }
          }
        }
      }
    }
  }
}

/**
 * Conv2DBackpropFilter for the WASM backend, which tfjs 4.22 lacks (the convolution kernels'
 * gradient): dW = im2col(x)ᵀ · dy, the product done by the backend's own (XNNPACK) BatchMatMul.
 * Channels-last only, dilation 1, as tfjs' conv2d gradient requires.
 */
export const wasmConv2DBackpropFilter: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const { filterShape } = attrs as unknown as ConvAttrs & { filterShape: [number, number, number, number] };
  const wasm = backend as unknown as BackendWasm;
  const info = convInfoOf('Conv2DBackpropFilter', x.shape, filterShape, attrs as unknown as ConvAttrs);
  const M = info.batchSize * info.outHeight * info.outWidth;
  const K = info.filterHeight * info.filterWidth * info.inChannels;
  const colsT = wasm.makeOutput([K, M], 'float32');
  im2colTransposed(wasm.typedArrayFromHeap(x), info, wasm.typedArrayFromHeap(colsT) as Float32Array);
  const out = wasmMatMul(wasm, colsT, { dataId: dy.dataId, shape: [M, info.outChannels], dtype: dy.dtype });
  wasm.disposeData(colsT.dataId);
  return { dataId: out.dataId, shape: [...filterShape], dtype: out.dtype };
};
