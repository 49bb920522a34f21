import type { StateCreator } from 'zustand';
import { AUTO_OPTIONS, type IngestOptions } from '../core/data/ingestFormat';
import type { DatasetSummary, LoadProgress, TableInfo, TestFileStatus } from '../protocol/messages';

/** Where the test set comes from: held out of the data, or a separate file. */
export type TestSetSource = 'split' | 'file';

/** One entry of public/datasets/manifest.json. */
export interface SampleDataset {
  id: string;
  name: string;
  description: string;
  /** File name under public/datasets/. */
  file: string;
  rows: number;
  classes: string[];
  source: string;
  license: string;
  sizeBytes: number;
}

/** The Data step: the file read in the worker, the chosen columns and the dataset built from them. */
export interface DataState {
  samples: SampleDataset[];
  sampleId: string;
  /** What is being read right now, for the busy indicator; null when idle. */
  loading: string | null;
  table: TableInfo | null;
  /** Column indexes in `table.columns`: the text columns (joined in column order) and the label column. */
  textColumns: number[];
  labelColumn: number;
  summary: DatasetSummary | null;
  error: string | null;
  /** How far the worker is in reading the file being loaded; null when idle or not yet known. */
  progress: LoadProgress | null;
  /** Cancel was pressed and the worker has not answered yet. */
  cancelling: boolean;
  /** A short note after a load was cancelled (the previous dataset stays). */
  notice: string | null;
  /** Format overrides for the current file ("auto" = detected). */
  ingestOptions: IngestOptions;
  /** Keep one copy of each repeated text; drop texts whose copies disagree. */
  dropDuplicates: boolean;
  /** "Test set": split from the data, or a separate file. */
  testSet: TestSetSource;
  /** The separate test file the worker holds, as matched to the current data; null when none. */
  testFile: TestFileStatus | null;
  /** The busy line while a test file is read; null when idle. */
  testFileBusy: string | null;
  /** Why the last test file could not be used (the previous one stays). */
  testFileError: string | null;
}

export interface DataActions {
  /** The sample manifest arrived: list it and pick its first sample. */
  samplesLoaded(samples: SampleDataset[]): void;
  selectSample(id: string): void;
  /** Shows an error on the Data step (a missing manifest, an unreadable shared link). */
  showDataError(message: string): void;
  /** A file or sample starts loading: clears the last error, notice and progress. */
  loadStarted(name: string): void;
  loadProgressed(progress: LoadProgress): void;
  /** Cancel was pressed; the worker answers between two chunks. */
  cancelLoadRequested(): void;
  /** The worker read the file: its table, with the guessed columns mapped (or why mapping failed). */
  tableLoaded(table: TableInfo, options: IngestOptions, mapped: Mapped): void;
  /** Reading failed, or was cancelled: a cancelled load leaves a notice, not an error. */
  loadFailed(message: string): void;
  /** The load ended either way: no longer busy. */
  loadEnded(): void;
  setIngestOptions(options: IngestOptions): void;
  setDropDuplicates(dropDuplicates: boolean): void;
  /** Columns picked; the summary follows with summaryReady or summaryFailed. */
  setColumns(textColumns: number[], labelColumn: number): void;
  /** The dataset was built from the columns; a held test file was matched to them again. */
  summaryReady(summary: DatasetSummary, testFile?: TestFileStatus | null): void;
  summaryFailed(message: string): void;
  /** "Test set" changed; back to "Split from the data" forgets the test file. */
  setTestSet(source: TestSetSource): void;
  testFileStarted(name: string): void;
  /** The worker holds this test file now (null: none). */
  testFileLoaded(testFile: TestFileStatus | null): void;
  /** The test file could not be read or matched: the previous one stays. */
  testFileFailed(message: string): void;
}

/** What mapping the guessed columns of a new table gave. */
export interface Mapped {
  summary: DatasetSummary | null;
  error: string | null;
  testFile?: TestFileStatus | null;
  /** The columns mapped, when not the table's guess (an interrupted run's, restored). */
  columns?: { text: number[]; label: number };
}

export type DataSlice = { data: DataState } & DataActions;

export function initialDataState(): DataState {
  return {
    samples: [],
    sampleId: '',
    loading: null,
    table: null,
    textColumns: [0],
    labelColumn: 1,
    summary: null,
    error: null,
    progress: null,
    cancelling: false,
    notice: null,
    ingestOptions: { ...AUTO_OPTIONS },
    dropDuplicates: false,
    testSet: 'split',
    testFile: null,
    testFileBusy: null,
    testFileError: null,
  };
}

export const createDataSlice: StateCreator<DataSlice, [], [], DataSlice> = (set, get) => {
  const update = (changes: Partial<DataState>) => set((s) => ({ data: { ...s.data, ...changes } }));
  return {
    data: initialDataState(),
    samplesLoaded: (samples) => update({ samples, sampleId: samples[0]?.id ?? '' }),
    selectSample: (sampleId) => update({ sampleId }),
    showDataError: (error) => update({ error }),
    loadStarted: (name) => update({ loading: name, error: null, notice: null, progress: null, cancelling: false }),
    loadProgressed: (progress) => update({ progress }),
    cancelLoadRequested: () => update({ cancelling: true }),
    // Table and summary land in one update: the page re-renders (and redraws the Mermaid
    // pipeline diagram, a long task) once per file instead of twice.
    tableLoaded: (table, options, mapped) =>
      update({
        table,
        ingestOptions: options,
        textColumns: mapped.columns?.text ?? [table.guess.text],
        labelColumn: mapped.columns?.label ?? table.guess.label,
        summary: mapped.summary,
        error: mapped.error,
        ...(mapped.testFile === undefined ? {} : { testFile: mapped.testFile }),
      }),
    loadFailed: (message) => update(get().data.cancelling ? { notice: message } : { error: message }),
    loadEnded: () => update({ loading: null, progress: null, cancelling: false }),
    setIngestOptions: (ingestOptions) => update({ ingestOptions }),
    setDropDuplicates: (dropDuplicates) => update({ dropDuplicates }),
    setColumns: (textColumns, labelColumn) => update({ textColumns, labelColumn, error: null }),
    summaryReady: (summary, testFile) => update(testFile === undefined ? { summary } : { summary, testFile }),
    summaryFailed: (message) => update({ summary: null, error: message }),
    setTestSet: (testSet) => update(testSet === 'split' ? { testSet, testFile: null, testFileError: null } : { testSet }),
    testFileStarted: (name) => update({ testFileBusy: `Reading the test file “${name}”…`, testFileError: null }),
    testFileLoaded: (testFile) => update({ testFile, testFileBusy: null, testFileError: null }),
    testFileFailed: (message) => update({ testFileBusy: null, testFileError: message }),
  };
};
