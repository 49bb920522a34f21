import type { StateCreator } from 'zustand';
import type { BundleMetadata } from '../core/export/bundle';
import { metricsFromConfusion } from '../core/eval/metrics';
import { readBaselineSummary } from '../core/eval/baselineRun';
import { findPreset, presetChanges, presetTrainConfig } from '../core/train/presets';
import { presetOf } from '../core/train/specLabel';
import type { SavedModelInfo, TrainResult } from '../protocol/messages';
import type { StoredMetrics } from './evaluateSlice';
import type { DataSlice } from './dataSlice';
import type { EvaluateSlice } from './evaluateSlice';
import type { ExportSlice } from './exportSlice';
import type { ModelSlice } from './modelSlice';
import type { PreprocessSlice } from './preprocessSlice';
import type { SearchSlice } from './searchSlice';
import type { TrainSlice } from './trainSlice';
import type { CrossValidationSlice } from './crossValidationSlice';

/** Every step's slice: what actions that span several steps read and write. */
export type StepSlices = DataSlice & PreprocessSlice & ModelSlice & TrainSlice & CrossValidationSlice & EvaluateSlice & ExportSlice & SearchSlice;

/** Actions that change several steps at once, in one update so no render sees half of them. */
export interface PipelineActions {
  /**
   * Picks a preset: its spec replaces the model as an undoable edit, its training settings
   * go over the config (the backend, test split and seed stay the user's choice), its
   * tokenizer options, if it has any, change those options, and the Model step says which
   * settings it changed (model.presetNotice).
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
  /**
   * A saved model was loaded into the worker: it is the current model everywhere. It is the
   * active model (header, Export), its spec becomes the Model step's (an undoable edit: the
   * starting point of a new run), Evaluate shows its stored metrics, and the last run's
   * evaluation and prediction go.
   */
  modelLoaded(name: string, model: SavedModelInfo, metadata: BundleMetadata): void;
  /**
   * Opens a spec in the Model step (a run's or a model's settings), as an undoable edit; a
   * preset's exact spec keeps the preset's name.
   */
  openSpec(spec: BundleMetadata['spec']): void;
}

/** Ids of the models the worker holds, one per run's model and per load (see ActiveModel.id). */
let nextModelId = 1;

/** What Evaluate shows of a loaded model before it is evaluated again: metadata.json's metrics. */
export function storedMetrics(metadata: BundleMetadata): StoredMetrics {
  const m = metadata.metrics;
  const square = (c: number[][] | undefined) => (c && c.length === metadata.labels.length && c.every((row) => row.length === c.length) ? c : null);
  const confusion = square(m?.confusion);
  return {
    dataset: metadata.dataset.name,
    savedAt: metadata.savedAt,
    classes: metadata.labels,
    accuracy: m?.valAccuracy ?? null,
    report: confusion ? metricsFromConfusion(confusion) : (m?.validation ?? null),
    confusion,
    baseline: readBaselineSummary(m?.baseline),
  };
}

export const createPipelineActions: StateCreator<StepSlices, [], [], PipelineActions> = (set, get) => ({
  selectPreset: (id) => {
    const preset = findPreset(id);
    if (!preset) return;
    get().editSpec(structuredClone(preset.spec), id);
    set((s) => {
      const config = presetTrainConfig(s.train.config, preset);
      const options = preset.tokenizer ? { ...s.preprocess.options, ...preset.tokenizer } : s.preprocess.options;
      const changes = presetChanges(s.train.config, config, { ...s.preprocess.options }, preset.tokenizer && { ...options });
      return {
        model: { ...s.model, presetNotice: changes.length ? { presetId: id, text: `${preset.name} also set: ${changes.join(', ')}.` } : null },
        train: { ...s.train, config },
        preprocess: preset.tokenizer ? { ...s.preprocess, options } : s.preprocess,
      };
    });
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
        active: { id: nextModelId++, name: null, source: 'trained', classes: result.classes, valAccuracy: result.valAccuracy, dataset: s.data.table?.name ?? '', savedAt: null },
        message: null,
        error: null,
      },
      evaluate: { ...s.evaluate, prediction: null, predictError: null, evaluation: null, stored: null, modelReady: false, currentError: null },
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
      return {
        train,
        exporting: { ...s.exporting, active: null, error, comparing: null },
        evaluate: { ...s.evaluate, evaluation: null, prediction: null, stored: null, modelReady: false, currentBusy: null },
      };
    }),
  modelLoaded: (name, model, metadata) => {
    const spec = structuredClone(metadata.spec);
    get().editSpec(spec, presetOf(spec)?.id);
    set((s) => ({
      exporting: {
        ...s.exporting,
        active: { id: nextModelId++, name, source: 'loaded', classes: metadata.labels, valAccuracy: model.valAccuracy, dataset: metadata.dataset.name, savedAt: metadata.savedAt, spec },
      },
      evaluate: { ...s.evaluate, prediction: null, predictError: null, evaluation: null, stored: storedMetrics(metadata), modelReady: false, currentError: null },
    }));
  },
  openSpec: (spec) => get().editSpec(structuredClone(spec), presetOf(spec)?.id),
});
