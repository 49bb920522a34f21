import type { StateCreator } from 'zustand';
import type { ModelSpec } from '../core/model/modelSpec';
import type { SpeedCalibration } from '../core/train/modelCost';
import { PRESETS } from '../core/train/presets';

/** Most edits kept for undo. */
export const UNDO_LIMIT = 100;

/** The preset id of a spec edited away from every preset. */
export const CUSTOM_PRESET = 'custom';

/** One point of the model's edit history. */
export interface SpecVersion {
  spec: ModelSpec;
  presetId: string;
}

/** The Model step: the spec being edited, its undo history, and what training it costs. */
export interface ModelState {
  /** Earlier versions, oldest first (undo), and undone ones, next first (redo). */
  past: SpecVersion[];
  future: SpecVersion[];
  /** The last measured training speed, to estimate time per epoch before training. */
  calibration: SpeedCalibration | null;
  measuring: boolean;
  presetId: string;
  /** What the last preset changed besides the model ("Kim CNN also set: epochs 10 → 8, …"); shown while that preset is current. */
  presetNotice: { presetId: string; text: string } | null;
  spec: ModelSpec;
}

export interface ModelActions {
  /**
   * Every change of the model spec from the Model step goes through here, so each one can be
   * undone: the previous spec is pushed on `past`, and a new edit clears `future`.
   */
  editSpec(next: ModelSpec, presetId?: string): void;
  /** Replaces the spec as an edit ("custom") without an undo entry: the Preprocess step's two model fields. */
  adjustSpec(next: ModelSpec): void;
  undo(): void;
  redo(): void;
  measureStarted(): void;
  measureEnded(): void;
  /** A measured (or trained) speed, for the time-per-epoch estimate. */
  setCalibration(calibration: SpeedCalibration): void;
}

export type ModelSlice = { model: ModelState } & ModelActions;

export function initialModelState(): ModelState {
  const first = PRESETS[0];
  return { presetId: first.id, spec: structuredClone(first.spec), past: [], future: [], calibration: null, measuring: false, presetNotice: null };
}

const versionOf = (model: ModelState): SpecVersion => ({ spec: model.spec, presetId: model.presetId });

export const createModelSlice: StateCreator<ModelSlice, [], [], ModelSlice> = (set) => {
  const update = (changes: Partial<ModelState>) => set((s) => ({ model: { ...s.model, ...changes } }));
  return {
    model: initialModelState(),
    editSpec: (next, presetId = CUSTOM_PRESET) =>
      set(({ model }) => {
        if (next === model.spec) return {};
        return { model: { ...model, spec: next, presetId, past: [...model.past.slice(-(UNDO_LIMIT - 1)), versionOf(model)], future: [] } };
      }),
    adjustSpec: (spec) => update({ spec, presetId: CUSTOM_PRESET }),
    undo: () =>
      set(({ model }) => {
        const previous = model.past[model.past.length - 1];
        if (!previous) return {};
        return { model: { ...model, ...previous, past: model.past.slice(0, -1), future: [versionOf(model), ...model.future] } };
      }),
    redo: () =>
      set(({ model }) => {
        const [next, ...rest] = model.future;
        if (!next) return {};
        return { model: { ...model, ...next, past: [...model.past, versionOf(model)], future: rest } };
      }),
    measureStarted: () => update({ measuring: true }),
    measureEnded: () => update({ measuring: false }),
    setCalibration: (calibration) => update({ calibration }),
  };
};
