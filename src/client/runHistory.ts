import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { keysBeyondLimit, toRunRecord } from '../core/train/runRecord';
import type { TrainResult } from '../protocol/messages';
import { useStudio, type RunHistoryEntry } from '../store/store';

interface HistoryDB extends DBSchema {
  runs: { key: number; value: RunHistoryEntry };
}

let dbPromise: Promise<IDBPDatabase<HistoryDB>> | null = null;
const db = () =>
  (dbPromise ??= openDB<HistoryDB>('text-classifier-studio-runs', 1, {
    upgrade(database) {
      database.createObjectStore('runs', { keyPath: 'id' });
    },
  }));

async function addRun(run: RunHistoryEntry): Promise<void> {
  const d = await db();
  await d.put('runs', run);
  for (const key of keysBeyondLimit(await d.getAllKeys('runs'))) await d.delete('runs', key);
}

/** Keeps a finished run in the history (what trained, on what, and how it went). */
export async function recordRun(result: TrainResult): Promise<void> {
  const { model, train, data, preprocess } = useStudio.getState();
  try {
    await addRun(toRunRecord(Date.now(), { dataset: data.table?.name ?? '', spec: model.spec, config: train.config, tokenizer: preprocess.options }, result));
    await refreshRuns();
  } catch (error) {
    useStudio.getState().showTrainError(`The run could not be kept in the history: ${(error as Error).message}`);
  }
}

/** Reads the history into the store, newest first. */
export async function refreshRuns(): Promise<void> {
  try {
    useStudio.getState().historyLoaded((await (await db()).getAll('runs')).reverse());
  } catch {
    // Private windows may refuse IndexedDB: the history stays empty, training is unaffected.
  }
}

export async function deleteRun(id: number): Promise<void> {
  await (await db()).delete('runs', id);
  useStudio.getState().runDeleted(id);
  await refreshRuns();
}
