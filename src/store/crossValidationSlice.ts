import type { StateCreator } from 'zustand';
import type { CrossValidationProgress, FoldResult } from '../core/eval/crossValidation';
import { DEFAULT_FOLDS } from '../core/train/folds';
import type { CrossValidationResult } from '../protocol/crossValidationMessages';

export type CrossValidationStatus = 'idle' | 'running' | 'cancelling';

/** The Train step's cross-validation: its settings, the one in progress, and the last finished. */
export interface CrossValidationState {
  /** How many folds the next cross-validation makes, 3–10. */
  folds: number;
  /** Start a normal training run when the cross-validation finishes. */
  retrain: boolean;
  status: CrossValidationStatus;
  /** requestId of the cross-validation in progress; its progress and folds carry it. */
  cvId: number | null;
  progress: CrossValidationProgress | null;
  /** Folds of the cross-validation in progress scored so far. */
  partial: FoldResult[];
  /** The last finished cross-validation; it stays when a later one fails or is cancelled. */
  result: CrossValidationResult | null;
  error: string | null;
  /** A plain note on the last cross-validation that did not finish ("cancelled"). */
  notice: string | null;
}

export interface CrossValidationActions {
  setCvFolds(folds: number): void;
  setCvRetrain(retrain: boolean): void;
  /** A cross-validation went to the worker under `cvId`: its progress starts at nothing. */
  cvStarted(cvId: number): void;
  /** Progress of `cvId`; progress of any other cross-validation is dropped. */
  cvProgressed(cvId: number, progress: CrossValidationProgress): void;
  /** A fold of `cvId` is scored: it joins the table at once. */
  cvFoldScored(cvId: number, fold: FoldResult): void;
  /** Cancel was pressed: the worker stops after its current batch. */
  cvCancelRequested(): void;
  /** `cvId` finished: its result replaces the last one. */
  cvFinished(cvId: number, result: CrossValidationResult): void;
  /** `cvId` failed (`error`) or was cancelled (error null): the last finished result stays. */
  cvEnded(cvId: number, error: string | null): void;
}

export type CrossValidationSlice = { crossValidation: CrossValidationState } & CrossValidationActions;

export function initialCrossValidationState(): CrossValidationState {
  return { folds: DEFAULT_FOLDS, retrain: false, status: 'idle', cvId: null, progress: null, partial: [], result: null, error: null, notice: null };
}

export const createCrossValidationSlice: StateCreator<CrossValidationSlice, [], [], CrossValidationSlice> = (set, get) => {
  const update = (changes: Partial<CrossValidationState>) => set((s) => ({ crossValidation: { ...s.crossValidation, ...changes } }));
  const current = (cvId: number) => get().crossValidation.cvId === cvId;
  const idle = { status: 'idle' as const, cvId: null, progress: null, partial: [] };
  return {
    crossValidation: initialCrossValidationState(),
    setCvFolds: (folds) => update({ folds }),
    setCvRetrain: (retrain) => update({ retrain }),
    cvStarted: (cvId) => update({ status: 'running', cvId, progress: null, partial: [], error: null, notice: null }),
    cvProgressed: (cvId, progress) => {
      if (current(cvId)) update({ progress });
    },
    cvFoldScored: (cvId, fold) => {
      if (current(cvId)) update({ partial: [...get().crossValidation.partial, fold] });
    },
    cvCancelRequested: () => {
      if (get().crossValidation.status === 'running') update({ status: 'cancelling' });
    },
    cvFinished: (cvId, result) => {
      if (current(cvId)) update({ ...idle, result });
    },
    cvEnded: (cvId, error) => {
      if (!current(cvId)) return;
      const kept = get().crossValidation.result ? ' The previous result is kept.' : '';
      update({ ...idle, error: error && `Cross-validation failed: ${error}${kept}`, notice: error ? null : `Cross-validation cancelled.${kept}` });
    },
  };
};
