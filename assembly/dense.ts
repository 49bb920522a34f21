// The engine's dense layers on row-major batches: x (rows × inputs) · kernel (inputs × units) +
// bias, and its backward. Vectorised over units, scalar tails for widths not a multiple of 4.
import { hsum, madd } from './simd';

export function denseForward(x: usize, rows: i32, inputs: i32, kernel: usize, bias: usize, units: i32, out: usize): void {
  const rowBytes = <usize>units << 2;
  const vEnd = <usize>(units & ~3) << 2;
  for (let i = 0; i < rows; i++) {
    const o = out + <usize>i * rowBytes;
    memory.copy(o, bias, rowBytes);
    for (let k = 0; k < inputs; k++) {
      const xv = load<f32>(x + ((<usize>i * inputs + k) << 2));
      if (xv == 0) continue; // ReLU and dropout leave many zeros
      const w = kernel + <usize>k * rowBytes;
      const X = f32x4.splat(xv);
      for (let u: usize = 0; u < vEnd; u += 16) v128.store(o + u, madd(X, v128.load(w + u), v128.load(o + u)));
      for (let u = vEnd; u < rowBytes; u += 4) store<f32>(o + u, load<f32>(o + u) + xv * load<f32>(w + u));
    }
  }
}

/** Adds the kernel and bias gradients; writes the input gradient to dx unless dx is 0. */
export function denseBackward(
  x: usize, rows: i32, inputs: i32, kernel: usize, units: i32,
  dz: usize, dKernel: usize, dBias: usize, dx: usize,
): void {
  const rowBytes = <usize>units << 2;
  const vEnd = <usize>(units & ~3) << 2;
  for (let i = 0; i < rows; i++) {
    const z = dz + <usize>i * rowBytes;
    for (let u: usize = 0; u < vEnd; u += 16) v128.store(dBias + u, f32x4.add(v128.load(dBias + u), v128.load(z + u)));
    for (let u = vEnd; u < rowBytes; u += 4) store<f32>(dBias + u, load<f32>(dBias + u) + load<f32>(z + u));
    for (let k = 0; k < inputs; k++) {
      const xv = load<f32>(x + ((<usize>i * inputs + k) << 2));
      const w = kernel + <usize>k * rowBytes;
      const dw = dKernel + <usize>k * rowBytes;
      if (xv != 0) {
        const X = f32x4.splat(xv);
        for (let u: usize = 0; u < vEnd; u += 16) v128.store(dw + u, madd(X, v128.load(z + u), v128.load(dw + u)));
        for (let u = vEnd; u < rowBytes; u += 4) store<f32>(dw + u, load<f32>(dw + u) + xv * load<f32>(z + u));
      }
      if (dx) {
        let acc = f32x4.splat(0);
        for (let u: usize = 0; u < vEnd; u += 16) acc = madd(v128.load(z + u), v128.load(w + u), acc);
        let s = hsum(acc);
        for (let u = vEnd; u < rowBytes; u += 4) s += load<f32>(z + u) * load<f32>(w + u);
        store<f32>(dx + ((<usize>i * inputs + k) << 2), s);
      }
    }
  }
}
