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
import { zipAndDownload, zipFileName } from './download';
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

/** "Download training project", the client part: StudioClient hands it the worker port like its other parts. */
export class TrainingProject {
  constructor(private readonly port: WorkerPort) {}

  /**
   * tokenizer.json of the model the worker holds, taken from the same files "Download model"
   * collects; null when no model is trained or loaded.
   */
  async fittedTokenizerJson(): Promise<string | null> {
    const answer = await this.port.request({ type: 'exportModel', name: 'training project', quantization: 'none' });
    if (answer.type !== 'bundleReady') return null;
    const file = answer.files.find((f) => f.path === 'tokenizer.json');
    return file ? new TextDecoder().decode(file.data) : null;
  }

  /** Builds the project zip on the page and starts its download; returns the file name, its size in bytes and the files. */
  async download(name: string, input: Omit<TrainingProjectInput, 'sources'>): Promise<{ fileName: string; bytes: number; files: string[] }> {
    const files = trainingProjectFiles({ ...input, sources: PYTHON_SOURCES });
    const encoder = new TextEncoder();
    const entries: Record<string, Uint8Array> = {};
    for (const [path, text] of Object.entries(files)) entries[path] = encoder.encode(text);
    const fileName = zipFileName(name);
    const bytes = await zipAndDownload(entries, fileName);
    return { fileName, bytes, files: Object.keys(files).sort() };
  }
}
