/**
 * The model library in IndexedDB. Weights and topology go through tfjs' own handler
 * (`indexeddb://tcs/<key>`); the companions (tokenizer JSON, metadata, what the list shows)
 * live in an `idb` store, one record per name. A record points at its tfjs key, so renaming is
 * one record update, and saving over a name writes the new weights under a fresh key and
 * switches the record only when everything is written: a failure (a full quota) leaves the
 * library as it was, with nothing half-written behind.
 */
import * as tf from '@tensorflow/tfjs';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { uniqueName, type BundleMetadata } from '../../core/export/bundle';
import type { SavedModelInfo, StorageInfo } from '../../protocol/messages';
import { session } from '../session';

/** metadata.json of the export format. */
export type ModelMetadata = BundleMetadata;

export interface ModelBundle {
  name: string;
  info: SavedModelInfo;
  /** Keras Tokenizer.to_json() layout. */
  tokenizerJson: string;
  metadata: ModelMetadata;
  /** Key of the tfjs model under indexeddb://tcs/; records saved before keys existed use their name. */
  storageKey?: string;
}

interface StudioDB extends DBSchema {
  bundles: { key: string; value: ModelBundle };
}

const DB_NAME = 'text-classifier-studio';
let dbPromise: Promise<IDBPDatabase<StudioDB>> | null = null;
/** The library's connection, reopened after the browser closes it (site data cleared, another version). */
const db = () =>
  (dbPromise ??= openDB<StudioDB>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore('bundles', { keyPath: 'name' });
    },
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
      dbPromise = null;
    },
    terminated() {
      dbPromise = null;
    },
  }));

const modelUrl = (key: string) => `indexeddb://tcs/${key}`;
const keyOf = (bundle: ModelBundle) => bundle.storageKey ?? bundle.name;
const freshKey = () => `m-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const removeQuietly = (key: string) => tf.io.removeModel(modelUrl(key)).then(
  () => undefined,
  () => undefined,
);

/** True for the errors browsers raise when an origin's storage quota is reached. */
export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; message?: string; inner?: { name?: string } } | null;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError' || /quota/i.test(e?.message ?? '');
}

function storageError(error: unknown, what: string): Error {
  if (isQuotaError(error)) {
    return new Error(
      `The browser has no room left to ${what} (storage quota reached). Nothing was written and the current model is still loaded: delete a saved model, or use "Download model" instead.`,
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** What the page needs to say about space: bytes used by this origin and its quota. */
export async function storageEstimate(): Promise<StorageInfo | null> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.estimate) return null;
  try {
    const { usage, quota } = await storage.estimate();
    return usage === undefined || quota === undefined ? null : { usage, quota };
  } catch {
    return null;
  }
}

/** A model to store: a live model (saved through tfjs) or model artifacts as they were imported. */
export type ModelSource = tf.LayersModel | tf.io.ModelArtifacts;

async function writeModel(source: ModelSource, key: string): Promise<number> {
  const url = modelUrl(key);
  const result = source instanceof tf.LayersModel ? await source.save(url) : await tf.io.getSaveHandlers(url)[0].save!(source);
  return result.modelArtifactsInfo.weightDataBytes ?? 0;
}

export interface SaveOptions {
  /** Replace a saved model of the same name (the page asked the user first). */
  overwrite: boolean;
}

/** Saves a model and its companions under `bundle.name`; on failure the library is unchanged. */
export async function saveBundle(
  source: ModelSource,
  bundle: Omit<ModelBundle, 'info' | 'storageKey'> & { info: Omit<SavedModelInfo, 'sizeBytes'> },
  options: SaveOptions,
): Promise<SavedModelInfo> {
  const database = await db();
  const existing = await database.get('bundles', bundle.name);
  if (existing && !options.overwrite) {
    throw new Error(`A model named "${bundle.name}" is already saved in this browser. Choose another name, or confirm that it should be replaced.`);
  }
  const key = freshKey();
  let info: SavedModelInfo;
  try {
    info = { ...bundle.info, sizeBytes: await writeModel(source, key) };
    await database.put('bundles', { ...bundle, info, storageKey: key });
  } catch (error) {
    await removeQuietly(key);
    throw storageError(error, `save "${bundle.name}"`);
  }
  if (existing) await removeQuietly(keyOf(existing));
  return info;
}

export async function listBundles(): Promise<SavedModelInfo[]> {
  const all = await (await db()).getAll('bundles');
  return all.map((b) => b.info).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export async function savedNames(): Promise<Set<string>> {
  return new Set(await (await db()).getAllKeys('bundles'));
}

async function getBundle(name: string): Promise<ModelBundle> {
  const bundle = await (await db()).get('bundles', name);
  if (!bundle) throw new Error(`No saved model named "${name}" in this browser: it may have been deleted in another tab. The list is refreshed.`);
  return bundle;
}

export async function loadBundle(name: string): Promise<{ model: tf.LayersModel; bundle: ModelBundle }> {
  const bundle = await getBundle(name);
  await session.backendReady;
  const model = await tf.loadLayersModel(modelUrl(keyOf(bundle)));
  return { model, bundle };
}

/** Renames a saved model; the weights stay where they are. */
export async function renameBundle(name: string, newName: string): Promise<SavedModelInfo> {
  const target = newName.trim();
  if (!target) throw new Error('Give the model a new name (it cannot be empty).');
  if (target === name) return (await getBundle(name)).info;
  const tx = (await db()).transaction('bundles', 'readwrite');
  const bundle = await tx.store.get(name);
  if (!bundle) throw new Error(`No saved model named "${name}" in this browser.`);
  if (await tx.store.get(target)) throw new Error(`A model named "${target}" is already saved: choose another name.`);
  const info = { ...bundle.info, name: target };
  await tx.store.put({ ...bundle, name: target, info, storageKey: keyOf(bundle) });
  await tx.store.delete(name);
  await tx.done;
  return info;
}

/** Copies a saved model under "<name> copy" (or "<name> copy (2)"…). */
export async function duplicateBundle(name: string): Promise<SavedModelInfo> {
  const database = await db();
  const bundle = await getBundle(name);
  const target = uniqueName(`${name} copy`, await savedNames());
  const key = freshKey();
  const info: SavedModelInfo = { ...bundle.info, name: target, savedAt: new Date().toISOString() };
  try {
    await tf.io.copyModel(modelUrl(keyOf(bundle)), modelUrl(key));
    await database.add('bundles', { ...bundle, name: target, info, storageKey: key });
  } catch (error) {
    await removeQuietly(key);
    throw storageError(error, `copy "${name}"`);
  }
  return info;
}

export async function deleteBundle(name: string): Promise<void> {
  const database = await db();
  const bundle = await database.get('bundles', name);
  if (!bundle) return;
  await database.delete('bundles', name);
  await removeQuietly(keyOf(bundle));
}
