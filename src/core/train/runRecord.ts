/**
 * A finished training run as the run history keeps it: what trained, on what, and how it went.
 * Pure data and helpers; the client stores records in IndexedDB and the store lists them.
 */
import type { ModelSpec } from '../model/modelSpec';
import type { TokenizerOptions } from '../text/tokenizerMode';
import type { TrainConfig } from './trainConfig';

/** Most runs the history keeps; older ones are dropped first. */
export const RUN_HISTORY_LIMIT = 200;

/** What a run trained and on what data: the settings the history compares. */
export interface RunSetup {
  /** Name of the dataset file or sample; empty when unknown. */
  dataset: string;
  spec: ModelSpec;
  config: TrainConfig;
  tokenizer: TokenizerOptions;
}

/**
 * One finished run. `Result` is the training result as the protocol declares it, less its
 * per-class report and confusion matrix (see `toRunRecord`); the type is a parameter because
 * the protocol's types are not core's to import.
 */
export interface RunRecord<Result> extends RunSetup {
  /** Milliseconds since 1970 when the run ended; also its key in the history. */
  id: number;
  result: Result;
  /** Set when the run was a trial of a hyperparameter search. */
  search?: SearchTag;
}

/** Which search a run was a trial of. */
export interface SearchTag {
  /** Milliseconds since 1970 when the search started: names it ("search of 14:02"). */
  startedAt: number;
  method: 'grid' | 'random' | 'halving';
  /** 1-based trial number within the search. */
  trial: number;
}

/** The parts of a training result the history leaves out: large, and never compared. */
type Evaluation = 'validation' | 'confusion';

/** A record of a finished run, without the result's per-class report and confusion matrix. */
export function toRunRecord<R extends Record<Evaluation, unknown>>(id: number, setup: RunSetup, result: R, search?: SearchTag): RunRecord<Omit<R, Evaluation>> {
  const { validation: _validation, confusion: _confusion, ...summary } = result;
  return search ? { id, ...setup, result: summary, search } : { id, ...setup, result: summary };
}

/** Keys (oldest first) to delete so that at most `limit` runs stay. */
export function keysBeyondLimit<K>(keysOldestFirst: readonly K[], limit = RUN_HISTORY_LIMIT): K[] {
  return keysOldestFirst.slice(0, Math.max(0, keysOldestFirst.length - limit));
}
