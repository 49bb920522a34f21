import type { EnginePlan } from '../../../core/train/enginePlan';
import type { F32 } from './arena';
import { activationBackward } from './activations';
import type { DenseState, EngineState } from './engineState';
import type { EngineKernels } from './kernelModule';

/**
 * Backward through the head from dLogits to the first layer's dIn (the pooled gradient), for n
 * samples of the last training forward pass; returns the L1/L2 penalties when `penalties`.
 */
export function headBackward(k: EngineKernels, s: EngineState, n: number, penalties: boolean): number {
  let penalty = 0;
  const last = s.head.length - 1;
  for (let li = last; li >= 0; li--) {
    const h = s.head[li];
    // The gradient with respect to this layer's output: the next layer's input gradient.
    const dOut = li === last ? s.dLogits : s.head[li + 1].dIn;
    if (h.kind === 'dropout') {
      const [dIn, dy, mask] = [h.dIn.a, dOut.a, h.mask.a];
      if (h.rate === 0) dIn.set(dy.subarray(0, n * h.width));
      else for (let j = 0; j < n * h.width; j++) dIn[j] = dy[j] * mask[j];
      continue;
    }
    if (h.activation !== 'softmax') activationBackward(dOut.a, h.out.a, n * h.units, h.activation);
    h.kernel.grad.a.fill(0);
    h.bias.grad.a.fill(0);
    k.denseBackward(inputOf(s, li).ptr, n, h.inputs, h.kernel.value.ptr, h.units, dOut.ptr, h.kernel.grad.ptr, h.bias.grad.ptr, h.dIn.ptr);
    if (penalties && (h.l1 || h.l2)) penalty += penalize(h);
  }
  return penalty;
}

/** The input a head layer saw in the last training forward pass (inactive dropout passes its input on). */
function inputOf(s: EngineState, li: number): F32 {
  for (let j = li - 1; j >= 0; j--) {
    const prev = s.head[j];
    if (prev.kind === 'dense' || prev.rate > 0) return prev.out;
  }
  return s.pooled;
}

/** Adds L1/L2 gradients to a dense kernel; returns the penalty (as tfjs' l1l2 regularizer). */
function penalize(h: DenseState): number {
  const w = h.kernel.value.a;
  const g = h.kernel.grad.a;
  let l1 = 0;
  let l2 = 0;
  for (let j = 0; j < w.length; j++) {
    l1 += Math.abs(w[j]);
    l2 += w[j] * w[j];
    // tfjs' Abs gradient is step(x, −1): +1 above zero, −1 otherwise.
    g[j] += (h.l1 ? h.l1 * (w[j] > 0 ? 1 : -1) : 0) + 2 * h.l2 * w[j];
  }
  return h.l1 * l1 + h.l2 * l2;
}

/** The sparse backward of convolution + global max pooling: winning windows only. */
export function convBackward(k: EngineKernels, s: EngineState, plan: EnginePlan, n: number): void {
  const { embeddingDim: D, sequenceLength: L } = plan;
  const P = s.paddedWidth;
  const [max, ties, dPooled] = [s.max.a, s.ties.a, s.head[0].dIn.a];
  const dE = plan.embeddingTrainable ? s.embedding.grad : null;
  dE?.a.fill(0);
  for (const b of s.branches) {
    const rows = b.kernelSize * D;
    const Fp = b.paddedFilters;
    k.transpose(b.weights.value.ptr, rows, b.filters, Fp, b.weightsT.ptr, rows);
    b.gradT.a.fill(0);
    b.bias.grad.a.fill(0);
    const g = b.pooledGrad.a;
    for (let i = 0; i < n; i++) {
      for (let f = 0; f < b.filters; f++) {
        const at = i * P + b.paddedOffset + f;
        const dp = dPooled[i * s.pooledWidth + b.offset + f];
        g[i * Fp + f] = b.activation === 'relu' && !(max[at] > 0) ? 0 : dp * ties[at];
      }
    }
    for (let i = 0; i < n; i++) {
      const at = (i * P + b.paddedOffset) * 4;
      k.convMaxBackward(
        s.embedding.value.ptr, dE ? dE.ptr : 0, D, s.tokens.ptr + i * L * 4,
        b.weightsT.ptr, b.gradT.ptr, b.bias.grad.ptr, b.kernelSize, b.filters,
        b.pooledGrad.ptr + i * Fp * 4, s.arg.ptr + at,
      );
    }
    k.transpose(b.gradT.ptr, b.filters, rows, rows, b.weights.grad.ptr, Fp);
  }
}
