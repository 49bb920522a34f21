/**
 * Every message between the page and the studio worker. Both sides switch exhaustively on
 * `type` and end in assertNever. Messages of a training run carry its `runId`; the page drops
 * events whose runId is not the current run, so late events of a stopped run never land.
 * Requests that expect one answer carry a `requestId` that the answer repeats.
 */
import type { ModelSpec } from '../core/model/modelSpec';
import type { BackendChoice, TrainConfig } from '../core/train/trainConfig';
import type { TrainerEnvironment } from '../core/train/backendPolicy';
import type { RowProblem } from '../core/data/dataset';
import type { Detected, IngestOptions } from '../core/data/ingestFormat';
import type { DatasetCheck } from '../core/data/validateDataset';
import type { LengthSummary } from '../core/data/datasetStats';
import type { MetricsReport } from '../core/eval/metrics';
import type { TokenizerOptions } from '../core/text/tokenizerMode';
import type { PreprocessStats, PreprocessStatsRequest } from '../core/text/preprocessReport';
import type { WeightQuantization } from '../core/export/quantize';
import type { BundleMetadata } from '../core/export/bundle';
import type { TestFileReport } from '../core/data/testFile';
import type { BaselineSummary } from '../core/eval/baselineRun';
import type { CrossValidationProgress, FoldResult } from '../core/eval/crossValidation';
import type { CrossValidateRequest, CrossValidationResult } from './crossValidationMessages';
import type { SearchFromWorker, SearchToWorker } from './searchMessages';

/** The tfjs backends the studio starts. */
export type TfjsBackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
/** What trains: a tfjs backend, or 'engine', the studio's own WebAssembly SIMD trainer. */
export type BackendName = TfjsBackendName | 'engine';

/** What trains, and why when it is not the first choice. */
export interface BackendInfo {
  name: BackendName;
  /** Set when the backend is not the one asked for (or not WebGPU under "auto"): what failed. */
  fallbackReason: string | null;
  /** Adapter description, e.g. "google swiftshader (software)"; for the engine, its kernel build. */
  adapter: string | null;
  /** When the engine trains: the tfjs backend that holds the model for evaluation and saving. */
  evaluation?: TfjsBackendName;
  /**
   * What the worker knows of this browser (hardware WebGPU, WebAssembly SIMD): the page passes
   * it to planTrainer to show what Auto will pick. Absent only on infos that never left the worker.
   */
  environment?: TrainerEnvironment;
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
  /** The format and delimiter used (detection with the user's overrides), and what detection found. */
  format: Detected;
  detected: Detected;
  /** The overrides this table was read with. */
  options: IngestOptions;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** Tab-separated files: data rows counted with `"` as a quote and as an ordinary character. */
  rowCounts: { quoteAware: number; quoteBlind: number } | null;
  /** Row number of each preview row. */
  previewRows: number[];
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
  /** Every check of the data (errors first), with counts and example rows. */
  checks: DatasetCheck[];
  /** Text lengths in characters: histogram and percentiles. */
  lengths: LengthSummary;
  /** The first examples as they will be used (text cut to 300 characters). */
  preview: { row: number; text: string; label: string }[];
  /** Rows removed by "Drop duplicates". */
  dropped: number;
}

/** A separate test file as matched to the current data: its report, or why it does not fit (then the report is null). */
export interface TestFileStatus {
  name: string;
  report: TestFileReport | null;
  error: string | null;
}

/** How far the worker is in reading a file (answers nothing: the load's answer is tableLoaded). */
export interface LoadProgress {
  /** Bytes read so far. */
  bytes: number;
  /** File size in bytes; null when unknown. */
  totalBytes: number | null;
  /** Rows parsed so far. */
  rows: number;
}

export interface Preprocess {
  /** Column indexes whose cells, joined in column order with one space, make each text (at least one). */
  textColumns: number[];
  labelColumn: number;
  /** Keep one copy of each repeated text and drop texts whose copies disagree on the label. */
  dropDuplicates?: boolean;
}

export interface TrainRequest {
  spec: ModelSpec;
  config: TrainConfig;
  /** The Preprocess step's choices; 'auto' is resolved on the training split. */
  tokenizer: TokenizerOptions;
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
  /** 'user': Stop was pressed; 'early': early stopping ended the run. */
  stopReason: 'completed' | 'user' | 'early';
  /** Set when the model went back to the weights of this (best) epoch. */
  restoredEpoch: number | null;
  /** Texts trained on per epoch, augmented copies included. */
  trainCount: number;
  /** Of those, copies added by augmentation (absent or 0: off; runs from before it). */
  augmented?: number;
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

/** A token of the text as the model saw it, with its share in the decision (positive: for it). */
export interface HighlightedToken {
  token: string;
  weight: number;
}

/** Held-out predictions of one split (see src/core/evaluation.ts). */
export interface SplitPredictionsMessage {
  name: 'validation' | 'test';
  rows: Int32Array;
  truth: Int32Array;
  /** Row-major probabilities, rows × classes. */
  probs: Float32Array;
  /** Set when the test rows come from a separate test file: its name, rows kept and labels left out. */
  file?: TestFileReport;
}

/** Bytes this origin uses in the browser's storage, and how many it may use (StorageManager.estimate). */
export interface StorageInfo {
  usage: number;
  quota: number;
}

/** One way to store the exported weights, measured before the user decides. */
export interface QuantizationOption {
  mode: WeightQuantization;
  /** Bytes of the weights file. */
  weightsBytes: number;
  /** Accuracy on the held-out split with these weights (0–1); null when no held-out rows are kept. */
  accuracy: number | null;
  /** Mean categorical cross-entropy on the held-out split; null as above. */
  loss: number | null;
}

/** Weights size and held-out accuracy for float32, float16 and 8-bit weights. */
export interface QuantizationReport {
  /** Which held-out split was used (test when there is one); null for a loaded model. */
  split: 'test' | 'validation' | null;
  /** Texts measured: the held-out split, or an evenly spread sample of it when it is larger. */
  rows: number;
  /** Texts in that held-out split (rows < heldOut when sampled). */
  heldOut: number;
  /** Wall time of the comparison, ms. */
  elapsedMs: number;
  options: QuantizationOption[];
}

/**
 * Where a run's linear baseline is (TF-IDF + logistic regression, trained in its own worker
 * beside the CNN on the same split, or after it on a machine with too few cores). 'cancelled':
 * the run was stopped or failed first.
 */
export type BaselineReport =
  /** It waits for the CNN to finish: too few cores to train both at once without slowing the CNN. */
  | { state: 'waiting'; /** navigator.hardwareConcurrency. */ cores: number }
  | { state: 'running'; /** Share done, 0–1. */ fraction: number }
  | { state: 'done'; summary: BaselineSummary }
  | { state: 'failed'; message: string }
  | { state: 'cancelled' };

/** One file of a downloaded bundle; `data` travels as a transferable. */
export interface BundleFile {
  path: string;
  data: ArrayBuffer;
}

export type ToWorker =
  | {
      type: 'init';
      backend: BackendChoice;
      /** Web Lock the worker holds for its whole life: the page is granted it when the worker is gone, even without an error event. */
      aliveLock?: string;
    }
  /** Heartbeat: the worker answers pong with the same `seq` (the page replaces a worker that stops answering). */
  | { type: 'ping'; seq: number }
  | { type: 'loadDataset'; requestId: number; source: DatasetSource; /** Format overrides; absent: detect everything. */ options?: IngestOptions }
  /** Stops the load with this requestId between two chunks; it then answers an error and keeps the previous dataset. */
  | { type: 'cancelLoad'; target: number }
  | { type: 'mapColumns'; requestId: number; preprocess: Preprocess }
  /**
   * Reads a separate test file (parsed like a dataset, matched to the data's columns by name and to
   * its classes); null drops the one held. A file that fails to read leaves the previous one.
   */
  | { type: 'loadTestFile'; requestId: number; file: File | null }
  | { type: 'train'; runId: number; request: TrainRequest }
  | { type: 'pause'; runId: number }
  | { type: 'resume'; runId: number }
  | { type: 'stop'; runId: number }
  | { type: 'predict'; requestId: number; text: string }
  | { type: 'preprocessStats'; requestId: number; request: PreprocessStatsRequest }
  | { type: 'texts'; requestId: number; rows: number[] }
  | { type: 'measure'; requestId: number; spec: ModelSpec; classCount: number; batchSize: number; backend: BackendChoice }
  | { type: 'predictFile'; requestId: number; file: File }
  | { type: 'saveModel'; requestId: number; name: string; /** Replace a saved model of that name (the user confirmed). */ overwrite?: boolean }
  | { type: 'renameModel'; requestId: number; name: string; newName: string }
  | { type: 'duplicateModel'; requestId: number; name: string }
  | { type: 'exportModel'; requestId: number; name: string; quantization: WeightQuantization }
  | { type: 'previewQuantization'; requestId: number }
  /** Stops the weight-format comparison with this requestId between two batches; it answers an error. */
  | { type: 'cancelQuantization'; target: number }
  /** One dummy prediction on the active model, so the first real one does not pay for compiling. */
  | { type: 'warmModel'; requestId: number }
  /** Evaluates the active model on the current dataset's held-out rows (the split the Train step's settings give). */
  | { type: 'evaluateCurrent'; requestId: number; validationSplit: number; testSplit: number; seed: number }
  /** Trains and scores the CNN (and the baseline) on k folds; answers crossValidated, with progress and a message per finished fold. */
  | { type: 'crossValidate'; requestId: number; request: CrossValidateRequest }
  /** Stops the cross-validation with this requestId after the current batch; it answers an error and no result. */
  | { type: 'cancelCrossValidation'; target: number }
  | { type: 'importModel'; requestId: number; files: File[]; /** Name in the library; empty: taken from the file. */ name: string }
  | { type: 'listModels'; requestId: number }
  | { type: 'loadModel'; requestId: number; name: string }
  | { type: 'deleteModel'; requestId: number; name: string }
  | SearchToWorker;

export type FromWorker =
  | { type: 'backend'; info: BackendInfo }
  | { type: 'tableLoaded'; requestId: number; table: TableInfo }
  | ({ type: 'loadProgress'; /** The requestId of the loadDataset it reports on. */ loadId: number } & LoadProgress)
  | {
      type: 'datasetReady';
      requestId: number;
      summary: DatasetSummary;
      /** The test file held, matched again to the new columns and classes (error: why it no longer fits); null when none. */
      testFile: TestFileStatus | null;
    }
  | { type: 'testFileReady'; requestId: number; testFile: TestFileStatus | null }
  | {
      type: 'trainStarted';
      runId: number;
      backend: BackendInfo;
      /** Texts trained on per epoch, augmented copies included. */
      trainCount: number;
      /** Of those, copies added by augmentation (absent or 0: off). */
      augmented?: number;
      valCount: number;
      batchesPerEpoch: number;
      /** null when the fused convolution + max-pool step trains; otherwise why the standard path does. */
      fused: string | null;
      /** What the fused step runs on, in words ('fused WGSL kernels'; 'tfjs ops', with why on WebGPU); null when it does not train. */
      fusedKernels?: string | null;
    }
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
  /** The run's baseline: progress (a few times a second), then its result, failure or cancellation. */
  | { type: 'baseline'; runId: number; report: BaselineReport }
  | {
      type: 'prediction';
      requestId: number;
      text: string;
      classes: string[];
      probabilities: number[];
      /** Null when the architecture has no max-pooled convolution to explain with. */
      highlights: HighlightedToken[] | null;
    }
  | { type: 'evaluation'; runId: number; classes: string[]; splits: SplitPredictionsMessage[] }
  | { type: 'texts'; requestId: number; texts: string[] }
  | { type: 'measured'; requestId: number; backend: BackendName; samplesPerSecond: number }
  | {
      type: 'filePredictions';
      requestId: number;
      /** Suggested download name. */
      name: string;
      /** CSV text, formula-neutralised. */
      csv: string;
      rows: number;
      /** Rows per predicted class. */
      counts: number[];
      classes: string[];
      /** The text column(s) read, "title + description" when several are joined. */
      textColumn: string;
      skipped: number;
    }
  | { type: 'models'; requestId: number; models: SavedModelInfo[]; storage?: StorageInfo | null }
  | { type: 'bundleReady'; requestId: number; files: BundleFile[] }
  | { type: 'quantizationReport'; requestId: number; report: QuantizationReport }
  /** How far the weight-format comparison with requestId `previewId` is: texts scored of `total`. */
  | { type: 'quantizationProgress'; previewId: number; done: number; total: number }
  | { type: 'modelWarmed'; requestId: number; /** Time of the dummy prediction, ms. */ ms: number }
  | { type: 'currentEvaluation'; requestId: number; classes: string[]; splits: SplitPredictionsMessage[] }
  | { type: 'modelSaved'; requestId: number; model: SavedModelInfo }
  | { type: 'modelLoaded'; requestId: number; model: SavedModelInfo; spec: ModelSpec; /** Its metadata.json: dataset, metrics, time. */ metadata: BundleMetadata }
  | { type: 'modelDeleted'; requestId: number; name: string }
  | { type: 'preprocessStatsReady'; requestId: number; stats: PreprocessStats; /** Worker time for the statistics, ms. */ elapsedMs: number }
  | { type: 'pong'; seq: number }
  /** How far the cross-validation with requestId `cvId` is. */
  | { type: 'crossValidationProgress'; cvId: number; progress: CrossValidationProgress }
  /** One fold of the cross-validation with requestId `cvId` is scored. */
  | { type: 'crossValidationFold'; cvId: number; fold: FoldResult }
  | { type: 'crossValidated'; requestId: number; result: CrossValidationResult }
  /** The run's best weights so far are in the model library under `name` (kept if the run is cut off; deleted when it ends). */
  | { type: 'checkpointSaved'; runId: number; name: string; epoch: number; /** 0–1. */ valAccuracy: number }
  /** The worker holds the init message's `aliveLock` now: the page may start waiting for it. */
  | { type: 'lockHeld'; lock: string }
  | { type: 'error'; requestId?: number; runId?: number; message: string }
  | SearchFromWorker;

/** A worker answer to one request: the messages that repeat a `requestId`. */
export type Answer = Extract<FromWorker, { requestId: number }>;

/** A request to the worker without its `requestId`: the page's client assigns it. */
export type Request = ToWorker extends infer M ? (M extends { requestId: number } ? Omit<M, 'requestId'> : never) : never;

export function assertNever(value: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(value)}`);
}
