import type { ModelSpec } from '../../core/model/modelSpec';
import type { TokenizerOptions } from '../../core/text/tokenizerMode';
import type { TrainConfig } from '../../core/train/trainConfig';
import type { BackendInfo, EpochMetrics } from '../../protocol/messages';
import { chooseTrainer } from '../backends/trainerChoice';
import { session } from '../session';
import { checkRequest, encodeRun } from './runData';
import { modelAndTrainer } from './runTrainer';
import { scoreRows } from './trainer';
import { trainLoop, type BatchInfo, type RunControl } from './trainLoop';

/** One model to train on rows of `session.dataset` chosen by the caller (a fold, a search trial). */
export interface TrialInput {
  spec: ModelSpec;
  config: TrainConfig;
  tokenizer: TokenizerOptions;
  /** Row indices into the dataset: the tokenizer is fitted on `train` only; `validation` is scored. */
  rows: { train: Int32Array; validation: Int32Array };
}

/** How a trial went, scored on its validation rows with the weights it kept. */
export interface TrialOutcome {
  /** 0–1. */
  accuracy: number;
  /** Unweighted mean of the classes' F1, 0–1. */
  macroF1: number;
  /** Mean categorical cross-entropy. */
  loss: number;
  epochsRun: number;
  history: EpochMetrics[];
  backend: BackendInfo;
  /** Wall time of the whole trial (tokenizer, training, scoring), ms. */
  ms: number;
  /** Predicted class of each validation row, in `rows.validation`'s order. */
  predicted: Int32Array;
}

export interface TrialHooks {
  /** Aborting stops the trial after the current batch; runTrial then rejects with a TrialCancelled. */
  signal: AbortSignal;
  /** After every epoch; returning false ends this trial there (the best epoch's weights are kept if so configured). */
  onEpoch?: (epoch: number, metrics: EpochMetrics) => boolean | void;
  /** After every batch, for a progress bar. */
  onBatch?: (info: BatchInfo) => void;
}

/** The error a cancelled trial rejects with (name 'AbortError', like fetch's). */
export class TrialCancelled extends Error {
  constructor(message = 'Cancelled.') {
    super(message);
    this.name = 'AbortError';
  }
}

/** Whether an error is a cancellation rather than a failure. */
export const isCancelled = (error: unknown): boolean => error instanceof Error && error.name === 'AbortError';

const noop = () => undefined;

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new TrialCancelled();
}

/**
 * Trains one model on the given rows of the loaded dataset with the same pieces as a training
 * run (trainer choice, tokenizer, loop with early stopping and schedule), but without touching
 * the studio's run state: no checkpoint, no active model, no messages. Everything it made is
 * freed before it settles.
 */
export async function runTrial(input: TrialInput, hooks: TrialHooks): Promise<TrialOutcome> {
  const dataset = session.dataset;
  if (!dataset) throw new Error('Load a dataset and choose its columns first.');
  const { train, validation } = input.rows;
  if (train.length === 0 || validation.length === 0) throw new Error('A trial needs training rows and validation rows.');
  const classCount = dataset.classes.length;
  checkRequest(input, classCount);
  throwIfAborted(hooks.signal);
  const started = performance.now();
  const backend = await chooseTrainer(input.config.backend, input.spec, classCount);
  throwIfAborted(hooks.signal);
  const run = encodeRun(dataset, input, { train, validation, test: new Int32Array(0) });
  const { model, trainer } = await modelAndTrainer(backend, input, run);
  const control: RunControl = { paused: false, stopRequested: false, wake: null };
  const abort = () => {
    control.stopRequested = true;
    control.wake?.();
  };
  hooks.signal.addEventListener('abort', abort);
  try {
    throwIfAborted(hooks.signal);
    // run.trainRows: the training rows, then their augmented copies when augmentation is on.
    const loop = await trainLoop(trainer.trainee, run.data, run.trainRows, validation, control, input.config, {
      onBatch: hooks.onBatch ?? noop,
      onEpoch: (metrics) => {
        if (hooks.onEpoch?.(metrics.epoch, metrics) === false) control.stopRequested = true;
      },
      onPause: noop,
      onResume: noop,
    });
    throwIfAborted(hooks.signal);
    const val = scoreRows(await trainer.trainee.predict(run.data, validation), run.data, validation);
    throwIfAborted(hooks.signal);
    return {
      accuracy: val.accuracy,
      macroF1: val.report.macro.f1,
      loss: val.loss,
      epochsRun: loop.epochs.length,
      history: loop.epochs,
      backend,
      ms: performance.now() - started,
      predicted: val.predicted,
    };
  } finally {
    hooks.signal.removeEventListener('abort', abort);
    trainer.dispose();
    model.dispose();
  }
}
