/**
 * The page half of "Download training project": the Python sources (python/*.py, bundled as
 * text by Vite's ?raw imports, so they stay real files that can be linted and run), the fitted
 * tokenizer from the worker when a model exists, and the zip (fflate, as for the model bundle).
 */
import trainPy from '../../python/train.py?raw';
import studioModelPy from '../../python/studio_model.py?raw';
import studioTextPy from '../../python/studio_text.py?raw';
import studioDataPy from '../../python/studio_data.py?raw';
import predictPy from '../../python/predict.py?raw';
import launchPy from '../../python/launch.py?raw';
import { trainingProjectFiles, type TrainingProjectInput } from '../core/export/trainingProject';
import type { ModelLibrary } from './modelLibrary';
import type { WorkerPort } from './workerPort';

/** The Python modules of the project, by file name. */
export const PYTHON_SOURCES: Readonly<Record<string, string>> = {
  'train.py': trainPy,
  'studio_model.py': studioModelPy,
  'studio_text.py': studioTextPy,
  'studio_data.py': studioDataPy,
  'predict.py': predictPy,
  'launch.py': launchPy,
};

/**
 * tokenizer.json of the model the worker holds, taken from the same files "Download model"
 * collects; null when no model is trained or loaded.
 */
export async function fittedTokenizerJson(port: WorkerPort): Promise<string | null> {
  const answer = await port.request({ type: 'exportModel', name: 'training project', quantization: 'none' });
  if (answer.type !== 'bundleReady') return null;
  const file = answer.files.find((f) => f.path === 'tokenizer.json');
  return file ? new TextDecoder().decode(file.data) : null;
}

/**
 * The worker port of the client's model library. StudioClient hands its parts the port and keeps
 * it private; until it hands one to the training project too, the library's serves.
 */
export function libraryPort(library: ModelLibrary): WorkerPort {
  return (library as unknown as { port: WorkerPort }).port;
}

/** Builds the project zip on the page and starts its download; returns the file name and size in bytes. */
export async function downloadTrainingProject(fileName: string, input: Omit<TrainingProjectInput, 'sources'>): Promise<{ fileName: string; bytes: number; files: string[] }> {
  const files = trainingProjectFiles({ ...input, sources: PYTHON_SOURCES });
  const { zip, strToU8 } = await import('fflate');
  const entries: Record<string, Uint8Array> = {};
  for (const [path, text] of Object.entries(files)) entries[path] = strToU8(text);
  const data = await new Promise<Uint8Array>((resolve, reject) =>
    zip(entries, { level: 6 }, (error, zipped) => (error ? reject(new Error(`Could not build the zip: ${error.message}`)) : resolve(zipped))),
  );
  const url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { fileName, bytes: data.byteLength, files: Object.keys(files).sort() };
}
