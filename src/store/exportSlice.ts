import type { StateCreator } from 'zustand';
import type { ModelSpec } from '../core/model/modelSpec';
import type { QuantizationReport, SavedModelInfo, StorageInfo } from '../protocol/messages';

/** The parts of the Export step that report progress and errors. */
export type ExportScope = 'save' | 'download' | 'import' | 'library';

/** The model the worker holds now. */
export interface ActiveModel {
  /** Which model the worker holds: a new id for each run's model and each load; saving or renaming keeps it. */
  id: number;
  /** Its name in the library; null for a freshly trained model not saved yet. */
  name: string | null;
  source: 'trained' | 'loaded';
  classes: string[];
  /** Validation accuracy, 0–1; null when the saved model does not say. */
  valAccuracy: number | null;
  /** Name of the dataset it was trained on. */
  dataset: string;
  /** When a loaded model was saved (ISO time); null for a run of this session. */
  savedAt: string | null;
  /** A loaded model's spec, the very object it opened in the Model step (until the user edits it). */
  spec?: ModelSpec;
}

/** How far "Compare weight formats" is: texts scored of `total` (every format together). */
export interface Comparison {
  /** The worker request measuring; Cancel names it. */
  previewId: number;
  done: number;
  total: number;
}

/** The Export step: the library of saved models and the status lines of its actions. */
export interface ExportState {
  modelName: string;
  saved: SavedModelInfo[];
  /** The model the worker holds now: freshly trained (name null until saved) or loaded. */
  active: ActiveModel | null;
  busy: string | null;
  message: string | null;
  error: string | null;
  /** Which part of the Export step the busy/message/error lines belong to. */
  scope: ExportScope | null;
  /** Bytes this origin uses in browser storage and its quota; null when the browser does not say. */
  storage: StorageInfo | null;
  /** Weights size and held-out accuracy per weight format, measured for the `model` it names. */
  quantization: { report: QuantizationReport; model: ActiveModel | null } | null;
  /** The weight-format comparison in progress (it never blocks Save, Download or Import); null when none. */
  comparing: Comparison | null;
  /** What stopped the last comparison (failure or Cancel); null otherwise. */
  compareError: string | null;
}

export interface ExportActions {
  setModelName(name: string): void;
  /** The library as the worker listed it, with the storage figures when the browser gives them. */
  modelsListed(saved: SavedModelInfo[], storage: StorageInfo | null): void;
  /** An action of `scope` starts: its busy line replaces the last message and error. */
  taskStarted(scope: ExportScope, busy: string): void;
  /** The action succeeded; `message` null: nothing to say. */
  taskSucceeded(message: string | null): void;
  /** The action failed; with `scope`, the error shows in that part of the step. */
  taskFailed(message: string, scope?: ExportScope): void;
  /** The action ended either way: no longer busy. */
  taskEnded(): void;
  /** A result line in `scope` without a busy phase (deleting a saved model). */
  showExportMessage(scope: ExportScope, message: string): void;
  /** The active model was saved under `name`. */
  activeSaved(name: string): void;
  /** A saved model was renamed: the active model follows when it is the one renamed. */
  activeRenamed(from: string, to: string): void;
  /** `model`: the active model the report was measured for. */
  quantizationMeasured(report: QuantizationReport, model: ActiveModel | null): void;
  /** A comparison started (previewId: its worker request) or reported progress. */
  comparisonProgressed(progress: Comparison): void;
  /** The comparison ended; `error`: why it stopped early (null when it finished). */
  comparisonEnded(error: string | null): void;
}

export type ExportSlice = { exporting: ExportState } & ExportActions;

export function initialExportState(): ExportState {
  return { modelName: '', saved: [], active: null, busy: null, message: null, error: null, scope: null, storage: null, quantization: null, comparing: null, compareError: null };
}

export const createExportSlice: StateCreator<ExportSlice, [], [], ExportSlice> = (set, get) => {
  const update = (changes: Partial<ExportState>) => set((s) => ({ exporting: { ...s.exporting, ...changes } }));
  return {
    exporting: initialExportState(),
    setModelName: (modelName) => update({ modelName }),
    modelsListed: (saved, storage) => update({ saved, storage }),
    taskStarted: (scope, busy) => update({ busy, error: null, message: null, scope }),
    taskSucceeded: (message) => update({ message }),
    taskFailed: (error, scope) => update(scope ? { error, scope } : { error }),
    taskEnded: () => update({ busy: null }),
    showExportMessage: (scope, message) => update({ message, error: null, scope }),
    activeSaved: (name) => {
      const { active } = get().exporting;
      update({ active: active && { ...active, name } });
    },
    activeRenamed: (from, to) => {
      const { active } = get().exporting;
      if (active?.name === from) update({ active: { ...active, name: to } });
    },
    quantizationMeasured: (report, model) => update({ quantization: { report, model } }),
    comparisonProgressed: (comparing) => {
      const current = get().exporting.comparing;
      // Late progress of a comparison that already ended, or of another one, is dropped.
      if (current && current.previewId !== comparing.previewId) return;
      if (!current && comparing.done > 0) return;
      update({ comparing, compareError: null });
    },
    comparisonEnded: (compareError) => update({ comparing: null, compareError }),
  };
};

/**
 * The model that is current everywhere once it is loaded or saved (header, pipeline diagram):
 * its name, the dataset it was trained on and its class count; null for none or an unsaved run.
 */
export function currentModel(exporting: ExportState): { name: string; dataset: string; classes: number } | null {
  const active = exporting.active;
  return active?.name ? { name: active.name, dataset: active.dataset, classes: active.classes.length } : null;
}
