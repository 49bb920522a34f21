import type { StateCreator } from 'zustand';
import type { SplitPredictions } from '../core/eval/evaluation';
import type { MetricsReport } from '../core/eval/metrics';
import type { BaselineSummary } from '../core/eval/baselineRun';
import type { HighlightedToken } from '../protocol/messages';

/** What the model answered for one text of the playground. */
export interface Prediction {
  text: string;
  classes: string[];
  /** One per class, in the order of `classes`, summing to 1. */
  probabilities: number[];
  highlights: HighlightedToken[] | null;
}

/** The outcome of predicting an uploaded file, ready to download. */
export interface FilePrediction {
  /** Suggested download name. */
  name: string;
  /** Object URL of the CSV; revoked when the next file is predicted. */
  url: string;
  rows: number;
  /** Rows per predicted class, in the order of `classes`. */
  counts: number[];
  classes: string[];
  textColumn: string;
  /** Empty rows left out. */
  skipped: number;
}

/** Held-out predictions of a finished run. */
export interface Evaluation {
  runId: number;
  classes: string[];
  splits: SplitPredictions[];
}

/** A loaded model's metrics as its metadata.json stores them (from its training run's validation split). */
export interface StoredMetrics {
  /** The dataset it was trained on, and when the model was saved (ISO time). */
  dataset: string;
  savedAt: string;
  classes: string[];
  /** Validation accuracy, 0–1; null when the bundle holds no metrics. */
  accuracy: number | null;
  /** Per-class metrics; null when the bundle holds none (models not trained in the studio). */
  report: MetricsReport | null;
  /** Validation confusion matrix; null in bundles saved before it was stored. */
  confusion: number[][] | null;
  /** The linear baseline of its training run; null when the bundle holds none. */
  baseline: BaselineSummary | null;
}

/** The Evaluate step: held-out predictions, the decision threshold, the playground and file predictions. */
export interface EvaluateState {
  /** Held-out predictions of the last finished run, or of the active model on the current data. */
  evaluation: Evaluation | null;
  /** The loaded model's stored metrics, shown until it is evaluated on the current data. */
  stored: StoredMetrics | null;
  /** The active model has made its first (warm-up) prediction: the next one answers at once. */
  modelReady: boolean;
  /** "Evaluate on the current data" in progress (its busy line) and its failure. */
  currentBusy: string | null;
  currentError: string | null;
  split: SplitPredictions['name'];
  /** Two classes only: predict the second class at or above this probability; null = argmax. */
  threshold: number | null;
  prediction: Prediction | null;
  predictError: string | null;
  filePrediction: FilePrediction | null;
  /** The busy line while a file is predicted; null when idle. */
  fileBusy: string | null;
  fileError: string | null;
}

export interface EvaluateActions {
  /** Held-out predictions arrived: show the test split when there is one, with the argmax decision. */
  evaluationArrived(evaluation: Evaluation): void;
  setSplit(split: SplitPredictions['name']): void;
  /** Moves the decision threshold (0–1), or null for the most probable class; ignored unless there are two classes. */
  setThreshold(threshold: number | null): void;
  predictionArrived(prediction: Prediction): void;
  predictionFailed(message: string): void;
  /** A file is being predicted; `busy` is the line shown meanwhile. */
  filePredictionStarted(busy: string): void;
  filePredicted(result: FilePrediction): void;
  filePredictionFailed(message: string): void;
  filePredictionEnded(): void;
  /** The active model answered its warm-up prediction. */
  modelWarmed(): void;
  /** "Evaluate on the current data" started (busy line), failed, or ended either way. */
  currentEvaluationStarted(busy: string): void;
  currentEvaluationFailed(message: string): void;
  currentEvaluationEnded(): void;
}

export type EvaluateSlice = { evaluate: EvaluateState } & EvaluateActions;

export function initialEvaluateState(): EvaluateState {
  return {
    evaluation: null,
    stored: null,
    modelReady: false,
    currentBusy: null,
    currentError: null,
    split: 'validation',
    threshold: null,
    prediction: null,
    predictError: null,
    filePrediction: null,
    fileBusy: null,
    fileError: null,
  };
}

export const createEvaluateSlice: StateCreator<EvaluateSlice, [], [], EvaluateSlice> = (set, get) => {
  const update = (changes: Partial<EvaluateState>) => set((s) => ({ evaluate: { ...s.evaluate, ...changes } }));
  return {
    evaluate: initialEvaluateState(),
    evaluationArrived: (evaluation) =>
      update({ evaluation, split: evaluation.splits.some((s) => s.name === 'test') ? 'test' : 'validation', threshold: null }),
    setSplit: (split) => update({ split }),
    setThreshold: (threshold) => {
      // A threshold on one class' probability only decides between two classes.
      if (threshold !== null && get().evaluate.evaluation?.classes.length !== 2) return;
      update({ threshold });
    },
    predictionArrived: (prediction) => update({ prediction, predictError: null }),
    predictionFailed: (predictError) => update({ predictError }),
    filePredictionStarted: (fileBusy) => update({ fileBusy, fileError: null, filePrediction: null }),
    filePredicted: (filePrediction) => update({ filePrediction }),
    filePredictionFailed: (fileError) => update({ fileError }),
    filePredictionEnded: () => update({ fileBusy: null }),
    modelWarmed: () => update({ modelReady: true }),
    currentEvaluationStarted: (currentBusy) => update({ currentBusy, currentError: null }),
    currentEvaluationFailed: (currentError) => update({ currentError }),
    currentEvaluationEnded: () => update({ currentBusy: null }),
  };
};
