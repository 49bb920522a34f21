/**
 * The hyperparameter search's messages, part of ToWorker and FromWorker (messages.ts). Every
 * message of a search carries its `searchId`; the page drops events of any other search.
 */
import type { ModelSpec } from '../core/model/modelSpec';
import type { Rung } from '../core/train/searchHalving';
import type { TrialValues } from '../core/train/searchPlan';
import type { SearchSettings } from '../core/train/searchSpace';
import type { TrainConfig } from '../core/train/trainConfig';
import type { TokenizerOptions } from '../core/text/tokenizerMode';
import type { BackendName, EpochMetrics } from './messages';

/** What a search starts from: the current settings (each trial changes only its varied values) and the search's own. */
export interface SearchRequest {
  spec: ModelSpec;
  config: TrainConfig;
  tokenizer: TokenizerOptions;
  search: SearchSettings;
}

/**
 * How a trial ended: all its epochs, stopped early (successive halving or the time budget), or
 * failed; 'continued': successive halving keeps it for the next rung (it trains again).
 */
export type TrialStatus = 'finished' | 'stopped' | 'failed' | 'continued';

/** One trial's result at the furthest rung it reached. */
export interface TrialReport {
  /** 1-based, in planned order. */
  trial: number;
  values: TrialValues;
  /** 0-based rung of successive halving (0 for grid and random). */
  rung: number;
  status: TrialStatus;
  /** Why it stopped or failed, in plain words; null when it finished. */
  reason: string | null;
  /** Validation accuracy and macro F1 of the trial's final weights, 0–1 (NaN when it failed). */
  accuracy: number;
  macroF1: number;
  /** Mean validation cross-entropy. */
  loss: number;
  epochs: EpochMetrics[];
  backend: BackendName | null;
  /** Wall time of the trial, ms. */
  ms: number;
}

/** Why a search ended. */
export type SearchEnd = 'completed' | 'cancelled' | 'trials' | 'time';

export type SearchToWorker =
  | { type: 'search'; searchId: number; request: SearchRequest }
  /** Stops the search promptly: the running trial ends at its next batch; finished trials are kept. */
  | { type: 'cancelSearch'; searchId: number };

export type SearchFromWorker =
  | {
      type: 'searchStarted';
      searchId: number;
      /** Every planned trial's values, in order (trial n is trials[n − 1]). */
      trials: TrialValues[];
      /** Successive halving's rungs; a single rung for grid and random. */
      rungs: Rung[];
      /** Texts in the split every trial shares. */
      trainCount: number;
      valCount: number;
      /** Texts held out for the final test, never seen by a trial. */
      testCount: number;
      /** Accuracy of always answering the validation split's most common class. */
      valMajorityRate: number;
      /** Trials that run at once. */
      parallel: number;
      note: string;
    }
  | { type: 'trialStarted'; searchId: number; trial: number; rung: number; /** Epochs this rung trains. */ epochs: number }
  | { type: 'trialEpoch'; searchId: number; trial: number; metrics: EpochMetrics }
  | { type: 'trialDone'; searchId: number; report: TrialReport }
  | { type: 'searchDone'; searchId: number; reason: SearchEnd }
  | { type: 'searchFailed'; searchId: number; message: string };
