import type { Activation, ModelSpec } from '../model/modelSpec';

/**
 * The model family the WASM SIMD engine trains: embedding → one or several 'valid', stride-1
 * Conv1D branches (ReLU or linear) → global max pooling → dropout / dense → softmax. The plan
 * names every layer as buildModel does, so weights move between the engine and tfjs by name.
 */
export interface EnginePlan {
  vocabSize: number;
  sequenceLength: number;
  embeddingDim: number;
  embeddingTrainable: boolean;
  branches: EngineBranch[];
  /** Dropout and dense layers after the pooling, then the softmax output. */
  head: EngineHeadLayer[];
  classCount: number;
}

export interface EngineBranch {
  name: string;
  kernelSize: number;
  filters: number;
  /** Filters rounded up to a multiple of 8, the kernel's block width (the extra columns stay zero). */
  paddedFilters: number;
  activation: 'relu' | 'linear';
}

export type EngineHeadLayer =
  | { kind: 'dropout'; rate: number }
  | { kind: 'dense'; name: string; inputs: number; units: number; activation: Activation | 'softmax'; l1: number; l2: number };

/** Why the engine cannot train a spec (a sentence for the UI), or null when it can. */
export function engineUnsupported(spec: ModelSpec): string | null {
  const [conv, pool, ...rest] = spec.layers;
  if (conv?.kind !== 'conv1d') return 'the WASM engine needs a convolution right after the embedding';
  if ((conv.padding ?? 'valid') !== 'valid' || (conv.strides ?? 1) !== 1) return "the WASM engine trains 'valid', stride-1 convolutions only";
  if (conv.activation !== 'relu' && conv.activation !== 'linear') return 'the WASM engine trains ReLU or linear convolutions only';
  if (pool?.kind !== 'globalMaxPool') {
    return pool?.kind === 'globalAvgPool'
      ? 'the WASM engine trains global max pooling, not average pooling'
      : 'the WASM engine trains one convolution followed by global max pooling (no stacked convolutions, max pooling or batch norm)';
  }
  const other = rest.find((l) => l.kind !== 'dropout' && l.kind !== 'dense');
  if (other) return `the WASM engine trains only dropout and dense layers after the pooling, not ${other.kind === 'batchNorm' ? 'batch norm' : other.kind}`;
  if (conv.kernelSizes.some((k) => k > spec.sequenceLength)) return 'a kernel is longer than the sequence';
  return null;
}

export function enginePlan(spec: ModelSpec, classCount: number): EnginePlan {
  const reason = engineUnsupported(spec);
  if (reason) throw new Error(`This model cannot train on the WASM engine: ${reason}.`);
  const [conv, , ...rest] = spec.layers;
  if (conv.kind !== 'conv1d') throw new Error('unreachable');
  const branches = conv.kernelSizes.map((k, b) => ({
    name: conv.kernelSizes.length > 1 ? `conv1d_0_k${k}_${b}` : 'conv1d_0',
    kernelSize: k,
    filters: conv.filters,
    paddedFilters: Math.ceil(conv.filters / 8) * 8,
    activation: conv.activation as 'relu' | 'linear',
  }));
  let width = conv.filters * branches.length;
  const head: EngineHeadLayer[] = [];
  rest.forEach((l, j) => {
    if (l.kind === 'dropout') head.push({ kind: 'dropout', rate: l.rate });
    else if (l.kind === 'dense') {
      head.push({ kind: 'dense', name: `dense_${j + 2}`, inputs: width, units: l.units, activation: l.activation, l1: l.l1 ?? 0, l2: l.l2 ?? 0 });
      width = l.units;
    }
  });
  head.push({ kind: 'dense', name: 'output', inputs: width, units: classCount, activation: 'softmax', l1: 0, l2: 0 });
  return {
    vocabSize: spec.vocabSize,
    sequenceLength: spec.sequenceLength,
    embeddingDim: spec.embeddingDim,
    embeddingTrainable: spec.embeddingTrainable !== false,
    branches,
    head,
    classCount,
  };
}
