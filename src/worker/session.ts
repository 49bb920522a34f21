import type * as tf from '@tensorflow/tfjs';
import type { Dataset, Table } from '../core/data/dataset';
import type { TokenizerState } from '../core/text/tokenizer';
import type { ModelSpec } from '../core/model/modelSpec';
import type { BackendInfo, TrainResult } from '../protocol/messages';
import type { TrainConfig } from '../core/train/trainConfig';
import type { RunControl } from './train/trainLoop';
import type { BundleMetadata } from '../core/export/bundle';
import type { ColumnMapping, TestFileMatch } from '../core/data/testFile';
import type { BaselineSummary } from '../core/eval/baselineRun';
import type { BaselineHandle } from './train/baseline/baselineRunner';

/** A separate test file: its table as read, and its rows matched to the current data (or why they do not fit). */
export interface HeldTestFile {
  name: string;
  table: Table;
  match: TestFileMatch | null;
  error: string | null;
}

/** A model ready to predict: weights, the tokenizer it was trained with, and its labels. */
export interface ActiveModel {
  model: tf.LayersModel;
  tokenizer: TokenizerState;
  classes: string[];
  spec: ModelSpec;
  config: TrainConfig;
  result: TrainResult | null;
  datasetName: string;
  datasetFingerprint: string;
  examples: number;
  backend: BackendInfo['name'];
  /** The columns its texts were read from (names); absent for models saved before several text columns. */
  columns?: ColumnMapping;
  /** Rows held out while training this model (absent for a loaded model): for evaluation. */
  heldOut?: { dataset: Dataset; validation: Int32Array; test: Int32Array };
  /** metadata.json of a model loaded from the library: keeps its metrics and time when exported again. */
  metadata?: BundleMetadata;
  /** The training run that made this model (absent for a loaded model). */
  runId?: number;
  /** That run's linear baseline, once it has finished. */
  baseline?: BaselineSummary;
}

/** Everything the worker holds between messages. One owner: this module's object. */
export const session: {
  backend: BackendInfo | null;
  /** Settles when the first backend choice ('init') has finished: await it before using tfjs outside training. */
  backendReady: Promise<unknown> | null;
  sourceName: string;
  table: Table | null;
  dataset: Dataset | null;
  /** The column names the dataset was built from (text columns in column order). */
  columns: ColumnMapping | null;
  /** The separate test file, when "Test set" is "Separate file" and one was read. */
  testFile: HeldTestFile | null;
  active: ActiveModel | null;
  run: { id: number; control: RunControl } | null;
  /**
   * A series of trials in progress (cross-validation, a search): one at a time, and never beside
   * a training run. `what` names it in the refusal ("a cross-validation"); `abort` cancels it.
   */
  experiment: { what: string; id: number; abort: AbortController } | null;
  /** The finished run's held-out evaluation while it is still being sent: a new run waits for it. */
  evaluating: Promise<unknown> | null;
  /** Bulk scoring that holds tfjs on another backend (predict/inferenceBackend.ts): predictions wait for it. */
  exclusive: Promise<unknown> | null;
  /** The linear baseline running beside (or after) the last training run, in its own worker. */
  baseline: BaselineHandle | null;
  /** The last baseline that finished, until its run's model is the active one. */
  lastBaseline: { runId: number; summary: BaselineSummary } | null;
} = {
  backend: null,
  backendReady: null,
  sourceName: '',
  table: null,
  dataset: null,
  columns: null,
  testFile: null,
  active: null,
  run: null,
  experiment: null,
  evaluating: null,
  exclusive: null,
  baseline: null,
  lastBaseline: null,
};

/** The model ready to predict, or an error that says what to do first (`why`). */
export function requireActive(why: string): ActiveModel {
  if (!session.active) throw new Error(why);
  return session.active;
}

/** FNV-1a over the texts and labels: identifies the data a model was trained on. */
export function fingerprint(dataset: Dataset): string {
  let h = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  };
  dataset.texts.forEach((t, i) => {
    mix(t);
    mix(`\u0000${dataset.classes[dataset.labels[i]]}\u0001`);
  });
  return `fnv1a32:${(h >>> 0).toString(16).padStart(8, '0')}:${dataset.texts.length}`;
}
