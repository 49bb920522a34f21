/**
 * A plain reference of Conv1D ('valid', stride 1) + activation + global max pooling with the
 * engine's sparse backward and tie rule, in loops anyone can check by hand. The worker compares
 * its fused WGSL kernels with it on a small case before a run trusts them on this GPU
 * (src/worker/train/fused/wgsl/wgslReady.ts).
 *
 * Layouts (row-major): ids [B, L]; embedding [V, D]; kernel [k, D, F] (tfjs' Conv1D layout);
 * bias [F]; pooled and its gradient [B, F].
 *
 * Tie rule: the max is over the pre-activation sums; the first window reaching it is the argmax
 * and receives the gradient times the number of windows reaching it.
 */
import type { Activation } from '../model/modelSpec';

export interface ConvMaxCase {
  ids: Int32Array;
  batch: number;
  length: number;
  embedding: Float32Array;
  dim: number;
  kernel: Float32Array;
  kernelSize: number;
  filters: number;
  bias: Float32Array;
  activation: Activation;
}

export interface ConvMaxForward {
  /** act(max): [B, F]. */
  value: Float32Array;
  /** First window reaching the max: [B, F]. */
  arg: Int32Array;
  /** Windows reaching it: [B, F]. */
  ties: Int32Array;
}

export interface ConvMaxGradients {
  embedding: Float32Array;
  kernel: Float32Array;
  bias: Float32Array;
}

function activate(v: number, activation: Activation): number {
  switch (activation) {
    case 'relu':
      return Math.max(v, 0);
    case 'tanh':
      return Math.tanh(v);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-v));
    case 'linear':
      return v;
  }
}

/** act′ from the activation's output y (tfjs' rules: ReLU passes where y > 0). */
function slope(y: number, activation: Activation): number {
  switch (activation) {
    case 'relu':
      return y > 0 ? 1 : 0;
    case 'tanh':
      return 1 - y * y;
    case 'sigmoid':
      return y * (1 - y);
    case 'linear':
      return 1;
  }
}

export function convMaxForward(c: ConvMaxCase): ConvMaxForward {
  const { batch: B, length: L, dim: D, kernelSize: k, filters: F } = c;
  const value = new Float32Array(B * F);
  const arg = new Int32Array(B * F);
  const ties = new Int32Array(B * F);
  for (let b = 0; b < B; b++) {
    for (let f = 0; f < F; f++) {
      let best = -Infinity;
      for (let t = 0; t + k <= L; t++) {
        let sum = 0;
        for (let j = 0; j < k; j++) {
          const row = c.ids[b * L + t + j];
          for (let d = 0; d < D; d++) sum += c.embedding[row * D + d] * c.kernel[(j * D + d) * F + f];
        }
        const pre = Math.fround(sum + c.bias[f]);
        if (pre > best) [best, arg[b * F + f], ties[b * F + f]] = [pre, t, 1];
        else if (pre === best) ties[b * F + f]++;
      }
      value[b * F + f] = activate(best, c.activation);
    }
  }
  return { value, arg, ties };
}

/** Gradients of Σ dy · pooled: through each pair's first winning window, times its ties. */
export function convMaxBackward(c: ConvMaxCase, forward: ConvMaxForward, dy: Float32Array): ConvMaxGradients {
  const { batch: B, length: L, dim: D, kernelSize: k, filters: F } = c;
  const embedding = new Float32Array(c.embedding.length);
  const kernel = new Float32Array(c.kernel.length);
  const bias = new Float32Array(F);
  for (let b = 0; b < B; b++) {
    for (let f = 0; f < F; f++) {
      const at = b * F + f;
      const g = dy[at] * forward.ties[at] * slope(forward.value[at], c.activation);
      if (g === 0) continue;
      bias[f] += g;
      for (let j = 0; j < k; j++) {
        const row = c.ids[b * L + forward.arg[at] + j];
        for (let d = 0; d < D; d++) {
          kernel[(j * D + d) * F + f] += g * c.embedding[row * D + d];
          embedding[row * D + d] += g * c.kernel[(j * D + d) * F + f];
        }
      }
    }
  }
  return { embedding, kernel, bias };
}
