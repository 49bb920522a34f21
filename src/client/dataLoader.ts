import { AUTO_OPTIONS, type IngestOptions } from '../core/data/ingestFormat';
import type { DatasetSource, DatasetSummary, LoadProgress, TestFileStatus } from '../protocol/messages';
import { useStudio, type SampleDataset } from '../store/store';
import type { TestSetSource } from '../store/dataSlice';
import type { WorkerPort } from './workerPort';

/**
 * The Data step's side of the client: reads samples and files in the worker, maps their
 * columns, and remembers what the worker holds so a restarted worker can be told again.
 */
export class DataLoader {
  private lastSource: DatasetSource | null = null;
  /** The format overrides the current table was read with. */
  private lastOptions: IngestOptions = AUTO_OPTIONS;
  /** requestId of the load in flight (for Cancel and its progress); 0 when none. */
  private loadId = 0;
  /** Counts loads started: a load whose number is no longer the latest was overtaken and changes nothing. */
  private generation = 0;
  /** An overtaken load replaced the worker's table after the shown one was read. */
  private workerDiverged = false;
  /** The test file the worker holds, to tell a restarted worker again. */
  private lastTestFile: File | null = null;
  /** Columns (by name) to map instead of the guess when the file of this name is read next (a restored run's). */
  private wantedColumns: { file: string; textColumns: string[]; labelColumn: string } | null = null;

  constructor(private readonly port: WorkerPort) {}

  /** Reads public/datasets/manifest.json; an absent manifest is an empty list with a message. */
  async loadManifest(): Promise<SampleDataset[]> {
    try {
      const response = await fetch(`${import.meta.env.BASE_URL}datasets/manifest.json`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const manifest = (await response.json()) as { datasets: SampleDataset[] };
      useStudio.getState().samplesLoaded(manifest.datasets);
      return manifest.datasets;
    } catch (error) {
      useStudio.getState().showDataError(`Sample datasets are missing (${(error as Error).message}). Run "npm run datasets", or upload your own file.`);
      return [];
    }
  }

  async loadSample(sample: SampleDataset): Promise<void> {
    await this.loadSource({ kind: 'url', url: `${import.meta.env.BASE_URL}datasets/${sample.file}`, name: sample.name });
  }

  /**
   * The first visit's sample: background work, so it never overrides what the user did. It is
   * skipped when a file or sample was chosen (or is loading) before the manifest arrived.
   */
  async loadDefaultSample(sample: SampleDataset): Promise<void> {
    if (this.generation > 0) return;
    await this.loadSample(sample);
  }

  async loadFile(file: File): Promise<void> {
    await this.loadSource({ kind: 'file', file, name: file.name });
  }

  /**
   * Reads a source in the worker, then maps its guessed columns. A failed or cancelled load
   * changes nothing: the previous table and summary stay, here and in the worker.
   */
  private async loadSource(source: DatasetSource, options: IngestOptions = AUTO_OPTIONS): Promise<void> {
    const store = useStudio.getState();
    // The later action wins: a load still in flight is stopped and its answer ignored.
    if (this.loadId) this.port.send({ type: 'cancelLoad', target: this.loadId });
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    store.loadStarted(source.name);
    try {
      const { requestId, answer } = this.port.startRequest({ type: 'loadDataset', source, options });
      // Remember the load's id to cancel it and to match its progress.
      this.loadId = requestId;
      const loaded = await answer;
      if (loaded.type !== 'tableLoaded') return;
      if (!current()) {
        // Overtaken, but the worker read it: if the latest load fails, the worker must be told the shown dataset again.
        this.workerDiverged = true;
        return;
      }
      this.workerDiverged = false;
      this.lastSource = source;
      this.lastOptions = options;
      this.loadId = 0;
      const columns = this.columnsFor(loaded.table.name, loaded.table.columns) ?? { text: [loaded.table.guess.text], label: loaded.table.guess.label };
      const mapped = await this.summarize(columns.text, columns.label).then(
        ({ summary, testFile }) => ({ summary, error: null, testFile, columns }),
        (error: Error) => ({ summary: null, error: error.message, columns }),
      );
      // Table and summary land together, and only for the latest load: no mixed states.
      if (current()) store.tableLoaded(loaded.table, options, mapped);
    } catch (error) {
      if (current()) {
        store.loadFailed((error as Error).message);
        if (this.workerDiverged) {
          this.workerDiverged = false;
          void this.reloadAfterCrash()?.catch(() => undefined);
        }
      }
    } finally {
      if (current()) {
        this.loadId = 0;
        store.loadEnded();
      }
    }
  }

  /** Maps these columns, by name, when a file called `file` is read next (instead of the guessed ones). */
  preferColumns(file: string, textColumns: string[], labelColumn: string): void {
    this.wantedColumns = { file, textColumns, labelColumn };
  }

  /** The wanted columns' indexes when this is the file they are for and it has them all; null otherwise. */
  private columnsFor(file: string, names: string[]): { text: number[]; label: number } | null {
    const wanted = this.wantedColumns;
    if (!wanted || wanted.file !== file) return null;
    this.wantedColumns = null;
    const text = wanted.textColumns.map((c) => names.indexOf(c));
    const label = names.indexOf(wanted.labelColumn);
    return text.length && label >= 0 && text.every((c) => c >= 0 && c !== label) ? { text, label } : null;
  }

  /** Progress of a load: only the load in flight moves the progress bar. */
  progress(loadId: number, progress: LoadProgress): void {
    if (loadId === this.loadId) useStudio.getState().loadProgressed(progress);
  }

  /** Stops the load in flight between two chunks; the previous dataset stays. */
  cancelLoad(): void {
    if (!this.loadId) return;
    useStudio.getState().cancelLoadRequested();
    this.port.send({ type: 'cancelLoad', target: this.loadId });
  }

  /** Reads the current file again with other format overrides ("File format", "Delimiter", header). */
  async reparse(options: IngestOptions): Promise<void> {
    if (!this.lastSource) return;
    const previous = this.lastOptions;
    // The controls show the choice at once; a failed or cancelled read puts them back.
    useStudio.getState().setIngestOptions(options);
    await this.loadSource(this.lastSource, options);
    if (this.lastOptions !== options) useStudio.getState().setIngestOptions(previous);
  }

  /** Turns "Drop duplicates" on or off and maps the columns again. */
  async setDropDuplicates(dropDuplicates: boolean): Promise<void> {
    useStudio.getState().setDropDuplicates(dropDuplicates);
    const { textColumns, labelColumn } = useStudio.getState().data;
    await this.mapColumns(textColumns, labelColumn);
  }

  /** Text columns (joined in column order) and the label column picked: the worker builds the dataset from them. */
  async mapColumns(textColumns: number[], labelColumn: number): Promise<void> {
    const store = useStudio.getState();
    store.setColumns(textColumns, labelColumn);
    try {
      const { summary, testFile } = await this.summarize(textColumns, labelColumn);
      store.summaryReady(summary, testFile);
    } catch (error) {
      store.summaryFailed((error as Error).message);
    }
  }

  /** Builds and checks the dataset from the chosen columns of the worker's table; a held test file is matched again. */
  private async summarize(textColumns: number[], labelColumn: number): Promise<{ summary: DatasetSummary; testFile: TestFileStatus | null }> {
    const { dropDuplicates } = useStudio.getState().data;
    const answer = await this.port.request({ type: 'mapColumns', preprocess: { textColumns, labelColumn, dropDuplicates } });
    if (answer.type !== 'datasetReady') throw new Error(`Unexpected answer "${answer.type}" to mapColumns.`);
    return { summary: answer.summary, testFile: answer.testFile };
  }

  /** "Test set": back to "Split from the data" drops the test file in the worker too. */
  async setTestSet(source: TestSetSource): Promise<void> {
    useStudio.getState().setTestSet(source);
    if (source === 'file' || !this.lastTestFile) return;
    this.lastTestFile = null;
    await this.port.request({ type: 'loadTestFile', file: null }).catch(() => undefined);
  }

  /** Reads a separate test file in the worker; a failure leaves the dataset and the previous test file. */
  async loadTestFile(file: File): Promise<void> {
    const store = useStudio.getState();
    store.testFileStarted(file.name);
    try {
      const answer = await this.port.request({ type: 'loadTestFile', file });
      if (answer.type !== 'testFileReady') throw new Error(`Unexpected answer "${answer.type}" to loadTestFile.`);
      this.lastTestFile = file;
      useStudio.getState().testFileLoaded(answer.testFile);
    } catch (error) {
      useStudio.getState().testFileFailed((error as Error).message);
    }
  }

  /** Tells a restarted worker the dataset it held: the same source, overrides and columns. Null when it held none. */
  reloadAfterCrash(): Promise<void> | null {
    const source = this.lastSource;
    if (!source) return null;
    return (async () => {
      const { textColumns, labelColumn, dropDuplicates } = useStudio.getState().data;
      await this.port.request({ type: 'loadDataset', source, options: this.lastOptions });
      await this.port.request({ type: 'mapColumns', preprocess: { textColumns, labelColumn, dropDuplicates } });
      // Matched against the mapped data, so after mapColumns.
      if (this.lastTestFile) await this.port.request({ type: 'loadTestFile', file: this.lastTestFile });
    })();
  }
}
