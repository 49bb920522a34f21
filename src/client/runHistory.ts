import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ModelSpec } from '../core/modelSpec';
import type { TrainConfig } from '../core/trainConfig';
import type { TokenizerOptions } from '../core/tokenizerMode';
import type { TrainResult } from '../protocol/messages';

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

export async function addRun(run: RunRecord): Promise<void> {
  const d = await db();
  await d.put('runs', run);
  const keys = await d.getAllKeys('runs');
  for (const key of keys.slice(0, Math.max(0, keys.length - LIMIT))) await d.delete('runs', key);
}

/** Newest first. */
export async function listRuns(): Promise<RunRecord[]> {
  return (await (await db()).getAll('runs')).reverse();
}

export async function deleteRun(id: number): Promise<void> {
  await (await db()).delete('runs', id);
}
