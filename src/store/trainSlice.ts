import type { StateCreator } from 'zustand';
import { PRESETS } from '../core/train/presets';
import type { RunRecord } from '../core/train/runRecord';
import type { TrainConfig } from '../core/train/trainConfig';
import type { BaselineSummary } from '../core/eval/baselineRun';
import type { BackendInfo, BaselineReport, EpochMetrics, FromWorker, TrainResult } from '../protocol/messages';

/** Most per-batch points kept (the charts downsample them to ~1,000 drawn); past it every other point goes. */
export const MAX_BATCH_POINTS = 20_000;

/** Most runs compared at once: as many as the comparison charts have colours. */
export const MAX_COMPARED_RUNS = 6;

export type TrainStatus = 'idle' | 'starting' | 'training' | 'paused' | 'stopping' | 'done' | 'error';

/** One point of the per-batch charts. */
export interface BatchPoint {
  /** Batches finished since the run started. */
  step: number;
  /** Mean loss over the batch (categorical cross-entropy). */
  loss: number;
  /** Share of the batch classified right, 0–1. */
  accuracy: number;
}

/** Where the current run is. */
export interface TrainProgress {
  /** 1-based. */
  epoch: number;
  /** 1-based batch within the epoch; 0 before the first one ends. */
  batch: number;
  batchesPerEpoch: number;
  samplesPerSecond: number;
  /** Batches finished since the run started. */
  step: number;
  /** performance.now() when the worker reported the start, ms. */
  startedAt: number;
}

/** A training result as the run history keeps it: without the per-class report and confusion matrix. */
export type RunSummary = Omit<TrainResult, 'validation' | 'confusion'>;
/** One finished run in the history, with its linear baseline when that finished. */
export type RunHistoryEntry = RunRecord<RunSummary> & { baseline?: BaselineSummary };

/** The start of a run as the worker reports it. */
export type RunStart = Pick<Extract<FromWorker, { type: 'trainStarted' }>, 'backend' | 'trainCount' | 'augmented' | 'valCount' | 'batchesPerEpoch' | 'fused' | 'fusedKernels'>;
/** A finished batch as the worker reports it. */
export type BatchReport = Pick<Extract<FromWorker, { type: 'batch' }>, 'epoch' | 'batch' | 'step' | 'loss' | 'accuracy' | 'samplesPerSecond'>;

/** The Train step: the settings, the run in progress or last finished, and the run history. */
export interface TrainState {
  config: TrainConfig;
  status: TrainStatus;
  /** Id of the current run; worker events of other runs are dropped by the client. */
  runId: number;
  backend: BackendInfo | null;
  batches: BatchPoint[];
  epochs: EpochMetrics[];
  progress: TrainProgress | null;
  /** Texts in the training (augmented copies included) and validation splits of the current run. */
  counts: { train: number; augmented: number; validation: number } | null;
  /** For the current run: null when the fused convolution + max-pool step trains, else why not. */
  fused: string | null;
  /** For the current run: what the fused step runs on, in words (null when it does not train or is not known). */
  fusedKernels: string | null;
  result: TrainResult | null;
  /** The current run's linear baseline; null when it is off or no run has started. */
  baseline: BaselineReport | null;
  error: string | null;
  /** Finished runs kept in IndexedDB, newest first; ids of those picked for comparison. */
  history: RunHistoryEntry[];
  compare: number[];
}

export interface TrainActions {
  /** Changes some training settings, keeping the others. */
  setTrainConfig(changes: Partial<TrainConfig>): void;
  /** The worker says what trains (at start, and when a run picks its backend). */
  backendChosen(info: BackendInfo): void;
  /** Clears the last run's figures for a new run; returns the new run's id. */
  startRun(): number;
  /** `startedAt`: performance.now() when the start was reported, ms. */
  runStarted(start: RunStart, startedAt: number): void;
  /** Appends the batch's point (thinning old points past MAX_BATCH_POINTS) and moves the progress. */
  batchArrived(report: BatchReport): void;
  epochEnded(metrics: EpochMetrics): void;
  runPaused(): void;
  runResumed(): void;
  stopRequested(): void;
  runFailed(message: string): void;
  /** The worker reports on the current run's baseline. */
  baselineReported(report: BaselineReport): void;
  /** Shows an error on the Train step without changing the run's status. */
  showTrainError(message: string): void;
  /** The run history as read from IndexedDB, newest first. */
  historyLoaded(runs: RunHistoryEntry[]): void;
  /** Picks or unpicks a run for comparison; past MAX_COMPARED_RUNS the oldest pick goes. */
  toggleCompare(id: number): void;
  /** A run was deleted from the history: it is no longer compared. */
  runDeleted(id: number): void;
}

export type TrainSlice = { train: TrainState } & TrainActions;

export function initialTrainState(): TrainState {
  return {
    config: structuredClone(PRESETS[0].train),
    status: 'idle',
    runId: 0,
    backend: null,
    batches: [],
    epochs: [],
    progress: null,
    counts: null,
    fused: null,
    fusedKernels: null,
    result: null,
    baseline: null,
    error: null,
    history: [],
    compare: [],
  };
}

/** The chart points after one more batch: past the limit, every other point goes. */
function withBatch(batches: BatchPoint[], point: BatchPoint): BatchPoint[] {
  const next = [...batches, point];
  return next.length > MAX_BATCH_POINTS ? next.filter((_, i) => i % 2 === 1) : next;
}

export const createTrainSlice: StateCreator<TrainSlice, [], [], TrainSlice> = (set, get) => {
  const update = (changes: Partial<TrainState>) => set((s) => ({ train: { ...s.train, ...changes } }));
  return {
    train: initialTrainState(),
    setTrainConfig: (changes) => set((s) => ({ train: { ...s.train, config: { ...s.train.config, ...changes } } })),
    backendChosen: (backend) => update({ backend }),
    startRun: () => {
      const runId = get().train.runId + 1;
      update({ runId, status: 'starting', batches: [], epochs: [], progress: null, result: null, baseline: null, error: null, counts: null });
      return runId;
    },
    runStarted: (start, startedAt) =>
      update({
        status: 'training',
        backend: start.backend,
        counts: { train: start.trainCount, augmented: start.augmented ?? 0, validation: start.valCount },
        fused: start.fused,
        fusedKernels: start.fusedKernels ?? null,
        progress: { epoch: 1, batch: 0, batchesPerEpoch: start.batchesPerEpoch, samplesPerSecond: 0, step: 0, startedAt },
      }),
    batchArrived: (report) => {
      const { train } = get();
      update({
        batches: withBatch(train.batches, { step: report.step, loss: report.loss, accuracy: report.accuracy }),
        progress: train.progress && {
          ...train.progress,
          epoch: report.epoch,
          batch: report.batch,
          step: report.step,
          samplesPerSecond: report.samplesPerSecond,
        },
      });
    },
    epochEnded: (metrics) => update({ epochs: [...get().train.epochs, metrics] }),
    runPaused: () => update({ status: 'paused' }),
    runResumed: () => update({ status: 'training' }),
    stopRequested: () => update({ status: 'stopping' }),
    runFailed: (error) => update({ status: 'error', error }),
    baselineReported: (baseline) => update({ baseline }),
    showTrainError: (error) => update({ error }),
    historyLoaded: (history) => update({ history }),
    toggleCompare: (id) => {
      const { compare } = get().train;
      update({ compare: compare.includes(id) ? compare.filter((c) => c !== id) : [...compare, id].slice(-MAX_COMPARED_RUNS) });
    },
    runDeleted: (id) => update({ compare: get().train.compare.filter((c) => c !== id) }),
  };
};
