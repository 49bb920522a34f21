import type { StateCreator } from 'zustand';
import type { QuantizationReport, SavedModelInfo, StorageInfo } from '../protocol/messages';

/** The parts of the Export step that report progress and errors. */
export type ExportScope = 'save' | 'download' | 'import' | 'library';

/** The model the worker holds now. */
export interface ActiveModel {
  /** Its name in the library; null for a freshly trained model not saved yet. */
  name: string | null;
  source: 'trained' | 'loaded';
  classes: string[];
  /** Validation accuracy, 0–1; null when the saved model does not say. */
  valAccuracy: number | null;
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
}

export type ExportSlice = { exporting: ExportState } & ExportActions;

export function initialExportState(): ExportState {
  return { modelName: '', saved: [], active: null, busy: null, message: null, error: null, scope: null, storage: null, quantization: null };
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
  };
};
