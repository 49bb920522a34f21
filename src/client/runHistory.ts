import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ModelSpec } from '../core/model/modelSpec';
import type { TrainConfig } from '../core/train/trainConfig';
import type { TokenizerOptions } from '../core/text/tokenizerMode';
import type { TrainResult } from '../protocol/messages';
import { patch, useStudio } from '../store/store';

/** One finished training run, as kept in the browser's run history. */
export interface RunRecord {
  /** Milliseconds since 1970 when the run ended; also its key. */
  id: number;
  dataset: string;
  spec: ModelSpec;
  config: TrainConfig;
  tokenizer: TokenizerOptions;
  result: Omit<TrainResult, 'validation' | 'confusion'>;
}

interface HistoryDB extends DBSchema {
  runs: { key: number; value: RunRecord };
}

/** Most runs kept; older ones are dropped first. */
const LIMIT = 200;
let dbPromise: Promise<IDBPDatabase<HistoryDB>> | null = null;
const db = () =>
  (dbPromise ??= openDB<HistoryDB>('text-classifier-studio-runs', 1, {
    upgrade(database) {
      database.createObjectStore('runs', { keyPath: 'id' });
    },
  }));

async function addRun(run: RunRecord): Promise<void> {
  const d = await db();
  await d.put('runs', run);
  const keys = await d.getAllKeys('runs');
  for (const key of keys.slice(0, Math.max(0, keys.length - LIMIT))) await d.delete('runs', key);
}

/** Keeps a finished run in the history (what trained, on what, and how it went). */
export async function recordRun(result: TrainResult): Promise<void> {
  const { model, train, data, preprocess } = useStudio.getState();
  const { validation: _validation, confusion: _confusion, ...summary } = result;
  try {
    await addRun({ id: Date.now(), dataset: data.table?.name ?? '', spec: model.spec, config: train.config, tokenizer: preprocess.options, result: summary });
    await refreshRuns();
  } catch (error) {
    patch('train', { error: `The run could not be kept in the history: ${(error as Error).message}` });
  }
}

/** Reads the history into the store, newest first. */
export async function refreshRuns(): Promise<void> {
  try {
    patch('train', { history: (await (await db()).getAll('runs')).reverse() });
  } catch {
    // Private windows may refuse IndexedDB: the history stays empty, training is unaffected.
  }
}

export async function deleteRun(id: number): Promise<void> {
  await (await db()).delete('runs', id);
  patch('train', { compare: useStudio.getState().train.compare.filter((c) => c !== id) });
  await refreshRuns();
}
