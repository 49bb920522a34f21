import { create } from 'zustand';
import type { Stage } from '../core/mermaid';
import type { ModelSpec } from '../core/modelSpec';
import { PRESETS } from '../core/presets';
import type { TrainConfig } from '../core/trainConfig';
import type { BackendInfo, DatasetSummary, EpochMetrics, SavedModelInfo, TableInfo, TrainResult } from '../protocol/messages';

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
}

export interface ModelSlice {
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
  result: TrainResult | null;
  error: string | null;
}

export interface Prediction {
  text: string;
  classes: string[];
  probabilities: number[];
}

export interface EvaluateSlice {
  prediction: Prediction | null;
  predictError: string | null;
}

export interface ExportSlice {
  modelName: string;
  saved: SavedModelInfo[];
  /** The model the worker holds now: freshly trained (name null until saved) or loaded. */
  active: { name: string | null; source: 'trained' | 'loaded'; classes: string[]; valAccuracy: number | null } | null;
  busy: string | null;
  message: string | null;
  error: string | null;
}

export interface StudioState {
  step: Stage;
  data: DataSlice;
  model: ModelSlice;
  train: TrainSlice;
  evaluate: EvaluateSlice;
  exporting: ExportSlice;
}

const tiny = PRESETS[0];

export function initialState(): StudioState {
  return {
    step: 'data',
    data: { samples: [], sampleId: '', loading: null, table: null, textColumn: 0, labelColumn: 1, summary: null, error: null },
    model: { presetId: tiny.id, spec: structuredClone(tiny.spec) },
    train: {
      config: structuredClone(tiny.train),
      status: 'idle',
      runId: 0,
      backend: null,
      batches: [],
      epochs: [],
      progress: null,
      counts: null,
      result: null,
      error: null,
    },
    evaluate: { prediction: null, predictError: null },
    exporting: { modelName: '', saved: [], active: null, busy: null, message: null, error: null },
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
