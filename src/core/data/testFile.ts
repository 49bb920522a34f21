/**
 * A test set from a separate file: its rows read with the training data's columns (by name)
 * and its labels matched to the training classes. Rows whose label the model has never seen
 * cannot be scored: they are counted per label and left out, and the report says so.
 */
import type { Dataset, Table } from './dataset';
import { findColumns, joinCells, quoteColumns } from './textColumns';

/** The columns a test file must have: the training data's, by name. */
export interface ColumnMapping {
  /** Text column names, in the training file's column order (their cells are joined in this order). */
  textColumns: string[];
  labelColumn: string;
}

/** What the page shows of a test file. */
export interface TestFileReport {
  name: string;
  /** Data rows in the file. */
  rows: number;
  /** Rows kept for scoring: a text and a label among the training classes. */
  examples: number;
  /** Labels not among the training classes, most rows first: their rows are left out of the scores. */
  unknownLabels: { label: string; count: number }[];
  /** Rows without a text or a label, or too short to reach the columns: skipped. */
  skipped: number;
  /** Kept rows per training class, in the order of the training classes. */
  classCounts: number[];
}

/** The test rows as a dataset over the training classes, with the report the page shows. */
export interface TestFileMatch {
  dataset: Dataset;
  /** Row number of each kept row in the file. */
  rowNumbers: Int32Array;
  report: TestFileReport;
}

/** The mapping's columns the file lacks, text columns first. */
export function missingColumns(columns: readonly string[], mapping: ColumnMapping): string[] {
  return findColumns([...mapping.textColumns, mapping.labelColumn], columns).missing;
}

/**
 * Reads the test rows with the training data's columns and classes. Throws when a column is
 * missing (naming each) or when no row is left to score.
 */
export function matchTestTable(table: Table, name: string, mapping: ColumnMapping, classes: readonly string[]): TestFileMatch {
  const missing = missingColumns(table.columns, mapping);
  if (missing.length) {
    throw new Error(
      `The test file "${name}" has no ${quoteColumns(missing)}: it needs the same columns as the data (${quoteColumns([...mapping.textColumns, mapping.labelColumn])}). ` +
        `Its columns are ${table.columns.map((c) => `"${c}"`).join(', ')}.`,
    );
  }
  const text = findColumns(mapping.textColumns, table.columns).indexes;
  const label = table.columns.indexOf(mapping.labelColumn);
  const last = Math.max(label, ...text);
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const texts: string[] = [];
  const labels: number[] = [];
  const rowNumbers: number[] = [];
  const unknown = new Map<string, number>();
  let skipped = 0;
  table.rows.forEach((row, i) => {
    const joined = row.length > last ? joinCells(row, text) : '';
    const value = (row[label] ?? '').trim();
    if (joined.trim() === '' || value === '') {
      skipped++;
      return;
    }
    const k = classIndex.get(value);
    if (k === undefined) {
      unknown.set(value, (unknown.get(value) ?? 0) + 1);
      return;
    }
    texts.push(joined);
    labels.push(k);
    rowNumbers.push(table.rowNumbers?.[i] ?? i + 1);
  });
  const unknownLabels = [...unknown].map(([l, count]) => ({ label: l, count })).sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1));
  if (texts.length === 0) {
    const why = unknownLabels.length ? `none of its labels (${unknownLabels.slice(0, 5).map((u) => `"${u.label}"`).join(', ')}) is a class of the data (${classes.join(', ')})` : 'no row has both a text and a label';
    throw new Error(`The test file "${name}" has nothing to score: ${why}.`);
  }
  const classCounts = new Array<number>(classes.length).fill(0);
  for (const k of labels) classCounts[k]++;
  return {
    dataset: { texts, labels: Int32Array.from(labels), classes: [...classes] },
    rowNumbers: Int32Array.from(rowNumbers),
    report: { name, rows: table.rows.length, examples: texts.length, unknownLabels, skipped, classCounts },
  };
}

/** The sentence about labels left out, or null when every label is a training class. */
export function unknownLabelsNote(report: Pick<TestFileReport, 'unknownLabels'>): string | null {
  const { unknownLabels } = report;
  if (unknownLabels.length === 0) return null;
  const rows = unknownLabels.reduce((sum, u) => sum + u.count, 0);
  const list = unknownLabels.map((u) => `"${u.label}" (${u.count.toLocaleString('en-US')})`).join(', ');
  return `${rows.toLocaleString('en-US')} row(s) have labels that are not classes of the training data and are left out of the scores: ${list}.`;
}

/** The data followed by the test rows, and where the test rows are in it (their indexes). */
export function appendRows(data: Dataset, test: Dataset): { dataset: Dataset; rows: Int32Array } {
  const offset = data.texts.length;
  const labels = new Int32Array(offset + test.labels.length);
  labels.set(data.labels);
  labels.set(test.labels, offset);
  const rows = Int32Array.from(test.texts, (_, i) => offset + i);
  return { dataset: { texts: [...data.texts, ...test.texts], labels, classes: data.classes }, rows };
}
