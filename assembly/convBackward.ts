// The sparse backward of Conv1D + global max pooling for one sample: each filter's gradient goes
// to its winning window only (see src/worker/engine/engine.ts for the tie rule).
// Weights here are transposed to [filters][kernel][dim] so every update runs along dim.
import { madd } from './simd';

/**
 * g[f] is the gradient reaching filter f's pooled output (already times its tie count, zero
 * where the activation passes none); arg[f] its winning window. Adds g × window to dWeightsT
 * and g × weights to the embedding rows of the window (unless dEmbedding is 0), g to dBias.
 */
export function convMaxBackward(
  embedding: usize, dEmbedding: usize, dim: i32, tokens: usize,
  weightsT: usize, dWeightsT: usize, dBias: usize, kernel: i32, filters: i32,
  g: usize, arg: usize,
): void {
  const rowBytes = <usize>dim << 2;
  const vEnd = <usize>(dim & ~3) << 2;
  const filterBytes = <usize>kernel * rowBytes;
  for (let f = 0; f < filters; f++) {
    const gf = load<f32>(g + (<usize>f << 2));
    if (gf == 0) continue;
    store<f32>(dBias + (<usize>f << 2), load<f32>(dBias + (<usize>f << 2)) + gf);
    const G = f32x4.splat(gf);
    const t0 = load<i32>(arg + (<usize>f << 2));
    for (let j = 0; j < kernel; j++) {
      const row = <usize>load<i32>(tokens + (<usize>(t0 + j) << 2)) * rowBytes;
      const e = embedding + row;
      const w = weightsT + <usize>f * filterBytes + <usize>j * rowBytes;
      const dw = dWeightsT + <usize>f * filterBytes + <usize>j * rowBytes;
      for (let d: usize = 0; d < vEnd; d += 16) v128.store(dw + d, madd(G, v128.load(e + d), v128.load(dw + d)));
      for (let d = vEnd; d < rowBytes; d += 4) store<f32>(dw + d, load<f32>(dw + d) + gf * load<f32>(e + d));
      if (dEmbedding) {
        const de = dEmbedding + row;
        for (let d: usize = 0; d < vEnd; d += 16) v128.store(de + d, madd(G, v128.load(w + d), v128.load(de + d)));
        for (let d = vEnd; d < rowBytes; d += 4) store<f32>(de + d, load<f32>(de + d) + gf * load<f32>(w + d));
      }
    }
  }
}

/** out[c][r] = in[r][c] for the first `cols` of `inStride` columns: rows × cols f32. */
export function transpose(input: usize, rows: i32, cols: i32, inStride: i32, out: usize, outStride: i32): void {
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      store<f32>(out + ((<usize>c * outStride + r) << 2), load<f32>(input + ((<usize>r * inStride + c) << 2)));
    }
  }
}
