import type { WeightQuantization } from '../core/export/quantize';
import { patch, useStudio, type ExportScope } from '../store/store';
import { formatBytes } from '../core/format';
import { downloadBundle } from './download';
import type { Answer, Request } from './studioClient';

/**
 * The model library and the Export step's actions. Requests go through the studio client's
 * worker; results and errors land in the store's `exporting` slice.
 */
export class ModelLibrary {
  constructor(private readonly request: (message: Request) => Promise<Answer>) {}

  async refreshModels(): Promise<void> {
    try {
      const answer = await this.request({ type: 'listModels' });
      if (answer.type === 'models') patch('exporting', { saved: answer.models, storage: answer.storage ?? null });
    } catch (error) {
      patch('exporting', { error: `Could not read saved models: ${(error as Error).message}`, scope: 'library' });
    }
  }

  /** Saves the current model; `overwrite` replaces a saved model of that name (ask the user first). */
  async save(name: string, overwrite = false): Promise<void> {
    patch('exporting', { busy: 'Saving…', error: null, message: null, scope: 'save' });
    try {
      const answer = await this.request({ type: 'saveModel', name, overwrite });
      if (answer.type === 'modelSaved') {
        const active = useStudio.getState().exporting.active;
        patch('exporting', { message: `Saved "${answer.model.name}" to this browser.`, active: active && { ...active, name: answer.model.name } });
      }
    } catch (error) {
      patch('exporting', { error: (error as Error).message });
    } finally {
      patch('exporting', { busy: null });
      // After a failure too: the list and the storage figures show what is really stored.
      await this.refreshModels();
    }
  }

  async loadModel(name: string): Promise<void> {
    patch('exporting', { busy: `Loading "${name}"…`, error: null, message: null, scope: 'library' });
    try {
      const answer = await this.request({ type: 'loadModel', name });
      if (answer.type === 'modelLoaded') {
        patch('exporting', {
          message: `Loaded "${name}": type a text in Evaluate to try it.`,
          active: { name, source: 'loaded', classes: answer.model.classes, valAccuracy: answer.model.valAccuracy },
        });
        patch('evaluate', { prediction: null, predictError: null });
      }
    } catch (error) {
      patch('exporting', { error: (error as Error).message });
    } finally {
      patch('exporting', { busy: null });
    }
  }

  async deleteModel(name: string): Promise<void> {
    try {
      await this.request({ type: 'deleteModel', name });
      patch('exporting', { message: `Deleted "${name}".`, error: null, scope: 'library' });
      await this.refreshModels();
    } catch (error) {
      patch('exporting', { error: (error as Error).message, scope: 'library' });
    }
  }

  /** Runs one Export-step action with its busy line, then its message or error, in `scope`. */
  private async exportTask(scope: ExportScope, busy: string, run: () => Promise<string | null>): Promise<void> {
    patch('exporting', { busy, error: null, message: null, scope });
    try {
      const message = await run();
      patch('exporting', { message });
    } catch (error) {
      patch('exporting', { error: (error as Error).message });
    } finally {
      patch('exporting', { busy: null });
    }
  }

  renameModel(name: string, newName: string): Promise<void> {
    return this.exportTask('library', `Renaming "${name}"…`, async () => {
      const answer = await this.request({ type: 'renameModel', name, newName });
      await this.refreshModels();
      if (answer.type !== 'modelSaved') return null;
      const active = useStudio.getState().exporting.active;
      if (active?.name === name) patch('exporting', { active: { ...active, name: answer.model.name } });
      return `Renamed "${name}" to "${answer.model.name}".`;
    });
  }

  duplicateModel(name: string): Promise<void> {
    return this.exportTask('library', `Copying "${name}"…`, async () => {
      const answer = await this.request({ type: 'duplicateModel', name });
      await this.refreshModels();
      return answer.type === 'modelSaved' ? `Copied "${name}" as "${answer.model.name}".` : null;
    });
  }

  /** Collects the bundle in the worker, zips it on the page and starts the download. */
  downloadModel(name: string, quantization: WeightQuantization): Promise<void> {
    return this.exportTask('download', 'Preparing the download…', async () => {
      const answer = await this.request({ type: 'exportModel', name, quantization });
      if (answer.type !== 'bundleReady') return null;
      const { fileName, bytes, notice } = await downloadBundle(name, answer.files);
      return `Downloaded "${fileName}" (${formatBytes(bytes)}).${notice ? ` ${notice}` : ''}`;
    });
  }

  /** Measures weights size and held-out accuracy for float32, float16 and 8-bit weights. */
  previewQuantization(): Promise<void> {
    return this.exportTask('download', 'Measuring float16 and 8-bit weights on the held-out texts…', async () => {
      const model = useStudio.getState().exporting.active;
      const answer = await this.request({ type: 'previewQuantization' });
      if (answer.type === 'quantizationReport') patch('exporting', { quantization: { report: answer.report, model } });
      return null;
    });
  }

  /** Imports a downloaded .zip (or its files) into the library under `name` (empty: from the file). */
  importModel(files: File[], name: string): Promise<void> {
    return this.exportTask('import', `Importing ${files.length === 1 ? `"${files[0].name}"` : `${files.length} files`}…`, async () => {
      const answer = await this.request({ type: 'importModel', files, name });
      await this.refreshModels();
      return answer.type === 'modelSaved' ? `Imported "${answer.model.name}" into the library: press Load to use it.` : null;
    });
  }
}
