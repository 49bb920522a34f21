import { create } from 'zustand';
import type { Stage } from '../core/model/mermaid';
import type { ModelSpec } from '../core/model/modelSpec';
import { PRESETS } from '../core/train/presets';
import type { TrainConfig } from '../core/train/trainConfig';
import type { IngestOptions } from '../core/data/ingestFormat';
import type { LoadProgress } from '../protocol/messages';
import type { BackendInfo, DatasetSummary, EpochMetrics, HighlightedToken, SavedModelInfo, TableInfo, TrainResult } from '../protocol/messages';
import type { SplitPredictions } from '../core/eval/evaluation';
import type { SpeedCalibration } from '../core/train/modelCost';
import type { RunRecord } from '../client/runHistory';
import type { QuantizationReport, StorageInfo } from '../protocol/messages';
import { defaultTokenizerOptions, type TokenizerOptions } from '../core/text/tokenizerMode';
import type { PreprocessStats } from '../core/text/preprocessReport';

/** One entry of public/datasets/manifest.json. */
export interface SampleDataset {
  id: string;
  name: string;
  description: string;
  file: string;
  rows: number;
  classes: string[];
  source: string;
  license: string;
  sizeBytes: number;
}

export interface DataSlice {
  samples: SampleDataset[];
  sampleId: string;
  /** What is being read right now, for the busy indicator; null when idle. */
  loading: string | null;
  table: TableInfo | null;
  textColumn: number;
  labelColumn: number;
  summary: DatasetSummary | null;
  error: string | null;
  /** How far the worker is in reading the file being loaded; null when idle or not yet known. */
  progress: LoadProgress | null;
  /** Cancel was pressed and the worker has not answered yet. */
  cancelling: boolean;
  /** A short note after a load was cancelled (the previous dataset stays). */
  notice: string | null;
  /** Format overrides for the current file ("auto" = detected). */
  ingestOptions: IngestOptions;
  /** Keep one copy of each repeated text; drop texts whose copies disagree. */
  dropDuplicates: boolean;
}

/** One point of the model's edit history. */
export interface SpecVersion {
  spec: ModelSpec;
  presetId: string;
}

export interface ModelSlice {
  /** Earlier versions, oldest first (undo), and undone ones, next first (redo). */
  past: SpecVersion[];
  future: SpecVersion[];
  /** The last measured training speed, to estimate time per epoch before training. */
  calibration: SpeedCalibration | null;
  measuring: boolean;
  presetId: string;
  spec: ModelSpec;
}

export type TrainStatus = 'idle' | 'starting' | 'training' | 'paused' | 'stopping' | 'done' | 'error';

export interface BatchPoint {
  step: number;
  loss: number;
  accuracy: number;
}

export interface TrainSlice {
  config: TrainConfig;
  status: TrainStatus;
  runId: number;
  backend: BackendInfo | null;
  batches: BatchPoint[];
  epochs: EpochMetrics[];
  progress: { epoch: number; batch: number; batchesPerEpoch: number; samplesPerSecond: number; step: number; startedAt: number } | null;
  counts: { train: number; validation: number } | null;
  /** For the current run: null when the fused convolution + max-pool step trains, else why not. */
  fused: string | null;
  result: TrainResult | null;
  error: string | null;
  /** Finished runs kept in IndexedDB, newest first; ids of those picked for comparison. */
  history: RunRecord[];
  compare: number[];
}

export interface Prediction {
  text: string;
  classes: string[];
  probabilities: number[];
  highlights: HighlightedToken[] | null;
}

/** The outcome of predicting an uploaded file, ready to download. */
export interface FilePrediction {
  name: string;
  url: string;
  rows: number;
  counts: number[];
  classes: string[];
  textColumn: string;
  skipped: number;
}

export interface EvaluateSlice {
  /** Held-out predictions of the last finished run. */
  evaluation: { runId: number; classes: string[]; splits: SplitPredictions[] } | null;
  split: SplitPredictions['name'];
  /** Two classes only: predict the second class at or above this probability; null = argmax. */
  threshold: number | null;
  prediction: Prediction | null;
  predictError: string | null;
  filePrediction: FilePrediction | null;
  fileBusy: string | null;
  fileError: string | null;
}

export interface ExportSlice {
  modelName: string;
  saved: SavedModelInfo[];
  /** The model the worker holds now: freshly trained (name null until saved) or loaded. */
  active: { name: string | null; source: 'trained' | 'loaded'; classes: string[]; valAccuracy: number | null } | null;
  busy: string | null;
  message: string | null;
  error: string | null;
  /** Which part of the Export step the busy/message/error lines belong to. */
  scope: ExportScope | null;
  /** Bytes this origin uses in browser storage and its quota; null when the browser does not say. */
  storage: StorageInfo | null;
  /** Weights size and held-out accuracy per weight format, measured for the `model` it names. */
  quantization: { report: QuantizationReport; model: ExportSlice['active'] } | null;
}

/** The parts of the Export step that report progress and errors. */
export type ExportScope = 'save' | 'download' | 'import' | 'library';

/** The Preprocess step: the tokenizer options (sent with every training run) and their statistics. */
export interface PreprocessSlice {
  options: TokenizerOptions;
  /** Statistics of the last answered request; kept on screen while a newer one runs. */
  stats: PreprocessStats | null;
  /** Worker time of those statistics, ms. */
  statsMs: number | null;
  loading: boolean;
  error: string | null;
}

export interface StudioState {
  step: Stage;
  data: DataSlice;
  preprocess: PreprocessSlice;
  model: ModelSlice;
  train: TrainSlice;
  evaluate: EvaluateSlice;
  exporting: ExportSlice;
}

const tiny = PRESETS[0];

export function initialState(): StudioState {
  return {
    step: 'data',
    data: {
      samples: [],
      sampleId: '',
      loading: null,
      table: null,
      textColumn: 0,
      labelColumn: 1,
      summary: null,
      error: null,
      progress: null,
      cancelling: false,
      notice: null,
      ingestOptions: { format: 'auto', delimiter: 'auto', header: 'auto' },
      dropDuplicates: false,
    },
    preprocess: { options: defaultTokenizerOptions(), stats: null, statsMs: null, loading: false, error: null },
    model: { presetId: tiny.id, spec: structuredClone(tiny.spec), past: [], future: [], calibration: null, measuring: false },
    train: {
      config: structuredClone(tiny.train),
      status: 'idle',
      runId: 0,
      backend: null,
      batches: [],
      epochs: [],
      progress: null,
      counts: null,
      fused: null,
      result: null,
      error: null,
      history: [],
      compare: [],
    },
    evaluate: {
      evaluation: null,
      split: 'validation',
      threshold: null,
      prediction: null,
      predictError: null,
      filePrediction: null,
      fileBusy: null,
      fileError: null,
    },
    exporting: { modelName: '', saved: [], active: null, busy: null, message: null, error: null, scope: null, storage: null, quantization: null },
  };
}

export const useStudio = create<StudioState>()(() => initialState());

/** Shallow-merges a patch into one slice. */
export function patch<K extends Exclude<keyof StudioState, 'step'>>(slice: K, changes: Partial<StudioState[K]>): void {
  useStudio.setState((state) => ({ [slice]: { ...state[slice], ...changes } }) as Partial<StudioState>);
}

export function setStep(step: Stage): void {
  useStudio.setState({ step });
}
