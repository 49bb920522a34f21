import { classCounts, guessColumns } from '../../core/data/dataset';
import { unusableReason } from '../../core/data/usableTable';
import { lengthSummary } from '../../core/data/datasetStats';
import { AUTO_OPTIONS } from '../../core/data/ingestFormat';
import { majorityRate } from '../../core/eval/metrics';
import { prepareDataset } from '../../core/data/validateDataset';
import type { MessageOf, Post } from '../post';
import { IngestCancelled, ingest } from './ingest';
import { session } from '../session';
import { columnOrder } from '../../core/data/textColumns';
import { rematchTestFile, testFileStatus } from './testFileSteps';

const PREVIEW_ROWS = 8;
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** requestIds of the loads being read, and of those the page asked to stop. */
const reading = new Set<number>();
const cancelled = new Set<number>();

/** Stops a load in flight; a load that already ended has nothing to stop (a later load overtook it). */
export function cancelLoad(target: number): void {
  if (reading.has(target)) cancelled.add(target);
}

/**
 * Reads a file or sample into the session's table. The table (and the dataset built from the
 * previous one) is replaced only when the whole file was read and, read with automatic
 * settings, can be trained on (two columns, two classes): a cancelled, failed or unusable load
 * leaves the previous dataset as it was.
 */
export async function loadDataset(message: MessageOf<'loadDataset'>, post: Post): Promise<void> {
  const id = message.requestId;
  const options = message.options ?? AUTO_OPTIONS;
  reading.add(id);
  try {
    const result = await ingest(message.source, options, {
      cancelled: () => cancelled.has(id),
      progress: (p) => post({ type: 'loadProgress', loadId: id, ...p }),
    }).catch((error: unknown) => {
      // A stack overflow in the browser's own JSON or text code: say it in the user's words.
      if (error instanceof RangeError) {
        throw new Error(`"${message.source.name}" could not be read: it is nested too deeply (or a single value is too large) for the browser to take apart. Write it as flat rows with a text and a label each.`, { cause: error });
      }
      throw error;
    });
    if (cancelled.has(id)) throw new IngestCancelled(message.source.name);
    const { table } = result;
    const guess = guessColumns(table);
    // Transactional: a new file that cannot be trained on leaves the current dataset in place. A
    // re-read with the user's own "File format", "Delimiter" or header choice is shown whatever
    // it gives (with its checks): the user is finding out how the file reads.
    const overridden = options.format !== 'auto' || options.delimiter !== 'auto' || options.header !== 'auto';
    const unusable = overridden ? null : unusableReason(table, guess, message.source.name);
    if (unusable) throw new Error(unusable);
    session.table = table;
    session.dataset = null;
    session.columns = null;
    session.sourceName = message.source.name;
    post({
      type: 'tableLoaded',
      requestId: id,
      table: {
        name: message.source.name,
        columns: table.columns,
        rowCount: table.rows.length,
        hasHeader: table.hasHeader,
        preview: table.rows.slice(0, PREVIEW_ROWS).map((row) => row.map((cell) => cut(cell, 200))),
        previewRows: table.rows.slice(0, PREVIEW_ROWS).map((_, i) => table.rowNumbers?.[i] ?? i + 1),
        guess,
        notices: result.notices,
        format: result.format,
        detected: result.detected,
        options,
        encoding: result.encoding,
        rowCounts: result.rowCounts,
      },
    });
  } finally {
    reading.delete(id);
    cancelled.delete(id);
  }
}

/** Builds and checks the dataset from the chosen columns; answers with its summary. */
export function mapColumns(message: MessageOf<'mapColumns'>, post: Post): void {
  if (!session.table) throw new Error('Load a dataset first.');
  const { textColumns, labelColumn, dropDuplicates = false } = message.preprocess;
  const table = session.table;
  // A mapping that fails (no text column, the label column checked as text) leaves no dataset to train on.
  session.dataset = null;
  session.columns = null;
  const prepared = prepareDataset(table, { textColumns, labelColumn, dropDuplicates });
  const { dataset } = prepared;
  session.dataset = dataset;
  session.columns = { textColumns: columnOrder(textColumns).map((c) => table.columns[c]), labelColumn: table.columns[labelColumn] };
  rematchTestFile();
  const lengths = Int32Array.from(dataset.texts, (t) => t.length);
  const summary = lengthSummary(lengths);
  post({
    type: 'datasetReady',
    requestId: message.requestId,
    summary: {
      examples: dataset.texts.length,
      classes: dataset.classes,
      classCounts: classCounts(dataset),
      majorityRate: majorityRate(dataset.labels, dataset.classes.length),
      problems: prepared.problems,
      meanChars: summary.mean,
      checks: prepared.checks,
      lengths: summary,
      preview: dataset.texts.slice(0, PREVIEW_ROWS).map((text, i) => ({ row: prepared.rowNumbers[i], text: cut(text, 300), label: dataset.classes[dataset.labels[i]] })),
      dropped: prepared.dropped,
    },
    testFile: testFileStatus(),
  });
}
