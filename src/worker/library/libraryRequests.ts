/**
 * The Export step's requests on the model library, the downloads and imports: each answers the
 * page with what changed. The library's storage itself is library.ts.
 */
import { summarizeModel } from '../../core/model/modelShapes';
import { tokenizerFromJson, tokenizerToJson } from '../../core/text/tokenizerJson';
import type { SavedModelInfo } from '../../protocol/messages';
import type { MessageOf, Post } from '../post';
import { requireActive, session, type ActiveModel } from '../session';
import type { BundleMetadata } from '../../core/export/bundle';
import { bundleMetadata, exportBundle } from './exportBundle';
import { importBundle } from './importBundle';
import { deleteBundle, duplicateBundle, listBundles, loadBundle, renameBundle, saveBundle, storageEstimate } from './library';
import { onFastCpuBackend } from '../predict/inferenceBackend';
import { quantizationReport } from './quantizePreview';

/** Saves the active model, its tokenizer and metadata under the name the user gave. */
export async function saveActiveModel(message: MessageOf<'saveModel'>, post: Post): Promise<void> {
  const active = requireActive('Train or load a model before saving.');
  const name = message.name.trim();
  if (!name) throw new Error('Give the model a name before saving.');
  const savedAt = new Date().toISOString();
  const info: Omit<SavedModelInfo, 'sizeBytes'> = {
    name,
    savedAt,
    dataset: active.datasetName,
    classes: active.classes,
    valAccuracy: active.result?.valAccuracy ?? null,
    backend: active.backend,
    totalParams: summarizeModel(active.spec, active.classes.length).totalParams,
  };
  const model = await saveBundle(
    active.model,
    { name, info, tokenizerJson: tokenizerToJson(active.tokenizer), metadata: bundleMetadata(active, savedAt) },
    { overwrite: message.overwrite ?? false },
  );
  post({ type: 'modelSaved', requestId: message.requestId, model });
}

/** The columns a saved model read its texts from; undefined for bundles from before several text columns. */
function columnsOf(meta: BundleMetadata): ActiveModel['columns'] {
  const { textColumns, labelColumn } = meta.dataset;
  return textColumns ? { textColumns, labelColumn: labelColumn ?? '' } : undefined;
}

/** Makes a saved model the active one (it replaces, and frees, the one held before). */
export async function loadSavedModel(message: MessageOf<'loadModel'>, post: Post): Promise<void> {
  const { model, bundle } = await loadBundle(message.name);
  session.active?.model.dispose();
  const meta = bundle.metadata;
  session.active = {
    model,
    tokenizer: tokenizerFromJson(bundle.tokenizerJson),
    classes: meta.labels,
    spec: meta.spec,
    config: meta.training,
    result: null,
    datasetName: meta.dataset.name,
    datasetFingerprint: meta.dataset.fingerprint,
    examples: meta.dataset.examples,
    backend: meta.backend,
    metadata: meta,
    columns: columnsOf(meta),
  };
  post({ type: 'modelLoaded', requestId: message.requestId, model: bundle.info, spec: meta.spec, metadata: meta });
}

export async function listSavedModels(message: MessageOf<'listModels'>, post: Post): Promise<void> {
  post({ type: 'models', requestId: message.requestId, models: await listBundles(), storage: await storageEstimate() });
}

export async function renameSavedModel(message: MessageOf<'renameModel'>, post: Post): Promise<void> {
  post({ type: 'modelSaved', requestId: message.requestId, model: await renameBundle(message.name, message.newName) });
}

export async function duplicateSavedModel(message: MessageOf<'duplicateModel'>, post: Post): Promise<void> {
  post({ type: 'modelSaved', requestId: message.requestId, model: await duplicateBundle(message.name) });
}

export async function deleteSavedModel(message: MessageOf<'deleteModel'>, post: Post): Promise<void> {
  await deleteBundle(message.name);
  post({ type: 'modelDeleted', requestId: message.requestId, name: message.name });
}

/** Stores a downloaded bundle (the files the user picked) in the library. */
export async function importModel(message: MessageOf<'importModel'>, post: Post): Promise<void> {
  post({ type: 'modelSaved', requestId: message.requestId, model: await importBundle(message.files, message.name) });
}

/** The active model as the files of one download; their bytes travel as transferables. */
export async function exportActiveModel(message: MessageOf<'exportModel'>, post: Post): Promise<void> {
  const active = requireActive('Train or load a model before downloading it.');
  const files = await exportBundle(active, message.name.trim() || 'text classifier', message.quantization);
  post({ type: 'bundleReady', requestId: message.requestId, files }, files.map((f) => f.data));
}

/** requestIds of weight-format comparisons the user stopped; each is checked between batches. */
const cancelledComparisons = new Set<number>();

/** Stops the comparison with requestId `target` at its next batch (it answers an error). */
export function cancelQuantization(message: MessageOf<'cancelQuantization'>): void {
  cancelledComparisons.add(message.target);
}

/** Weights size and held-out accuracy of the active model for each weight format, with progress. */
export async function previewQuantization(message: MessageOf<'previewQuantization'>, post: Post): Promise<void> {
  const active = requireActive('Train or load a model before comparing weight formats.');
  const previewId = message.requestId;
  try {
    const report = await onFastCpuBackend(() => quantizationReport(active, {
      progress: (done, total) => post({ type: 'quantizationProgress', previewId, done, total }),
      cancelled: () => cancelledComparisons.has(previewId),
    }));
    post({ type: 'quantizationReport', requestId: previewId, report });
  } finally {
    cancelledComparisons.delete(previewId);
  }
}
