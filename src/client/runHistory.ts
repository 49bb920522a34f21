import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { keysBeyondLimit, toRunRecord, type RunSetup, type SearchTag } from '../core/train/runRecord';
import type { BaselineSummary } from '../core/eval/baselineRun';
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

/**
 * Keeps a finished run in the history (what trained, on what, and how it went, with its
 * baseline when that has finished); answers its key, or null when it could not be kept.
 */
export async function recordRun(result: TrainResult, baseline?: BaselineSummary): Promise<number | null> {
  const { model, train, data, preprocess } = useStudio.getState();
  try {
    const record: RunHistoryEntry = toRunRecord(Date.now(), { dataset: data.table?.name ?? '', spec: model.spec, config: train.config, tokenizer: preprocess.options }, result);
    await addRun(baseline ? { ...record, baseline } : record);
    await refreshRuns();
    return record.id;
  } catch (error) {
    useStudio.getState().showTrainError(`The run could not be kept in the history: ${storageFailure(error)}`);
    return null;
  }
}

/** Adds a baseline that finished after its run to the run's record (kept under `id`). */
export async function attachBaseline(id: number, baseline: BaselineSummary): Promise<void> {
  try {
    const d = await db();
    const record = await d.get('runs', id);
    if (!record) return;
    await d.put('runs', { ...record, baseline });
    await refreshRuns();
  } catch {
    // The run stays in the history without its baseline; the page still shows it.
  }
}

/** The last trial record's id: trials decided at once (a rung's end) get distinct ids. */
let lastTrialId = 0;

/**
 * Keeps a search trial in the history with its own settings, tagged with its search. Ids are
 * times in ms: a trial that ends in the same millisecond as the one before takes the next one.
 */
export async function recordTrial(setup: RunSetup, summary: RunHistoryEntry['result'], search: SearchTag): Promise<void> {
  try {
    const id = (lastTrialId = Math.max(Date.now(), lastTrialId + 1));
    await addRun({ ...toRunRecord(id, setup, { ...summary, validation: null, confusion: null }), search });
    await refreshRuns();
  } catch (error) {
    useStudio.getState().showTrainError(`A search trial could not be kept in the history: ${storageFailure(error)}`);
  }
}

/**
 * Why IndexedDB refused a write, in the user's words. A full quota is a DOMException whose
 * message is often empty, so the name decides; the model itself is not affected.
 */
export function storageFailure(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const message = error instanceof Error || error instanceof DOMException ? error.message.trim() : String(error ?? '').trim();
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return "the browser's storage for this page is full. Delete saved models or old runs (Export step, Run history), then train again; the model you just trained is still here and can be saved or downloaded.";
  }
  if (name === 'InvalidStateError' || name === 'SecurityError') {
    return `the browser does not allow storage here (${name}; a private window?). The model you just trained is still here and can be downloaded.`;
  }
  return `${message || name || 'the browser gave no reason'}. The model you just trained is still here and can be saved or downloaded.`;
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
