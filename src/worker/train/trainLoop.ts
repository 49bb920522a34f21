import { mulberry32, shuffleInPlace } from '../../core/random';
import { EarlyStopper, defaultEarlyStopping, learningRateAt, type EarlyStoppingConfig, type TrainConfig } from '../../core/train/trainConfig';
import type { EpochMetrics } from '../../protocol/messages';
import { scoreRows, yieldToEvents, type Encoded, type Trainee } from './trainer';

/** Pause, resume and stop as the page sets them; the loop reads them between batches. */
export interface RunControl {
  paused: boolean;
  stopRequested: boolean;
  /** Resolves a pending pause when resumed or stopped. */
  wake: (() => void) | null;
}

/**
 * The settings the loop reads: the run's TrainConfig itself, as the request carried it (absent
 * early stopping means the studio's default: no patience, best weights restored on Stop).
 */
export type LoopConfig = Pick<TrainConfig, 'epochs' | 'batchSize' | 'seed' | 'learningRate' | 'schedule' | 'earlyStopping'>;

/** One finished batch: loss and accuracy of that batch, speed since the run started (samples/s). */
export interface BatchInfo {
  epoch: number;
  /** 1-based batch within the epoch. */
  batch: number;
  /** Batches finished since the run started. */
  step: number;
  loss: number;
  accuracy: number;
  samplesPerSecond: number;
}

/** What the loop reports as it goes. */
export interface LoopEvents {
  onBatch: (info: BatchInfo) => void;
  onEpoch: (metrics: EpochMetrics) => void;
  onPause: () => void;
  onResume: () => void;
}

/** How a run ended: all epochs, the user's Stop, or early stopping. */
export type StopReason = 'completed' | 'user' | 'early';

export interface TrainLoopResult {
  epochs: EpochMetrics[];
  stopReason: StopReason;
  /** The epoch whose weights the model holds at the end when best weights were restored. */
  restoredEpoch: number | null;
  samplesSeen: number;
  /** Time spent in optimizer steps, ms (validation and pauses excluded). */
  trainingMs: number;
}

/** Counters across the whole run, for the speed figures. */
interface Progress {
  step: number;
  samplesSeen: number;
  trainingMs: number;
}

/**
 * The training loop: seeded shuffle per epoch, the scheduled learning rate, one optimizer step
 * per batch, validation after every epoch. Pause waits between batches; stop ends after the
 * current batch.
 */
export async function trainLoop<Snapshot>(
  trainee: Trainee<Snapshot>,
  data: Encoded,
  train: Int32Array,
  validation: Int32Array,
  control: RunControl,
  config: LoopConfig,
  events: LoopEvents,
): Promise<TrainLoopResult> {
  const best = new BestEpoch(trainee, config.earlyStopping ?? defaultEarlyStopping());
  const random = mulberry32(config.seed ^ 0x9e3779b9);
  const order = Int32Array.from(train);
  const epochs: EpochMetrics[] = [];
  const progress: Progress = { step: 0, samplesSeen: 0, trainingMs: 0 };
  const finish = (stopReason: StopReason): TrainLoopResult => {
    const restoredEpoch = best.finish(stopReason, epochs.length);
    return { epochs, stopReason, restoredEpoch, samplesSeen: progress.samplesSeen, trainingMs: progress.trainingMs };
  };
  for (let epoch = 1; epoch <= config.epochs; epoch++) {
    shuffleInPlace(order, random);
    trainee.setLearningRate(learningRateAt(config, epoch));
    const sums = await trainEpoch(trainee, data, order, epoch, config.batchSize, control, progress, events);
    if (sums === null) return finish('user');
    const val = scoreRows(await trainee.predict(data, validation), data, validation);
    const metrics: EpochMetrics = { epoch, loss: sums.loss / sums.seen, accuracy: sums.correct / sums.seen, valLoss: val.loss, valAccuracy: val.accuracy };
    epochs.push(metrics);
    events.onEpoch(metrics);
    best.update(epoch, metrics);
    if (best.shouldStop) return finish('early');
  }
  return finish('completed');
}

/**
 * The batches of one epoch in `order`; returns the sample-weighted sums of loss and correct
 * answers, or null when Stop was pressed. Throws when the loss stops being a number.
 */
async function trainEpoch(
  trainee: Trainee<unknown>,
  data: Encoded,
  order: Int32Array,
  epoch: number,
  batchSize: number,
  control: RunControl,
  progress: Progress,
  events: LoopEvents,
): Promise<{ loss: number; correct: number; seen: number } | null> {
  const sums = { loss: 0, correct: 0, seen: 0 };
  const batches = Math.ceil(order.length / batchSize);
  for (let b = 0; b < batches; b++) {
    if (await stopRequested(control, events)) return null;
    const start = b * batchSize;
    const end = Math.min(order.length, start + batchSize);
    const t0 = performance.now();
    const [loss, accuracy] = await trainee.step(data, order, start, end);
    progress.trainingMs += performance.now() - t0;
    if (!Number.isFinite(loss)) {
      throw new Error(
        `The loss became ${loss} at epoch ${epoch}, batch ${b + 1}: training diverged. Lower the learning rate (try ÷10) or switch to Adam.`,
      );
    }
    const n = end - start;
    progress.step++;
    progress.samplesSeen += n;
    sums.loss += loss * n;
    sums.correct += accuracy * n;
    sums.seen += n;
    events.onBatch({ epoch, batch: b + 1, step: progress.step, loss, accuracy, samplesPerSecond: progress.samplesSeen / (progress.trainingMs / 1000) });
  }
  return sums;
}

/** Lets pause/stop messages in, waits out a pause, and says whether the run should stop now. */
async function stopRequested(control: RunControl, events: LoopEvents): Promise<boolean> {
  await yieldToEvents();
  if (control.paused && !control.stopRequested) {
    events.onPause();
    await new Promise<void>((resolve) => (control.wake = resolve));
    control.wake = null;
    if (!control.stopRequested) events.onResume();
  }
  return control.stopRequested;
}

/**
 * Early stopping's bookkeeping: which epoch was best, a copy of its weights when they are to be
 * restored, and whether the plateau has lasted long enough to stop.
 */
class BestEpoch<Snapshot> {
  private readonly stopper: EarlyStopper;
  private best: Snapshot | null = null;

  constructor(
    private readonly trainee: Trainee<Snapshot>,
    private readonly config: EarlyStoppingConfig,
  ) {
    this.stopper = new EarlyStopper(config);
  }

  update(epoch: number, metrics: EpochMetrics): void {
    if (this.stopper.update(epoch, metrics) && this.config.restoreBest) {
      if (this.best) this.trainee.release(this.best);
      this.best = this.trainee.snapshot();
    }
  }

  get shouldStop(): boolean {
    return this.stopper.shouldStop;
  }

  /**
   * Ends the run: goes back to the best epoch's weights when the run was cut short or early
   * stopping is on (a full run without patience keeps its last weights). Returns the restored epoch.
   */
  finish(stopReason: StopReason, epochsRun: number): number | null {
    let restoredEpoch: number | null = null;
    const restore = stopReason !== 'completed' || this.config.patience > 0;
    const bestEpoch = this.stopper.bestEpoch;
    if (restore && this.best && bestEpoch && bestEpoch !== epochsRun) {
      this.trainee.restore(this.best);
      restoredEpoch = bestEpoch;
    }
    if (this.best) this.trainee.release(this.best);
    return restoredEpoch;
  }
}
