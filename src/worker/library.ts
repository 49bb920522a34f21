import * as tf from '@tensorflow/tfjs';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ModelSpec } from '../core/modelSpec';
import type { TrainConfig } from '../core/trainConfig';
import type { SavedModelInfo, TrainResult } from '../protocol/messages';

/** Everything saved beside the tfjs model: the export format's metadata.json plus the tokenizer. */
export interface ModelMetadata {
  format: 'text-classifier-studio/1';
  labels: string[];
  preprocessing: { sequenceLength: number; padding: 'pre'; truncating: 'pre'; tokenizer: 'keras' };
  spec: ModelSpec;
  training: TrainConfig;
  metrics: Pick<TrainResult, 'valAccuracy' | 'valLoss' | 'epochs' | 'samplesPerSecond' | 'durationMs'> | null;
  dataset: { name: string; fingerprint: string; examples: number };
  versions: { studio: string; tfjs: string };
  backend: SavedModelInfo['backend'];
  savedAt: string;
}

export interface ModelBundle {
  name: string;
  info: SavedModelInfo;
  /** Keras Tokenizer.to_json() layout. */
  tokenizerJson: string;
  metadata: ModelMetadata;
}

interface StudioDB extends DBSchema {
  bundles: { key: string; value: ModelBundle };
}

const DB_NAME = 'text-classifier-studio';
let dbPromise: Promise<IDBPDatabase<StudioDB>> | null = null;
const db = () =>
  (dbPromise ??= openDB<StudioDB>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore('bundles', { keyPath: 'name' });
    },
  }));

const modelUrl = (name: string) => `indexeddb://tcs/${name}`;

function quotaMessage(error: unknown): Error {
  const e = error as Error;
  if (e?.name === 'QuotaExceededError' || /quota/i.test(e?.message ?? '')) {
    return new Error('The browser has no room left for this model (storage quota reached). Delete a saved model or download this one instead.');
  }
  return e instanceof Error ? e : new Error(String(error));
}

/** Saves the model through tfjs' IndexedDB handler, then its companions; rolls back on failure. */
export async function saveBundle(model: tf.LayersModel, bundle: Omit<ModelBundle, 'info'> & { info: Omit<SavedModelInfo, 'sizeBytes'> }): Promise<SavedModelInfo> {
  let result: tf.io.SaveResult;
  try {
    result = await model.save(modelUrl(bundle.name));
  } catch (error) {
    throw quotaMessage(error);
  }
  const info: SavedModelInfo = { ...bundle.info, sizeBytes: result.modelArtifactsInfo.weightDataBytes ?? 0 };
  try {
    await (await db()).put('bundles', { ...bundle, info });
  } catch (error) {
    await tf.io.removeModel(modelUrl(bundle.name)).catch(() => undefined);
    throw quotaMessage(error);
  }
  return info;
}

export async function listBundles(): Promise<SavedModelInfo[]> {
  const all = await (await db()).getAll('bundles');
  return all.map((b) => b.info).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export async function loadBundle(name: string): Promise<{ model: tf.LayersModel; bundle: ModelBundle }> {
  const bundle = await (await db()).get('bundles', name);
  if (!bundle) throw new Error(`No saved model named "${name}" in this browser.`);
  const model = await tf.loadLayersModel(modelUrl(name));
  return { model, bundle };
}

export async function deleteBundle(name: string): Promise<void> {
  await tf.io.removeModel(modelUrl(name)).catch(() => undefined);
  await (await db()).delete('bundles', name);
}
