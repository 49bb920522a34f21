import type { BaselineJob, BaselineSummary } from '../../../core/eval/baselineRun';

/** The studio worker → the baseline's worker: one job per worker (it is terminated to cancel). */
export type ToBaseline = { type: 'run'; job: BaselineJob };

/** The baseline's worker → the studio worker. */
export type FromBaseline =
  | { type: 'progress'; /** 0–1. */ fraction: number }
  | { type: 'done'; summary: BaselineSummary }
  | { type: 'error'; message: string };
