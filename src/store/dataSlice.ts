import type { StateCreator } from 'zustand';
import { AUTO_OPTIONS, type IngestOptions } from '../core/data/ingestFormat';
import type { DatasetSummary, LoadProgress, TableInfo } from '../protocol/messages';

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
  /** Column indexes in `table.columns`. */
  textColumn: number;
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
  tableLoaded(table: TableInfo, options: IngestOptions, mapped: { summary: DatasetSummary | null; error: string | null }): void;
  /** Reading failed, or was cancelled: a cancelled load leaves a notice, not an error. */
  loadFailed(message: string): void;
  /** The load ended either way: no longer busy. */
  loadEnded(): void;
  setIngestOptions(options: IngestOptions): void;
  setDropDuplicates(dropDuplicates: boolean): void;
  /** Columns picked; the summary follows with summaryReady or summaryFailed. */
  setColumns(textColumn: number, labelColumn: number): void;
  summaryReady(summary: DatasetSummary): void;
  summaryFailed(message: string): void;
}

export type DataSlice = { data: DataState } & DataActions;

export function initialDataState(): DataState {
  return {
    samples: [],
    sampleId: '',
    loading: null,
    table: null,
    textColumn: 0,
    labelColumn: 1,
    summary: null,
    error: null,
    progress: null,
    cancelling: false,
    notice: null,
    ingestOptions: { ...AUTO_OPTIONS },
    dropDuplicates: false,
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
      update({ table, ingestOptions: options, textColumn: table.guess.text, labelColumn: table.guess.label, ...mapped }),
    loadFailed: (message) => update(get().data.cancelling ? { notice: message } : { error: message }),
    loadEnded: () => update({ loading: null, progress: null, cancelling: false }),
    setIngestOptions: (ingestOptions) => update({ ingestOptions }),
    setDropDuplicates: (dropDuplicates) => update({ dropDuplicates }),
    setColumns: (textColumn, labelColumn) => update({ textColumn, labelColumn, error: null }),
    summaryReady: (summary) => update({ summary }),
    summaryFailed: (message) => update({ summary: null, error: message }),
  };
};
