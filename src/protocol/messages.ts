/**
 * Every message between the page and the studio worker. Both sides switch exhaustively on
 * `type` and end in assertNever. Messages of a training run carry its `runId`; the page drops
 * events whose runId is not the current run, so late events of a stopped run never land.
 * Requests that expect one answer carry a `requestId` that the answer repeats.
 */
import type { ModelSpec } from '../core/modelSpec';
import type { BackendChoice, TrainConfig } from '../core/trainConfig';
import type { RowProblem } from '../core/dataset';
import type { MetricsReport } from '../core/metrics';

export type BackendName = 'webgpu' | 'webgl' | 'cpu';

/** Which backend tfjs runs on, and why when it is not the first choice. */
export interface BackendInfo {
  name: BackendName;
  /** Set when the backend is not the one asked for (or not WebGPU under "auto"): what failed. */
  fallbackReason: string | null;
  /** Adapter description, e.g. "google swiftshader (software)". */
  adapter: string | null;
}

/** Where a dataset comes from. A File is sent as is: structured clone passes a handle, not bytes. */
export type DatasetSource = { kind: 'url'; url: string; name: string } | { kind: 'file'; file: File; name: string };

/** What the page shows of a parsed file before columns are chosen. */
export interface TableInfo {
  name: string;
  columns: string[];
  rowCount: number;
  hasHeader: boolean;
  /** First rows, for the preview table (cells cut to 200 characters). */
  preview: string[][];
  guess: { text: number; label: number };
  /** Things the user should know about how the file was read (encoding, quotes). */
  notices: string[];
}

/** The dataset as it will be trained on. */
export interface DatasetSummary {
  examples: number;
  classes: string[];
  classCounts: number[];
  /** Accuracy of always answering the most common class. */
  majorityRate: number;
  problems: RowProblem[];
  /** Mean text length in characters. */
  meanChars: number;
}

export interface Preprocess {
  textColumn: number;
  labelColumn: number;
}

export interface TrainRequest {
  spec: ModelSpec;
  config: TrainConfig;
}

export interface EpochMetrics {
  /** 1-based. */
  epoch: number;
  /** Mean loss over the epoch's batches (categorical cross-entropy). */
  loss: number;
  /** Share of training samples classified right during the epoch, 0–1. */
  accuracy: number;
  valLoss: number;
  valAccuracy: number;
}

export interface TrainResult {
  /** Class names, in the order of the model's outputs. */
  classes: string[];
  epochs: EpochMetrics[];
  /** Validation accuracy of the kept weights, 0–1. */
  valAccuracy: number;
  valLoss: number;
  /** The majority-class rate on the validation split: the bar to beat. */
  valMajorityRate: number;
  validation: MetricsReport;
  confusion: number[][];
  durationMs: number;
  samplesPerSecond: number;
  backend: BackendName;
  stoppedEarly: boolean;
  trainCount: number;
  valCount: number;
  testCount: number;
}

/** What the library shows of a saved model. */
export interface SavedModelInfo {
  name: string;
  savedAt: string;
  dataset: string;
  classes: string[];
  valAccuracy: number | null;
  backend: BackendName;
  totalParams: number;
  /** Weights size in bytes. */
  sizeBytes: number;
}

export type ToWorker =
  | { type: 'init'; backend: BackendChoice }
  | { type: 'loadDataset'; requestId: number; source: DatasetSource }
  | { type: 'mapColumns'; requestId: number; preprocess: Preprocess }
  | { type: 'train'; runId: number; request: TrainRequest }
  | { type: 'pause'; runId: number }
  | { type: 'resume'; runId: number }
  | { type: 'stop'; runId: number }
  | { type: 'predict'; requestId: number; text: string }
  | { type: 'saveModel'; requestId: number; name: string }
  | { type: 'listModels'; requestId: number }
  | { type: 'loadModel'; requestId: number; name: string }
  | { type: 'deleteModel'; requestId: number; name: string };

export type FromWorker =
  | { type: 'backend'; info: BackendInfo }
  | { type: 'tableLoaded'; requestId: number; table: TableInfo }
  | { type: 'datasetReady'; requestId: number; summary: DatasetSummary }
  | { type: 'trainStarted'; runId: number; backend: BackendInfo; trainCount: number; valCount: number; batchesPerEpoch: number }
  | {
      type: 'batch';
      runId: number;
      epoch: number;
      /** 1-based batch within the epoch. */
      batch: number;
      /** Batches finished since the run started. */
      step: number;
      loss: number;
      accuracy: number;
      samplesPerSecond: number;
    }
  | { type: 'epoch'; runId: number; metrics: EpochMetrics }
  | { type: 'paused'; runId: number }
  | { type: 'resumed'; runId: number }
  | { type: 'trainDone'; runId: number; result: TrainResult }
  | { type: 'prediction'; requestId: number; text: string; classes: string[]; probabilities: number[] }
  | { type: 'models'; requestId: number; models: SavedModelInfo[] }
  | { type: 'modelSaved'; requestId: number; model: SavedModelInfo }
  | { type: 'modelLoaded'; requestId: number; model: SavedModelInfo; spec: ModelSpec }
  | { type: 'modelDeleted'; requestId: number; name: string }
  | { type: 'error'; requestId?: number; runId?: number; message: string };

export function assertNever(value: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(value)}`);
}
