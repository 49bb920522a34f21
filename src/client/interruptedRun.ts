import type { ModelSpec } from '../core/model/modelSpec';
import type { TokenizerOptions } from '../core/text/tokenizerMode';
import type { TrainConfig } from '../core/train/trainConfig';
import { useStudio } from '../store/store';

/** What a run in progress leaves in localStorage, so a page closed or reloaded mid-run can offer it again. */
export interface InterruptedRun {
  /** Date.now() when the run started, ms. */
  startedAt: number;
  /**
   * The dataset's name, the sample's id when it was a sample (a file must be chosen again), and the
   * columns by name (absent in records from before several text columns).
   */
  dataset: { name: string; sampleId: string | null; textColumns?: string[]; labelColumn?: string };
  spec: ModelSpec;
  config: TrainConfig;
  tokenizer: TokenizerOptions;
  /** The best weights so far, kept in the model library by the worker after each better epoch. */
  checkpoint?: RunCheckpoint;
}

/** Where an interrupted run's best weights are: a saved model's name, its epoch and validation accuracy (0–1). */
export interface RunCheckpoint {
  name: string;
  epoch: number;
  valAccuracy: number;
}

const KEY = 'text-classifier-studio.run-in-progress';
const RUNNING = new Set(['starting', 'training', 'paused', 'stopping']);

/** True while a run is starting, training, paused or stopping. */
export const runInProgress = () => RUNNING.has(useStudio.getState().train.status);

/** Writes the record of the run starting now (storage refused: the run trains anyway, unrecorded). */
export function rememberRun(): void {
  const { model, train, preprocess, data } = useStudio.getState();
  const name = data.table?.name ?? '';
  const sample = data.samples.find((s) => s.name === name);
  const run: InterruptedRun = {
    startedAt: Date.now(),
    dataset: {
      name,
      sampleId: sample?.id ?? null,
      ...(data.table ? { textColumns: data.textColumns.map((c) => data.table?.columns[c] ?? ''), labelColumn: data.table.columns[data.labelColumn] ?? '' } : {}),
    },
    spec: model.spec,
    config: train.config,
    tokenizer: preprocess.options,
  };
  try {
    localStorage.setItem(KEY, JSON.stringify(run));
  } catch {
    // A private window or full storage: nothing to offer after a reload.
  }
}

/** The worker kept the run's best weights so far: a reload will point at them. */
export function noteCheckpoint(checkpoint: RunCheckpoint): void {
  const run = readInterruptedRun();
  if (!run) return;
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...run, checkpoint }));
  } catch {
    // Nothing to point at after a reload; the checkpoint is still in Saved models.
  }
}

export function forgetRun(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}

/** The run a previous page left unfinished, or null. */
export function readInterruptedRun(): InterruptedRun | null {
  try {
    const text = localStorage.getItem(KEY);
    const run = text ? (JSON.parse(text) as InterruptedRun) : null;
    return run && run.spec && run.config && run.dataset ? run : null;
  } catch {
    return null;
  }
}

/**
 * Guards the page while a run is in progress: closing or reloading asks first (beforeunload),
 * and the record of the run goes when it ends here (done, stopped or failed).
 */
export function guardRuns(): void {
  if (typeof window === 'undefined') return;
  window.addEventListener('beforeunload', (event) => {
    if (!runInProgress()) return;
    event.preventDefault();
    // Older browsers show the prompt only when returnValue is set.
    event.returnValue = '';
  });
  useStudio.subscribe((state, previous) => {
    if (state.train.status !== previous.train.status && !RUNNING.has(state.train.status) && RUNNING.has(previous.train.status)) forgetRun();
  });
}
