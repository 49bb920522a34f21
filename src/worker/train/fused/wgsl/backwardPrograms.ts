import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';

/**
 * Backward WGSL kernels of the fused convolution + global max pooling. Through global max
 * pooling each (text b, filter f) pair passes gradient through one window only: its first
 * argmax a = packed[1, b, f] (see convMaxProgram.ts), with the coefficient
 *   g[b, f] = dy[b, f] · ties[b, f] · act′(value[b, f])
 * (computed with tfjs ops beside these kernels). Multiplying by the tie count is the engine's tie
 * rule: tfjs gives every tied window the full gradient, and tied windows hold the same tokens,
 * so for the kernel, the bias and the embedding rows the sums are equal.
 *
 * Shared inputs: ids i32 [B, L], g f32 [B, F], packed f32 [3, B, F].
 */

/**
 * The filter gradient from the winning windows only: dW[j, d, f] = Σ_b g[b, f] · emb[ids[b, a + j], d].
 * One thread per weight (output [k, D, F], filters fastest), summing over the batch in order:
 * deterministic, no atomics. Pairs with g = 0 (ReLU gave nothing) are skipped.
 */
export class FilterGradProgram implements WebGPUProgram {
  variableNames = ['ids', 'emb', 'g', 'packed'];
  outputShape: number[];
  shaderKey = 'studioConvMaxFilterGrad';
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [64, 1, 1];
  size = true;

  constructor(kernelShape: [number, number, number]) {
    this.outputShape = kernelShape;
    this.dispatchLayout = { x: [0, 1, 2] };
    this.dispatch = [Math.ceil(kernelShape[0] * kernelShape[1] * kernelShape[2] / 64), 1, 1];
  }

  getUserCode(): string {
    return `
  fn main(index : i32) {
    if (index >= uniforms.size) { return; }
    let B = uniforms.idsShape.x;
    let L = uniforms.idsShape.y;
    let V = uniforms.embShape.x;
    let D = uniforms.embShape.y;
    let F = uniforms.outShape.z;
    let f = index % F;
    let d = (index / F) % D;
    let j = index / (F * D);
    var acc = 0.0;
    for (var b = 0; b < B; b = b + 1) {
      let gv = g[b * F + f];
      if (gv != 0.0) {
        let a = i32(packed[B * F + b * F + f]);
        let row = clamp(ids[b * L + a + j], 0, V - 1);
        acc = acc + gv * emb[row * D + d];
      }
    }
    setOutputAtIndex(index, acc);
  }
`;
  }
}

/**
 * The embedding gradient as a scatter into the touched rows only:
 *   dEmb[ids[b, a + j], d] += g[b, f] · W[j, d, f]   for every pair (b, f), j < k, d < D.
 * One thread per (b, f, j, d). Several windows can touch one row (the padding row above all), so
 * each add is an atomic compare-and-swap loop on the f32's bit pattern (WGSL has no float
 * atomics); the output starts as zeros. The order of the adds is not fixed: results agree with a
 * sequential sum to float rounding (about 1e-7 relative), not bit for bit.
 */
export class EmbeddingGradProgram implements WebGPUProgram {
  variableNames = ['ids', 'weights', 'g', 'packed'];
  outputShape: number[];
  shaderKey = 'studioConvMaxEmbeddingGrad';
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [64, 1, 1];
  atomic = true;
  uniforms = 'threads : i32,';
  /** Threads launched: B · F · k · D. */
  readonly threads: number;

  constructor(vocab: number, dim: number, batch: number, kernelShape: [number, number, number]) {
    this.outputShape = [vocab, dim];
    this.threads = batch * kernelShape[2] * kernelShape[0] * dim;
    this.dispatchLayout = { x: [0, 1] };
    // Dispatched over the threads, not the output; tfjs spreads a count above 65,535 workgroups
    // over y and z, and getGlobalIndex() folds them back.
    this.dispatch = [Math.ceil(this.threads / 64), 1, 1];
  }

  getUserCode(): string {
    return `
  fn main(index : i32) {
    if (index >= uniforms.threads) { return; }
    let B = uniforms.idsShape.x;
    let L = uniforms.idsShape.y;
    let k = uniforms.weightsShape.x;
    let D = uniforms.weightsShape.y;
    let F = uniforms.weightsShape.z;
    let V = uniforms.outShape.x;
    let d = index % D;
    let j = (index / D) % k;
    let pair = index / (D * k);
    let f = pair % F;
    let b = pair / F;
    let gv = g[pair];
    if (gv == 0.0) { return; }
    let a = i32(packed[B * F + pair]);
    let row = clamp(ids[b * L + a + j], 0, V - 1);
    let add = gv * weights[(j * D + d) * F + f];
    let at = row * D + d;
    var old = atomicLoad(&result[at]);
    loop {
      let swapped = atomicCompareExchangeWeak(&result[at], old, bitcast<i32>(bitcast<f32>(old) + add));
      if (swapped.exchanged) { break; }
      old = swapped.old_value;
    }
  }
`;
  }
}
