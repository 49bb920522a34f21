/** Messages between the studio worker and a search's trial worker (trialWorker.ts). */
import type { Dataset } from '../../core/data/dataset';
import type { EpochMetrics } from '../../protocol/messages';
import type { LimitedOutcome, TrialLimits } from './limitedTrial';
import type { TrialInput } from './trial';

export type ToTrialWorker =
  /** Once per search, before its first trial: the dataset every trial reads its rows from. */
  | { type: 'dataset'; dataset: Dataset }
  | { type: 'trial'; job: number; input: TrialInput; limits: TrialLimits }
  /** Stops trial `job` after its current batch; it then answers 'failed' with cancelled: true. */
  | { type: 'cancel'; job: number };

export type FromTrialWorker =
  | { type: 'epoch'; job: number; metrics: EpochMetrics }
  | { type: 'done'; job: number; result: LimitedOutcome }
  | { type: 'failed'; job: number; message: string; cancelled: boolean };
