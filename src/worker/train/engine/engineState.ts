import type { EngineBranch, EngineHeadLayer, EnginePlan } from '../../../core/train/enginePlan';
import type { Arena, F32, I32 } from './arena';
import type { Slot } from './optimizer';

/** A convolution branch with its weights and the buffers of its forward and backward pass. */
export interface BranchState extends EngineBranch {
  /** Offset of this branch's filters in the pooled vector. */
  offset: number;
  /** Offset of its padded filters in the per-sample kernel outputs. */
  paddedOffset: number;
  weights: Slot;
  bias: Slot;
  /** Weights and their gradient transposed to [filters][kernel][dim] for the backward pass. */
  weightsT: F32;
  gradT: F32;
  /** Per sample and filter: the gradient reaching the pooled output, times the tie count. */
  pooledGrad: F32;
}

/** A head layer with its buffers: its output and the gradient with respect to its input (dIn). */
export type HeadState =
  | { kind: 'dropout'; rate: number; width: number; mask: F32; out: F32; dIn: F32 }
  | (Extract<EngineHeadLayer, { kind: 'dense' }> & { kernel: Slot; bias: Slot; out: F32; dIn: F32 });

export type DenseState = Extract<HeadState, { kind: 'dense' }>;

/**
 * Every array the engine trains and works in, in the module's memory, sized for `batchSize`
 * samples. Kernel outputs are per padded filter (multiples of 8, the kernel's block width).
 */
export interface EngineState {
  embedding: Slot;
  branches: BranchState[];
  head: HeadState[];
  /** Token ids of the loaded samples (batch × sequence length). */
  tokens: I32;
  /** Per sample and padded filter: the window maximum, the first window reaching it, and how many windows tie. */
  max: F32;
  arg: I32;
  ties: I32;
  /** Filters of all branches: the width of the pooled vector. */
  pooledWidth: number;
  /** The same with each branch's filters padded. */
  paddedWidth: number;
  pooled: F32;
  /** Gradient of the loss with respect to the output layer's logits. */
  dLogits: F32;
}

/** Allocates the engine's arrays for a plan (zero-filled: weights are set afterwards). */
export function allocateState(arena: Arena, plan: EnginePlan, batchSize: number): EngineState {
  const { vocabSize: V, embeddingDim: D, sequenceLength: L } = plan;
  const B = batchSize;
  const slot = (n: number): Slot => ({ value: arena.f32(n), grad: arena.f32(n) });
  const embedding = { value: arena.f32(V * D), grad: arena.f32(plan.embeddingTrainable ? V * D : 0) };
  let offset = 0;
  let paddedOffset = 0;
  const branches = plan.branches.map((b): BranchState => {
    const size = b.kernelSize * D * b.paddedFilters;
    const state = {
      ...b,
      offset,
      paddedOffset,
      weights: slot(size),
      bias: slot(b.paddedFilters),
      weightsT: arena.f32(size),
      gradT: arena.f32(size),
      pooledGrad: arena.f32(B * b.paddedFilters),
    };
    offset += b.filters;
    paddedOffset += b.paddedFilters;
    return state;
  });
  const pooledWidth = offset;
  const tokens = arena.i32(B * L);
  const max = arena.f32(B * paddedOffset);
  const arg = arena.i32(B * paddedOffset);
  const ties = arena.i32(B * paddedOffset);
  let width = pooledWidth;
  const head = plan.head.map((layer): HeadState => {
    const dIn = arena.f32(B * width);
    if (layer.kind === 'dropout') {
      return { kind: 'dropout', rate: layer.rate, width, mask: arena.f32(B * width), out: arena.f32(B * width), dIn };
    }
    width = layer.units;
    return { ...layer, kernel: slot(layer.inputs * layer.units), bias: slot(layer.units), out: arena.f32(B * layer.units), dIn };
  });
  const pooled = arena.f32(B * pooledWidth);
  const dLogits = arena.f32(B * plan.classCount);
  return { embedding, branches, head, tokens, max, arg, ties, pooledWidth, paddedWidth: paddedOffset, pooled, dLogits };
}

/** The trainable arrays in tfjs' trainableWeights order (a frozen embedding is not one). */
export function trainableSlots(state: EngineState, plan: EnginePlan): Slot[] {
  const slots: Slot[] = plan.embeddingTrainable ? [state.embedding] : [];
  for (const b of state.branches) slots.push(b.weights, b.bias);
  for (const h of state.head) if (h.kind === 'dense') slots.push(h.kernel, h.bias);
  return slots;
}
