import type { WeightQuantization } from '../core/export/quantize';
import { useStudio, type ExportScope } from '../store/store';
import { formatBytes } from '../core/format';
import { downloadBundle } from './download';
import type { WorkerPort } from './workerPort';
import { LibrarySync, type LibraryChange } from './librarySync';

/**
 * The model library and the Export step's actions. Requests go through the studio client's
 * worker; results and errors land in the store's `exporting` slice.
 */
export class ModelLibrary {
  /** Web Lock for writes and the channel that keeps every tab's list current (librarySync). */
  private readonly sync: LibrarySync;

  constructor(private readonly port: WorkerPort) {
    this.sync = new LibrarySync((change) => this.changedElsewhere(change));
  }

  /** Another tab saved, renamed or deleted a model: this tab's list follows at once. */
  private changedElsewhere(change: LibraryChange): void {
    if (change.type === 'renamed') useStudio.getState().activeRenamed(change.name, change.newName);
    void this.refreshModels();
  }

  /** True when the latest list (read now, not the one on screen) has a model of this name. */
  async nameTaken(name: string): Promise<boolean> {
    await this.refreshModels();
    return useStudio.getState().exporting.saved.some((m) => m.name === name);
  }

  async refreshModels(): Promise<void> {
    try {
      const answer = await this.port.request({ type: 'listModels' });
      if (answer.type === 'models') useStudio.getState().modelsListed(answer.models, answer.storage ?? null);
    } catch (error) {
      useStudio.getState().taskFailed(`Could not read saved models: ${(error as Error).message}`, 'library');
    }
  }

  /** Saves the current model; `overwrite` replaces a saved model of that name (ask the user first). */
  async save(name: string, overwrite = false): Promise<void> {
    const store = useStudio.getState();
    store.taskStarted('save', 'Saving…');
    try {
      const answer = await this.sync.write(() => this.port.request({ type: 'saveModel', name, overwrite }));
      if (answer.type === 'modelSaved') {
        this.sync.announce({ type: 'saved', name: answer.model.name });
        store.taskSucceeded(`Saved "${answer.model.name}" to this browser.`);
        store.activeSaved(answer.model.name);
      }
    } catch (error) {
      store.taskFailed((error as Error).message);
    } finally {
      store.taskEnded();
      // After a failure too: the list and the storage figures show what is really stored.
      await this.refreshModels();
    }
  }

  async loadModel(name: string): Promise<void> {
    const store = useStudio.getState();
    store.taskStarted('library', `Loading "${name}"…`);
    try {
      const answer = await this.port.request({ type: 'loadModel', name });
      if (answer.type === 'modelLoaded') {
        store.taskSucceeded(`Loaded "${name}": it is the current model. Its settings are in Model, its metrics in Evaluate.`);
        store.modelLoaded(name, answer.model, answer.metadata);
      }
    } catch (error) {
      store.taskFailed((error as Error).message);
      // Deleted or renamed in another tab: the message says the list is refreshed, so it is.
      await this.refreshModels();
    } finally {
      store.taskEnded();
    }
  }

  async deleteModel(name: string): Promise<void> {
    try {
      await this.sync.write(() => this.port.request({ type: 'deleteModel', name }));
      this.sync.announce({ type: 'deleted', name });
      useStudio.getState().showExportMessage('library', `Deleted "${name}".`);
      await this.refreshModels();
    } catch (error) {
      useStudio.getState().taskFailed((error as Error).message, 'library');
    }
  }

  /** Runs one Export-step action with its busy line, then its message or error, in `scope`. */
  private async exportTask(scope: ExportScope, busy: string, run: () => Promise<string | null>): Promise<void> {
    const store = useStudio.getState();
    store.taskStarted(scope, busy);
    try {
      store.taskSucceeded(await run());
    } catch (error) {
      store.taskFailed((error as Error).message);
    } finally {
      store.taskEnded();
    }
  }

  renameModel(name: string, newName: string): Promise<void> {
    return this.exportTask('library', `Renaming "${name}"…`, async () => {
      const answer = await this.sync.write(() => this.port.request({ type: 'renameModel', name, newName }));
      await this.refreshModels();
      if (answer.type !== 'modelSaved') return null;
      this.sync.announce({ type: 'renamed', name, newName: answer.model.name });
      useStudio.getState().activeRenamed(name, answer.model.name);
      return `Renamed "${name}" to "${answer.model.name}".`;
    });
  }

  duplicateModel(name: string): Promise<void> {
    return this.exportTask('library', `Copying "${name}"…`, async () => {
      const answer = await this.sync.write(() => this.port.request({ type: 'duplicateModel', name }));
      await this.refreshModels();
      if (answer.type === 'modelSaved') this.sync.announce({ type: 'saved', name: answer.model.name });
      return answer.type === 'modelSaved' ? `Copied "${name}" as "${answer.model.name}".` : null;
    });
  }

  /** Collects the bundle in the worker, zips it on the page and starts the download. */
  downloadModel(name: string, quantization: WeightQuantization): Promise<void> {
    return this.exportTask('download', 'Preparing the download…', async () => {
      const answer = await this.port.request({ type: 'exportModel', name, quantization });
      if (answer.type !== 'bundleReady') return null;
      const { fileName, bytes, notice } = await downloadBundle(name, answer.files);
      return `Downloaded "${fileName}" (${formatBytes(bytes)}).${notice ? ` ${notice}` : ''}`;
    });
  }

  /**
   * Measures weights size and held-out accuracy for float32, float16 and 8-bit weights. It runs
   * beside the other Export actions (it does not take the busy line that disables them), with
   * its own progress and Cancel.
   */
  async previewQuantization(): Promise<void> {
    const store = useStudio.getState();
    if (store.exporting.comparing) return;
    const model = store.exporting.active;
    const { requestId, answer } = this.port.startRequest({ type: 'previewQuantization' });
    store.comparisonProgressed({ previewId: requestId, done: 0, total: 0 });
    try {
      const reply = await answer;
      if (reply.type === 'quantizationReport') useStudio.getState().quantizationMeasured(reply.report, model);
      useStudio.getState().comparisonEnded(null);
    } catch (error) {
      useStudio.getState().comparisonEnded((error as Error).message);
    }
  }

  /** Progress of the comparison with requestId `previewId`: texts scored of `total`. */
  comparisonProgress(previewId: number, done: number, total: number): void {
    useStudio.getState().comparisonProgressed({ previewId, done, total });
  }

  /** Stops the running comparison at its next batch. */
  cancelComparison(): void {
    const comparing = useStudio.getState().exporting.comparing;
    if (comparing) this.port.send({ type: 'cancelQuantization', target: comparing.previewId });
  }

  /** Imports a downloaded .zip (or its files) into the library under `name` (empty: from the file). */
  importModel(files: File[], name: string): Promise<void> {
    return this.exportTask('import', `Importing ${files.length === 1 ? `"${files[0].name}"` : `${files.length} files`}…`, async () => {
      const answer = await this.sync.write(() => this.port.request({ type: 'importModel', files, name }));
      await this.refreshModels();
      if (answer.type === 'modelSaved') this.sync.announce({ type: 'saved', name: answer.model.name });
      return answer.type === 'modelSaved' ? `Imported "${answer.model.name}" into the library: press Load to use it.` : null;
    });
  }
}
