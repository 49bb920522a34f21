import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * out[i] = a[i] === b[i] with numpy broadcasting. The innermost axis is a plain loop with a
 * stride of 0 or 1 per input; the outer axes advance like an odometer.
 */
export function broadcastEqual(a: ArrayLike<number>, aShape: number[], b: ArrayLike<number>, bShape: number[], outShape: number[], out: Uint8Array): void {
  const rank = outShape.length;
  if (rank === 0) {
    out[0] = a[0] === b[0] ? 1 : 0;
    return;
  }
  // Element strides of each input along each output axis; 0 where the input is broadcast.
  const strides = (shape: number[]) => {
    const padded = [...Array<number>(rank - shape.length).fill(1), ...shape];
    const s = new Array<number>(rank).fill(0);
    let step = 1;
    for (let d = rank - 1; d >= 0; d--) {
      s[d] = padded[d] === 1 ? 0 : step;
      step *= padded[d];
    }
    return s;
  };
  const sa = strides(aShape);
  const sb = strides(bShape);
  const inner = outShape[rank - 1];
  const ia = sa[rank - 1];
  const ib = sb[rank - 1];
  const counter = new Array<number>(rank).fill(0);
  let pa = 0;
  let pb = 0;
  for (let o = 0; o < out.length; o += inner) {
    for (let j = 0, x = pa, y = pb; j < inner; j++, x += ia, y += ib) out[o + j] = a[x] === b[y] ? 1 : 0;
    for (let d = rank - 2; d >= 0; d--) {
      counter[d]++;
      pa += sa[d];
      pb += sb[d];
      if (counter[d] < outShape[d]) break;
      pa -= sa[d] * counter[d];
      pb -= sb[d] * counter[d];
      counter[d] = 0;
    }
  }
}

/**
 * Equal for the WASM backend: tfjs 4.22's broadcasts through a slow generic path (about 400 ms
 * for the [32, 496, 128] against [32, 1, 128] comparison in global max pooling's gradient);
 * this one takes about as long as a plain elementwise pass. Strings go to the original kernel.
 */
export function makeWasmEqual(original: tf.KernelFunc | null): tf.KernelFunc {
  return (args) => {
    const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    if ((a.dtype === 'string' || b.dtype === 'string') && original) return original(args);
    const wasm = args.backend as unknown as BackendWasm;
    const outShape = tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
    const out = wasm.makeOutput(outShape, 'bool');
    if (tf.util.sizeFromShape(outShape) === 0) return out;
    broadcastEqual(wasm.typedArrayFromHeap(a), a.shape, wasm.typedArrayFromHeap(b), b.shape, outShape, wasm.typedArrayFromHeap(out) as Uint8Array);
    return out;
  };
}
