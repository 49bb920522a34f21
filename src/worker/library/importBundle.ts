/**
 * "Import model": a downloaded .zip, or its files selected together, checked part by part and
 * stored in the library. Unzipping and checking run here, off the page's thread.
 */
import * as tf from '@tensorflow/tfjs';
import { checkBundle, uniqueName, type BundleParts, type CheckedBundle } from '../../core/export/bundle';
import { valueCount } from '../../core/export/quantize';
import { tokenizerFromJson } from '../../core/text/tokenizerJson';
import type { SavedModelInfo } from '../../protocol/messages';
import { saveBundle, savedNames } from './library';
import { session } from '../session';
import { checkLooseFiles, unzipBundle, ZipLimitError } from './zipLimits';

const decoder = new TextDecoder();
const isZip = (file: File, head: Uint8Array) => /\.zip$/i.test(file.name) || (head[0] === 0x50 && head[1] === 0x4b);

/** The files by name (a zip's folders are ignored), and where they came from. */
async function readFiles(files: readonly File[]): Promise<{ bytes: Map<string, Uint8Array>; source: string; stem: string }> {
  if (files.length === 0) throw new Error('Choose the .zip that "Download model" saved, or its files.');
  const bytes = new Map<string, Uint8Array>();
  if (files.length === 1) {
    const [file] = files;
    const data = new Uint8Array(await file.arrayBuffer());
    if (isZip(file, data)) {
      let entries: Map<string, Uint8Array>;
      try {
        // Sizes are checked from the zip's directory before anything is inflated (zipLimits).
        entries = unzipBundle(data, file.name);
      } catch (error) {
        if (error instanceof ZipLimitError) throw error;
        throw new Error(
          `The zip file "${file.name}" is damaged or incomplete (${(error as Error).message}; ${data.length.toLocaleString('en-US')} bytes read). ` +
            'Download the model again and let the download finish before importing it.',
          { cause: error },
        );
      }
      return { bytes: entries, source: 'the zip', stem: file.name.replace(/\.zip$/i, '') };
    }
  }
  // Loose files: the same limits, from their sizes, before the weights are read.
  const model = files.find((f) => f.name === 'model.json');
  checkLooseFiles(files, model ? new Uint8Array(await model.arrayBuffer()) : null);
  for (const file of files) bytes.set(file.name, new Uint8Array(await file.arrayBuffer()));
  return { bytes, source: 'the selected files', stem: '' };
}

function partsOf(bytes: Map<string, Uint8Array>, source: string): BundleParts {
  const text = (name: string) => {
    const b = bytes.get(name);
    return b === undefined ? undefined : decoder.decode(b);
  };
  return {
    source,
    modelJson: text('model.json'),
    tokenizerJson: text('tokenizer.json'),
    metadataJson: text('metadata.json'),
    sizes: new Map([...bytes].map(([name, b]) => [name, b.byteLength])),
  };
}

function weightData(bytes: Map<string, Uint8Array>, checked: CheckedBundle): ArrayBuffer {
  const total = checked.weightPaths.reduce((n, p) => n + bytes.get(p)!.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const path of checked.weightPaths) {
    out.set(bytes.get(path)!, at);
    at += bytes.get(path)!.byteLength;
  }
  return out.buffer;
}

/** Checks the bundle, builds the model once to prove it loads, and saves it in the library. */
export async function importBundle(files: readonly File[], wantedName: string): Promise<SavedModelInfo> {
  const { bytes, source, stem } = await readFiles(files);
  const checked = checkBundle(partsOf(bytes, source));
  const { metadata, modelJson } = checked;
  try {
    tokenizerFromJson(checked.tokenizerJson);
  } catch (error) {
    throw new Error(`tokenizer.json cannot be read: ${(error as Error).message}.`, { cause: error });
  }
  const artifacts: tf.io.ModelArtifacts = {
    modelTopology: modelJson.modelTopology as tf.io.ModelArtifacts['modelTopology'],
    format: modelJson.format,
    generatedBy: modelJson.generatedBy,
    convertedBy: modelJson.convertedBy,
    weightSpecs: checked.weightSpecs as tf.io.WeightsManifestEntry[],
    weightData: weightData(bytes, checked),
    ...(modelJson.trainingConfig ? { trainingConfig: modelJson.trainingConfig as tf.io.TrainingConfig } : {}),
  };
  await session.backendReady;
  let model: tf.LayersModel;
  try {
    model = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  } catch (error) {
    throw new Error(`model.json and its weights do not fit together: ${(error as Error).message}. Import the files of one download together.`, {
      cause: error,
    });
  }
  try {
    const inputLength = model.inputs[0]?.shape[1];
    const units = model.outputs[0]?.shape[1];
    if (inputLength !== metadata.spec.sequenceLength || units !== metadata.labels.length) {
      throw new Error(
        `model.json does not belong to this bundle: the model takes ${inputLength} tokens and gives ${units} outputs, but metadata.json says ${metadata.spec.sequenceLength} tokens and ${metadata.labels.length} labels.`,
      );
    }
  } finally {
    model.dispose();
  }
  const name = uniqueName(wantedName.trim() || stem || 'imported model', await savedNames());
  const savedAt = new Date().toISOString();
  return saveBundle(
    artifacts,
    {
      name,
      info: {
        name,
        savedAt,
        dataset: metadata.dataset.name,
        classes: metadata.labels,
        valAccuracy: metadata.metrics?.valAccuracy ?? null,
        backend: metadata.backend,
        totalParams: checked.weightSpecs.reduce((n, w) => n + valueCount(w), 0),
      },
      tokenizerJson: checked.tokenizerJson,
      metadata,
    },
    { overwrite: false },
  );
}
