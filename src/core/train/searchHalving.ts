/**
 * Successive halving (Jamieson & Talwalkar 2016; one bracket of Hyperband, Li et al. 2017) as a
 * pure state machine: rungs by epochs, every trial of a rung trained to the rung's epochs, the
 * top 1/η kept for the next rung. The worker asks it which trials run next and reports scores.
 */

/** One rung: how many trials reach it and how many epochs each trains there. */
export interface Rung {
  trials: number;
  epochs: number;
}

/**
 * The rungs for `n` trials, at most `maxEpochs` epochs and keep-rate 1/eta: s + 1 rungs where
 * s is the largest with eta^s ≤ n and eta^s ≤ maxEpochs; rung i keeps ⌊n / eta^i⌋ trials (at
 * least 1) for ⌊maxEpochs / eta^(s−i)⌋ epochs, so the last rung trains maxEpochs.
 * 9 trials, 9 epochs, eta 3 → 9 × 1, 3 × 3, 1 × 9.
 */
export function halvingRungs(n: number, maxEpochs: number, eta: number): Rung[] {
  let s = 0;
  while (eta ** (s + 1) <= n && eta ** (s + 1) <= maxEpochs) s++;
  return Array.from({ length: s + 1 }, (_, i) => ({
    trials: Math.max(1, Math.floor(n / eta ** i)),
    epochs: Math.max(1, Math.floor(maxEpochs / eta ** (s - i))),
  }));
}

/** Epochs trained in all: each rung's trials × its epochs (a trial kept is trained again from its start). */
export function halvingEpochs(rungs: readonly Rung[]): number {
  return rungs.reduce((sum, r) => sum + r.trials * r.epochs, 0);
}

/** What advancing a rung decided. */
export interface RungOutcome {
  /** The rung that just ended (0-based). */
  rung: number;
  /** Trials kept for the next rung, best first; empty after the last rung. */
  continued: number[];
  /** Trials that stop here (weaker than the kept ones, or failed). */
  stopped: number[];
}

/**
 * The bookkeeping of one halving bracket. Trials are ids; a rung's trials may run in any order
 * (also two at once); when all have reported, `advance` ranks them by score (ties: the earlier
 * trial first; a failed trial, score NaN, never continues) and keeps the next rung's count.
 */
export class SuccessiveHalving {
  private rungIndex = 0;
  private members: number[];
  private scores = new Map<number, number>();
  private finished = false;

  constructor(
    trials: readonly number[],
    readonly rungs: readonly Rung[],
  ) {
    if (rungs.length === 0) throw new Error('Successive halving needs at least one rung.');
    this.members = [...trials];
  }

  /** The rung under way: its index, epochs and trials; null when the bracket is over. */
  get current(): { rung: number; epochs: number; trials: readonly number[] } | null {
    if (this.finished) return null;
    return { rung: this.rungIndex, epochs: this.rungs[this.rungIndex].epochs, trials: this.members };
  }

  /** Trials of the current rung that have not reported yet, in order. */
  get waiting(): number[] {
    return this.finished ? [] : this.members.filter((t) => !this.scores.has(t));
  }

  /** A trial's score (validation accuracy) at the current rung; NaN when it failed. */
  report(trial: number, score: number): void {
    if (this.finished || !this.members.includes(trial)) throw new Error(`Trial ${trial} is not in the current rung.`);
    this.scores.set(trial, score);
  }

  /** Ends the rung once every trial has reported: keeps the best for the next rung. */
  advance(): RungOutcome {
    if (this.finished) throw new Error('The bracket is over.');
    if (this.waiting.length) throw new Error(`Trials ${this.waiting.join(', ')} have not reported yet.`);
    const rung = this.rungIndex;
    const ranked = this.members
      .map((trial, order) => ({ trial, order, score: this.scores.get(trial)! }))
      .sort((a, b) => (Number.isNaN(b.score) ? -1 : Number.isNaN(a.score) ? 1 : b.score - a.score || a.order - b.order));
    const last = rung === this.rungs.length - 1;
    const keep = last ? 0 : this.rungs[rung + 1].trials;
    const continued = ranked.filter((r) => !Number.isNaN(r.score)).slice(0, keep).map((r) => r.trial);
    const stopped = this.members.filter((t) => !continued.includes(t) && !last);
    this.scores.clear();
    if (last || continued.length === 0) {
      this.finished = true;
      this.members = [];
    } else {
      this.rungIndex++;
      this.members = continued;
    }
    return { rung, continued, stopped };
  }
}
