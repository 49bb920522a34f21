/** Ranking a search's trials for its leaderboard and for "Apply best". */

/** What ranking reads of a trial. */
export interface RankedTrial {
  trial: number;
  /** Validation accuracy, 0–1; NaN while running or when it failed. */
  accuracy: number;
  macroF1: number;
  status: string;
}

/**
 * Trials best first: by validation accuracy, then macro F1, then the earlier trial; trials
 * without a score (running, failed) last, in trial order.
 */
export function rankTrials<T extends RankedTrial>(trials: readonly T[]): T[] {
  const scored = (t: T) => Number.isFinite(t.accuracy);
  return [...trials].sort((a, b) => {
    if (scored(a) !== scored(b)) return scored(a) ? -1 : 1;
    if (!scored(a)) return a.trial - b.trial;
    return b.accuracy - a.accuracy || (b.macroF1 || 0) - (a.macroF1 || 0) || a.trial - b.trial;
  });
}

/**
 * The trial "Apply best" takes: the best scored trial that trained its full budget (finished)
 * if any, else the best scored one; null when none has a score. A trial still running (its score
 * is its last epoch's) is not a candidate yet.
 */
export function bestTrial<T extends RankedTrial>(trials: readonly T[]): T | null {
  const ranked = rankTrials(trials).filter((t) => Number.isFinite(t.accuracy) && t.status !== 'running');
  return ranked.find((t) => t.status === 'finished') ?? ranked[0] ?? null;
}
