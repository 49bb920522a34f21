import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { convInfoOf, type ConvAttrs, wasmMatMul } from './wasmConvShared';

/**
 * Adds every column of the im2col gradient back to the input position it was read from:
 * dx[n, ih, iw, ci] += dCols[position, tap]. The inverse of im2col, O(positions × taps).
 */
export function col2imAdd(dCols: ArrayLike<number>, info: tf.backend_util.Conv2DInfo, dx: Float32Array): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const tapWidth = filterWidth * inChannels;
  const K = filterHeight * tapWidth;
  dx.fill(0);
  let row = 0;
  for (let n = 0; n < batchSize; n++) {
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++, row++) {
        const iw0 = ow * strideWidth - left;
        // Taps inside the input: one contiguous run of dx and of the gradient's row (channels last).
        const fwMin = Math.max(0, -iw0);
        const fwMax = Math.min(filterWidth, inWidth - iw0);
        if (fwMax <= fwMin) continue;
        const count = (fwMax - fwMin) * inChannels;
        for (let fh = 0; fh < filterHeight; fh++) {
          const ih = oh * strideHeight + fh - top;
          if (ih < 0 || ih >= inHeight) continue;
          const from = row * K + fh * tapWidth + fwMin * inChannels;
          const to = ((n * inHeight + ih) * inWidth + iw0 + fwMin) * inChannels;
          for (let j = 0; j < count; j++) dx[to + j] += dCols[from + j];
        }
      }
    }
  }
}

/**
 * Conv2DBackpropInput for the WASM backend, replacing tfjs 4.22's (a direct loop, about 4–6×
 * slower here): dCols = dy · Wᵀ by the backend's XNNPACK BatchMatMul, then col2im. Channels
 * first (NCHW, which the studio does not use) goes to the original kernel.
 */
export function makeWasmConv2DBackpropInput(original: tf.KernelFunc | null): tf.KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args;
    const convAttrs = attrs as unknown as ConvAttrs & { inputShape: [number, number, number, number] };
    if (convAttrs.dataFormat === 'NCHW' && original) return original(args);
    const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
    const wasm = backend as unknown as BackendWasm;
    const info = convInfoOf('Conv2DBackpropInput', convAttrs.inputShape, filter.shape, convAttrs);
    const M = info.batchSize * info.outHeight * info.outWidth;
    const K = info.filterHeight * info.filterWidth * info.inChannels;
    const C = info.outChannels;
    const dx = wasm.makeOutput([...convAttrs.inputShape], 'float32');
    const filterT = wasm.makeOutput([C, K], 'float32');
    const w = wasm.typedArrayFromHeap(filter);
    const wT = wasm.typedArrayFromHeap(filterT);
    for (let k = 0; k < K; k++) for (let c = 0; c < C; c++) wT[c * K + k] = w[k * C + c];
    const dCols = wasmMatMul(wasm, { dataId: dy.dataId, shape: [M, C], dtype: dy.dtype }, filterT);
    // Views after the product: its allocation may have grown (and so detached) the heap.
    col2imAdd(wasm.typedArrayFromHeap(dCols), info, wasm.typedArrayFromHeap(dx) as Float32Array);
    wasm.disposeData(filterT.dataId);
    wasm.disposeData(dCols.dataId);
    return dx;
  };
}
