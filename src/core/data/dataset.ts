/**
 * From a parsed table to a labeled dataset: column detection, label indexing and the row
 * problems the user must hear about. Row numbers in messages are 1-based data rows as the
 * user sees them in a spreadsheet (the header, when there is one, is not counted).
 */
import { columnOrder, columnsLabel, joinCells } from './textColumns';

/** A parsed file: column names and rows of cells (ragged rows allowed). */
export interface Table {
  columns: string[];
  rows: string[][];
  /** True when the first line of the file was taken as column names. */
  hasHeader: boolean;
  /** The row number of each row as the user sees it (blank lines skipped by the reader still count); absent: index + 1. */
  rowNumbers?: number[];
}

/** Texts with class indices into `classes` (sorted by name). */
export interface Dataset {
  texts: string[];
  labels: Int32Array;
  classes: string[];
}

export interface RowProblem {
  kind: 'emptyText' | 'missingLabel' | 'missingColumns';
  /** How many rows have it. */
  count: number;
  /** The first few affected row numbers (1-based data rows). */
  rows: number[];
  message: string;
}

export interface ColumnGuess {
  text: number;
  label: number;
}

/**
 * Text column: a column named like one ("text", "message", …), else the one with the longest
 * average cell. Label column: one named like a label, else the other column with the fewest
 * distinct values.
 */
export function guessColumns(table: Table): ColumnGuess {
  const n = table.columns.length;
  if (n < 2) return { text: 0, label: 0 };
  const sample = table.rows.slice(0, 2000);
  const avgLength = new Array<number>(n).fill(0);
  const distinct = Array.from({ length: n }, () => new Set<string>());
  for (const row of sample) {
    for (let c = 0; c < n; c++) {
      const cell = row[c] ?? '';
      avgLength[c] += cell.length / Math.max(1, sample.length);
      distinct[c].add(cell);
    }
  }
  const byName = (re: RegExp) => table.columns.findIndex((name) => re.test(name.trim()));
  let text = byName(/^(text|sentence|message|review|content|body|document|sms)$/i);
  if (text < 0) text = avgLength.reduce((best, v, c) => (v > avgLength[best] ? c : best), 0);
  let label = byName(/^(label|class|category|target|y|sentiment|tag)$/i);
  if (label < 0 || label === text) {
    label = -1;
    for (let c = 0; c < n; c++) {
      if (c === text) continue;
      if (label < 0 || distinct[c].size < distinct[label].size) label = c;
    }
  }
  return { text, label };
}

const MAX_EXAMPLE_ROWS = 5;

/**
 * Builds the dataset from the text columns (their cells joined in column order, see
 * textColumns.ts) and the label column; rows without text or label are skipped and reported.
 * `rows` holds the row number of each example.
 */
export function buildDataset(table: Table, textColumns: readonly number[], labelColumn: number): { dataset: Dataset; problems: RowProblem[]; rows: Int32Array } {
  const columns = checkTextColumns(table, textColumns, labelColumn);
  const lastColumn = Math.max(labelColumn, ...columns);
  const texts: string[] = [];
  const rawLabels: string[] = [];
  const kept: number[] = [];
  const problems = new Map<RowProblem['kind'], { count: number; rows: number[] }>();
  const note = (kind: RowProblem['kind'], row: number) => {
    const p = problems.get(kind) ?? { count: 0, rows: [] };
    p.count++;
    if (p.rows.length < MAX_EXAMPLE_ROWS) p.rows.push(row);
    problems.set(kind, p);
  };
  table.rows.forEach((row, i) => {
    const rowNumber = table.rowNumbers?.[i] ?? i + 1;
    if (row.length <= lastColumn) {
      note('missingColumns', rowNumber);
      return;
    }
    const text = joinCells(row, columns);
    const label = row[labelColumn].trim();
    if (text.trim() === '') {
      note('emptyText', rowNumber);
      return;
    }
    if (label === '') {
      note('missingLabel', rowNumber);
      return;
    }
    texts.push(text);
    rawLabels.push(label);
    kept.push(rowNumber);
  });
  const classes = [...new Set(rawLabels)].sort();
  const index = new Map(classes.map((c, i) => [c, i]));
  const labels = Int32Array.from(rawLabels, (l) => index.get(l)!);
  const textName = columnsLabel(columns.map((c) => table.columns[c]));
  const labelName = table.columns[labelColumn];
  const messages: Record<RowProblem['kind'], (count: number, rows: string) => string> = {
    emptyText: (count, rows) => `${count} row(s) have an empty "${textName}" ${columns.length > 1 ? 'text (every text column empty)' : 'column'} and were skipped (rows ${rows}).`,
    missingLabel: (count, rows) => `${count} row(s) have no label in the "${labelName}" column and were skipped (rows ${rows}).`,
    missingColumns: (count, rows) =>
      `${count} row(s) have too few columns to reach "${textName}" and "${labelName}" and were skipped (rows ${rows}).`,
  };
  const list: RowProblem[] = [...problems].map(([kind, p]) => ({
    kind,
    count: p.count,
    rows: p.rows,
    message: messages[kind](p.count, p.rows.join(', ') + (p.count > p.rows.length ? ', …' : '')),
  }));
  return { dataset: { texts, labels, classes }, problems: list, rows: Int32Array.from(kept) };
}

/**
 * The text columns in column order, checked: at least one, none of them the label column, all
 * in the table. Throws the message the Data step shows.
 */
export function checkTextColumns(table: Table, textColumns: readonly number[], labelColumn: number): number[] {
  if (textColumns.length === 0) throw new Error('No text column is checked: check at least one column under "Text columns" (the texts come from the checked columns).');
  if (textColumns.includes(labelColumn)) {
    throw new Error(`"${table.columns[labelColumn]}" is the label column, so it cannot be a text column too: uncheck it under "Text columns" or choose another Label column.`);
  }
  const columns = columnOrder(textColumns);
  const outside = columns.find((c) => c < 0 || c >= table.columns.length);
  if (outside !== undefined) throw new Error(`The file has no column ${outside + 1}: choose the text columns again.`);
  return columns;
}

/** Rows per class, in class order. */
export function classCounts(dataset: Dataset): number[] {
  const counts = new Array<number>(dataset.classes.length).fill(0);
  for (let i = 0; i < dataset.labels.length; i++) counts[dataset.labels[i]]++;
  return counts;
}

/**
 * Whether the first line holds column names: every cell is short and non-empty, none is a
 * number, and none of them appears again as a value in its column in the next rows.
 */
export function looksLikeHeader(rows: string[][]): boolean {
  if (rows.length < 2) return false;
  const first = rows[0];
  if (!first.every((cell) => cell.trim() !== '' && cell.length <= 60 && Number.isNaN(Number(cell)))) return false;
  const next = rows.slice(1, 200);
  return first.every((cell, c) => !next.some((row) => row[c] === cell));
}
