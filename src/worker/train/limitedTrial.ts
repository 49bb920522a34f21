import type { EpochMetrics } from '../../protocol/messages';
import { runTrial, type TrialInput, type TrialOutcome } from './trial';

/** When a search's trial stops: after `epochs` (a rung of successive halving), or at the search's deadline. */
export interface TrialLimits {
  epochs: number;
  /** The search's time budget ends here, in Date.now() time (each worker has its own performance.now()). */
  deadline: number;
}

/** A search trial's outcome without its predictions (they are not needed and would travel between workers). */
export interface LimitedOutcome {
  outcome: Omit<TrialOutcome, 'predicted'>;
  /** The deadline passed during this trial: no further trial may start. */
  timeUp: boolean;
  /** Why it ended before its epochs, in plain words; null when it ran them all. */
  stoppedBy: string | null;
}

/** Runs one trial of a search (here or in the trial worker), limited to its epochs and the search's deadline. */
export type TrialExecutor = (input: TrialInput, limits: TrialLimits, signal: AbortSignal, onMetrics: (metrics: EpochMetrics) => void) => Promise<LimitedOutcome>;

/** The executor that trains in this worker. */
export const runLimitedTrial: TrialExecutor = async (input, limits, signal, onMetrics) => {
  const { epochs, deadline } = limits;
  let timeUp = false;
  let stoppedBy: string | null = null;
  const { predicted: _predicted, ...outcome } = await runTrial(input, {
    signal,
    onEpoch: (epoch, metrics) => {
      onMetrics(metrics);
      if (Date.now() >= deadline) {
        timeUp = true;
        if (epoch < epochs) stoppedBy = `stopped after ${epoch} of ${epochs} epochs: the search’s time budget ran out`;
        return false;
      }
      return epoch < epochs;
    },
  });
  return { outcome, timeUp, stoppedBy };
};
