import type { EnginePlan } from '../../../core/train/enginePlan';
import type { F32 } from './arena';
import type { EngineState } from './engineState';
import { fromPadded, toPadded } from './layouts';
import type { Slot } from './optimizer';

/** Weights in tfjs' layouts, by layer name: embedding [vocab, dim]; conv [kernel, dim, filters] + [filters]; dense [in, units] + [units]. */
export type NamedWeights = Map<string, Float32Array[]>;

/** Copies weights in tfjs' layouts into the engine's arrays (convolutions into their padded layout). */
export function writeNamedWeights(state: EngineState, plan: EnginePlan, weights: NamedWeights): void {
  const D = plan.embeddingDim;
  const take = (name: string, count: number) => {
    const w = weights.get(name);
    if (!w || w.length !== count) throw new Error(`The engine needs ${count} weight arrays for layer "${name}".`);
    return w;
  };
  state.embedding.value.a.set(take('embedding', 1)[0]);
  for (const b of state.branches) {
    const [kernel, bias] = take(b.name, 2);
    toPadded(kernel, b.kernelSize * D, b.filters, b.paddedFilters, b.weights.value.a);
    b.bias.value.a.set(bias);
  }
  for (const h of state.head) {
    if (h.kind !== 'dense') continue;
    const [kernel, bias] = take(h.name, 2);
    h.kernel.value.a.set(kernel);
    h.bias.value.a.set(bias);
  }
}

/** Copies of the engine's values or gradients (`pick`) in tfjs' layouts, padding removed. */
export function readNamedWeights(state: EngineState, plan: EnginePlan, pick: (s: Slot) => F32): NamedWeights {
  const D = plan.embeddingDim;
  const out: NamedWeights = new Map([['embedding', [pick(state.embedding).a.slice()]]]);
  for (const b of state.branches) {
    out.set(b.name, [fromPadded(pick(b.weights).a, b.kernelSize * D, b.filters, b.paddedFilters), pick(b.bias).a.slice(0, b.filters)]);
  }
  for (const h of state.head) if (h.kind === 'dense') out.set(h.name, [pick(h.kernel).a.slice(), pick(h.bias).a.slice()]);
  return out;
}
