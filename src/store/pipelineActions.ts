import type { StateCreator } from 'zustand';
import { findPreset } from '../core/train/presets';
import type { SavedModelInfo, TrainResult } from '../protocol/messages';
import type { DataSlice } from './dataSlice';
import type { EvaluateSlice } from './evaluateSlice';
import type { ExportSlice } from './exportSlice';
import type { ModelSlice } from './modelSlice';
import type { PreprocessSlice } from './preprocessSlice';
import type { TrainSlice } from './trainSlice';

/** Every step's slice: what actions that span several steps read and write. */
export type StepSlices = DataSlice & PreprocessSlice & ModelSlice & TrainSlice & EvaluateSlice & ExportSlice;

/** Actions that change several steps at once, in one update so no render sees half of them. */
export interface PipelineActions {
  /**
   * Picks a preset: its spec replaces the model as an undoable edit, its training settings
   * replace the config (the backend stays the user's choice), and its tokenizer options, if it
   * has any, change those options.
   */
  selectPreset(id: string): void;
  /**
   * The current run finished: its result shows, its model becomes the active one (not saved
   * yet), the last run's evaluation and playground prediction go, and its speed calibrates
   * the time estimates. `trainFlops`: training FLOPs per text of the run's model; 0 when unknown.
   */
  runFinished(result: TrainResult, trainFlops: number): void;
  /**
   * The worker crashed and was restarted: a run in progress has failed, and the model the
   * worker held is gone (a saved one can be loaded again).
   */
  workerCrashed(reason: string): void;
  /** A saved model was loaded into the worker: it is the active model; the last prediction goes. */
  modelLoaded(name: string, model: SavedModelInfo): void;
}

export const createPipelineActions: StateCreator<StepSlices, [], [], PipelineActions> = (set, get) => ({
  selectPreset: (id) => {
    const preset = findPreset(id);
    if (!preset) return;
    get().editSpec(structuredClone(preset.spec), id);
    set((s) => ({
      train: { ...s.train, config: { ...structuredClone(preset.train), backend: s.train.config.backend } },
      preprocess: preset.tokenizer ? { ...s.preprocess, options: { ...s.preprocess.options, ...preset.tokenizer } } : s.preprocess,
    }));
  },
  runFinished: (result, trainFlops) =>
    set((s) => ({
      train: { ...s.train, status: 'done', result },
      model:
        trainFlops && result.samplesPerSecond > 0
          ? { ...s.model, calibration: { backend: result.backend, samplesPerSecond: result.samplesPerSecond, trainFlops } }
          : s.model,
      exporting: {
        ...s.exporting,
        active: { name: null, source: 'trained', classes: result.classes, valAccuracy: result.valAccuracy },
        message: null,
        error: null,
      },
      evaluate: { ...s.evaluate, prediction: null, predictError: null, evaluation: null },
    })),
  workerCrashed: (reason) =>
    set((s) => {
      const running = s.train.status !== 'idle' && s.train.status !== 'done' && s.train.status !== 'error';
      const train = running
        ? { ...s.train, status: 'error' as const, error: `Training stopped: the worker crashed (${reason}). The studio restarted it; press Train to try again.` }
        : s.train;
      const { active } = s.exporting;
      if (!active) return { train };
      // The model lived in the worker: a saved one can be loaded again, an unsaved one is gone.
      const error = active.name
        ? `The worker crashed (${reason}) and was restarted: load “${active.name}” from Saved models to use it again.`
        : `The worker crashed (${reason}) and was restarted: the unsaved model was lost. Train it again.`;
      return { train, exporting: { ...s.exporting, active: null, error }, evaluate: { ...s.evaluate, evaluation: null, prediction: null } };
    }),
  modelLoaded: (name, model) =>
    set((s) => ({
      exporting: { ...s.exporting, active: { name, source: 'loaded', classes: model.classes, valAccuracy: model.valAccuracy } },
      evaluate: { ...s.evaluate, prediction: null, predictError: null },
    })),
});
