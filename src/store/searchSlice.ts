import type { StateCreator } from 'zustand';
import type { ModelSpec } from '../core/model/modelSpec';
import type { Rung } from '../core/train/searchHalving';
import { applyTrial, describeChanges, type TrialValues } from '../core/train/searchPlan';
import { bestTrial } from '../core/train/searchResults';
import type { SearchForm, SearchMethod } from '../core/train/searchSpace';
import type { TrainConfig } from '../core/train/trainConfig';
import type { TokenizerOptions } from '../core/text/tokenizerMode';
import type { SearchEnd, SearchFromWorker, TrialReport, TrialStatus } from '../protocol/searchMessages';
import type { StepSlices } from './pipelineActions';

export type SearchStatus = 'idle' | 'running' | 'cancelling' | 'done' | 'error';

/** One leaderboard row: a planned trial, waiting, running, or with its latest report. */
export interface TrialRow extends Omit<TrialReport, 'status'> {
  status: TrialStatus | 'waiting' | 'running';
  /** Epochs this trial trains in its current rung (its own epochs outside successive halving). */
  epochsPlanned: number;
}

/** What a search started from: the settings each trial changes, and what the worker said of the split. */
export interface SearchBase {
  spec: ModelSpec;
  config: TrainConfig;
  tokenizer: TokenizerOptions;
  /** Date.now() when it started: names the search in the run history. */
  startedAt: number;
  /** performance.now() when it started, for the elapsed time shown. */
  clock: number;
  method: SearchMethod;
}

/** The hyperparameter search: the form, the search under way or last finished, and its leaderboard. */
export interface SearchState {
  /** The form as edited; null until first edited (it then starts from the current settings). */
  form: SearchForm | null;
  status: SearchStatus;
  /** Id of the current search; the client drops events of any other. */
  searchId: number;
  /** What the results below were searched from (set when the worker starts the search). */
  base: SearchBase | null;
  /** What the requested search starts from, until the worker confirms it (a refusal keeps the results shown). */
  starting: SearchBase | null;
  rows: TrialRow[];
  rungs: Rung[];
  counts: { train: number; validation: number; test: number; majority: number } | null;
  note: string;
  /** Trials that train at once in this search (1 or 2). */
  parallel: number;
  end: SearchEnd | null;
  error: string | null;
  /** What "Apply best" changed, in plain words. */
  applied: string | null;
}

export interface SearchActions {
  editSearchForm(form: SearchForm): void;
  /** Back to the defaults from the current model and training settings. */
  resetSearchForm(): void;
  /** A new search was asked for (the last results stay until the worker starts it); returns its id. */
  searchRequested(base: SearchBase): number;
  searchEvent(message: SearchFromWorker): void;
  searchCancelRequested(): void;
  /** The search could not go on (worker error or crash): running trials end, finished ones stay. */
  searchFailed(message: string): void;
  /**
   * Sets the Model and Train settings to the best trial's (the model change is an undoable
   * edit) and says what changed; returns that text, or null when no trial has a score.
   */
  applyBestTrial(): string | null;
}

export type SearchSlice = { search: SearchState } & SearchActions;

export function initialSearchState(): SearchState {
  return { form: null, status: 'idle', searchId: 0, base: null, starting: null, rows: [], rungs: [], counts: null, note: '', parallel: 1, end: null, error: null, applied: null };
}

const emptyRow = (trial: number, values: TrialValues, epochs: number): TrialRow => ({
  trial,
  values,
  rung: 0,
  status: 'waiting',
  reason: null,
  accuracy: Number.NaN,
  macroF1: Number.NaN,
  loss: Number.NaN,
  epochs: [],
  backend: null,
  ms: 0,
  epochsPlanned: epochs,
});

const END_WORDS: Record<SearchEnd, string> = {
  completed: 'not run: the search finished',
  cancelled: 'not run: the search was cancelled',
  trials: 'not run: the trial budget was used',
  time: 'not run: the time budget ran out',
};

export const createSearchSlice: StateCreator<StepSlices, [], [], SearchSlice> = (set, get) => {
  const update = (changes: Partial<SearchState>) => set((s) => ({ search: { ...s.search, ...changes } }));
  const row = (trial: number, change: (r: TrialRow) => TrialRow) => update({ rows: get().search.rows.map((r) => (r.trial === trial ? change(r) : r)) });
  return {
    search: initialSearchState(),
    editSearchForm: (form) => update({ form }),
    resetSearchForm: () => update({ form: null }),
    searchRequested: (base) => {
      const searchId = get().search.searchId + 1;
      update({ searchId, status: 'running', starting: base, end: null, error: null });
      return searchId;
    },
    searchEvent: (message) => {
      switch (message.type) {
        case 'searchStarted': {
          const epochs = message.rungs[0]?.epochs ?? 0;
          const base = get().search.starting;
          const rows = message.trials.map((values, i) => emptyRow(i + 1, values, base && message.rungs.length === 1 ? applyTrial(base.spec, base.config, values).config.epochs : epochs));
          update({ base, starting: null, applied: null, rows, rungs: message.rungs, note: message.note, parallel: message.parallel, counts: { train: message.trainCount, validation: message.valCount, test: message.testCount, majority: message.valMajorityRate } });
          return;
        }
        case 'trialStarted':
          row(message.trial, (r) => ({ ...r, status: 'running', rung: message.rung, epochsPlanned: message.epochs, epochs: [], reason: null }));
          return;
        case 'trialEpoch':
          row(message.trial, (r) => ({ ...r, epochs: [...r.epochs, message.metrics], accuracy: message.metrics.valAccuracy }));
          return;
        case 'trialDone':
          row(message.report.trial, (r) => ({ ...r, ...message.report }));
          return;
        case 'searchDone': {
          const rows = get().search.rows.map((r) => (r.status === 'waiting' || r.status === 'running' ? { ...r, status: 'stopped' as const, reason: END_WORDS[message.reason] } : r));
          update({ status: 'done', end: message.reason, rows });
          return;
        }
        case 'searchFailed':
          get().searchFailed(message.message);
          return;
      }
    },
    searchCancelRequested: () => update({ status: 'cancelling' }),
    searchFailed: (error) => {
      const rows = get().search.rows.map((r) => (r.status === 'running' || r.status === 'waiting' ? { ...r, status: 'failed' as const, reason: 'the search stopped' } : r));
      update({ status: 'error', error, rows });
    },
    applyBestTrial: () => {
      const { rows, base } = get().search;
      const best = bestTrial(rows);
      if (!best || !base) return null;
      const before = get();
      // The trial trained on the search's starting settings with its values: exactly those are applied.
      const applied = applyTrial(base.spec, base.config, best.values, before.data.summary?.classes.length ?? 2);
      get().editSpec(applied.spec);
      get().setTrainConfig(applied.config);
      const changes = describeChanges(before.model.spec, before.train.config, applied.spec, applied.config);
      const text = changes.length
        ? `Applied trial ${best.trial}: ${changes.join(', ')}. Undo in the Model step reverts the model part.`
        : `Trial ${best.trial} is already the current settings.`;
      update({ applied: text });
      return text;
    },
  };
};
