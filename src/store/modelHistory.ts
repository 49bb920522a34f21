import type { ModelSpec } from '../core/model/modelSpec';
import { useStudio } from './store';

/** Most edits kept for undo. */
const LIMIT = 100;

/**
 * Every change of the model spec goes through here, so each one can be undone: the previous
 * spec is pushed on `past`, and a new edit clears `future`.
 */
export function editSpec(next: ModelSpec, presetId = 'custom'): void {
  useStudio.setState((s) => {
    if (next === s.model.spec) return {};
    return {
      model: { ...s.model, spec: next, presetId, past: [...s.model.past.slice(-(LIMIT - 1)), { spec: s.model.spec, presetId: s.model.presetId }], future: [] },
    };
  });
}

export function undo(): void {
  useStudio.setState((s) => {
    const previous = s.model.past[s.model.past.length - 1];
    if (!previous) return {};
    return {
      model: { ...s.model, ...previous, past: s.model.past.slice(0, -1), future: [{ spec: s.model.spec, presetId: s.model.presetId }, ...s.model.future] },
    };
  });
}

export function redo(): void {
  useStudio.setState((s) => {
    const [next, ...rest] = s.model.future;
    if (!next) return {};
    return { model: { ...s.model, ...next, past: [...s.model.past, { spec: s.model.spec, presetId: s.model.presetId }], future: rest } };
  });
}
