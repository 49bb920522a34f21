import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import type { Activation } from '../../../../core/model/modelSpec';

/**
 * Forward WGSL kernel: Conv1D ('valid', stride 1) read straight from the embedding rows (no
 * im2col), + bias, running max, first argmax and tie count per (text, filter), then the
 * activation of the max, in one pass. The same contract as the engine's convMax (assembly/convMax.ts).
 *
 * Inputs (tfjs tensors, row-major):
 *   ids     i32 [B, L]        token ids of the batch
 *   emb     f32 [V, D]        the embedding matrix
 *   weights f32 [k, D, F]     the Conv1D kernel as tfjs stores it (filters fastest)
 *   bias    f32 [F]
 * Output f32 [3, B, F]: plane 0 the pooled value act(max), plane 1 the first window reaching the
 * max (as f32: exact below 2^24), plane 2 the number of windows reaching it.
 *
 * Tiling: one workgroup per (text b, tile of FT filters); its FT × S threads split the windows:
 * thread (x, s) takes filter tile·FT + x and the blocks of 4 windows starting at 4s, 4(s + S), … Threads of one row s read
 * the same embedding values (a broadcast) and neighbouring filters' weights (coalesced: filters are
 * the fastest axis). The S partial results are folded in workgroup memory.
 *
 * Tie rule (as the engine): the max is taken over the pre-activation sums (bias added last, as
 * tfjs does); a strictly larger window restarts the count at 1 and becomes the argmax, an equal
 * one adds 1. Identical windows (padding, repeated n-grams) are summed in the same order, so they
 * tie bit for bit. Folding the S partials in order s = 0…S−1 keeps the first argmax: on equal
 * maxima the smaller window index wins and the counts add; a partial that saw no window is skipped.
 */
export const FILTER_TILE = 32;
export const WINDOW_SPLIT = 8;

/** WGSL of an activation applied to `v`, for the four Conv1D activations the studio offers. */
export function activationWgsl(activation: Activation, v: string): string {
  switch (activation) {
    case 'relu':
      return `max(${v}, 0.0)`;
    case 'tanh':
      return `tanh(${v})`;
    case 'sigmoid':
      return `(1.0 / (1.0 + exp(-${v})))`;
    case 'linear':
      return v;
  }
}

export class ConvMaxProgram implements WebGPUProgram {
  variableNames = ['ids', 'emb', 'weights', 'bias'];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [FILTER_TILE, WINDOW_SPLIT, 1];
  private activation: Activation;

  constructor(batch: number, filters: number, activation: Activation) {
    this.outputShape = [3, batch, filters];
    this.activation = activation;
    this.dispatchLayout = { x: [0, 1, 2] };
    // x: filter tiles, y: texts. Both stay far below WebGPU's 65,535 workgroups per dimension.
    this.dispatch = [Math.ceil(filters / FILTER_TILE), batch, 1];
    this.shaderKey = `studioConvMax_${activation}`;
  }

  getUserCode(): string {
    const n = FILTER_TILE * WINDOW_SPLIT;
    return `
  var<workgroup> partMax : array<f32, ${n}>;
  var<workgroup> partArg : array<i32, ${n}>;
  var<workgroup> partTies : array<i32, ${n}>;

  // tfjs calls main with a flat index; this kernel places itself by workgroup and local ids.
  fn main(flatIndex : i32) {
    let L = uniforms.idsShape.y;
    let D = uniforms.embShape.y;
    let V = uniforms.embShape.x;
    let k = uniforms.weightsShape.x;
    let F = uniforms.weightsShape.z;
    let B = uniforms.idsShape.x;
    let x = i32(localId.x);
    let s = i32(localId.y);
    let f = i32(workgroupId.x) * ${FILTER_TILE} + x;
    let b = i32(workgroupId.y);
    let windows = L - k + 1;
    var best = -uniforms.INFINITY;
    var arg = 0;
    var ties = 0;
    if (f < F) {
      // Four neighbouring windows per pass share each weight load (register blocking); each
      // window's sum still runs over (j, d) in the same order, so identical windows tie exactly.
      for (var t0 = s * 4; t0 < windows; t0 = t0 + ${WINDOW_SPLIT * 4}) {
        var acc = vec4<f32>(0.0);
        for (var j = 0; j < k; j = j + 1) {
          let at = b * L + t0 + j;
          let r0 = clamp(ids[at], 0, V - 1) * D;
          let r1 = clamp(ids[min(at + 1, b * L + L - 1)], 0, V - 1) * D;
          let r2 = clamp(ids[min(at + 2, b * L + L - 1)], 0, V - 1) * D;
          let r3 = clamp(ids[min(at + 3, b * L + L - 1)], 0, V - 1) * D;
          let w0 = (j * D) * F + f;
          for (var d = 0; d < D; d = d + 1) {
            let w = weights[w0 + d * F];
            acc = acc + vec4<f32>(emb[r0 + d], emb[r1 + d], emb[r2 + d], emb[r3 + d]) * w;
          }
        }
        // In window order, so the first window of a tie keeps the argmax.
        for (var u = 0; u < 4; u = u + 1) {
          let t = t0 + u;
          if (t >= windows) { break; }
          let pre = acc[u] + bias[f];
          if (pre > best) {
            best = pre;
            arg = t;
            ties = 1;
          } else if (pre == best) {
            ties = ties + 1;
          }
        }
      }
    }
    let slot = s * ${FILTER_TILE} + x;
    partMax[slot] = best;
    partArg[slot] = arg;
    partTies[slot] = ties;
    workgroupBarrier();
    if (s == 0 && f < F) {
      var m = partMax[x];
      var a = partArg[x];
      var c = partTies[x];
      for (var r = 1; r < ${WINDOW_SPLIT}; r = r + 1) {
        let q = r * ${FILTER_TILE} + x;
        if (partTies[q] == 0) { continue; }
        if (c == 0 || partMax[q] > m) {
          m = partMax[q];
          a = partArg[q];
          c = partTies[q];
        } else if (partMax[q] == m) {
          a = min(a, partArg[q]);
          c = c + partTies[q];
        }
      }
      let at = b * F + f;
      let plane = B * F;
      result[at] = ${activationWgsl(this.activation, 'm')};
      result[plane + at] = f32(a);
      result[2 * plane + at] = f32(c);
    }
  }
`;
  }
}
