/**
 * Several text columns make one text: the cells of the checked columns, in the file's column
 * order, joined with one space (a title and a description become "title description"). Empty
 * cells are left out, so a missing title does not leave a leading space, and one column gives
 * its cell unchanged. The same rule runs in the worker, in the exported predict.html and in the
 * PyTorch training project (python/studio_data.py join_cells).
 */

/** The separator between the cells of several text columns. */
export const TEXT_JOINER = ' ';

/** The text of one row from the cells at `columns` (ascending column indexes); missing cells count as empty. */
export function joinCells(row: readonly string[], columns: readonly number[]): string {
  if (columns.length === 1) return row[columns[0]] ?? '';
  const parts: string[] = [];
  for (const c of columns) {
    const cell = row[c] ?? '';
    if (cell.trim() !== '') parts.push(cell);
  }
  return parts.join(TEXT_JOINER);
}

/** Column indexes without repeats, in the file's column order. */
export function columnOrder(columns: readonly number[]): number[] {
  return [...new Set(columns)].sort((a, b) => a - b);
}

/** How messages name the text columns: "text", or "title + description". */
export function columnsLabel(names: readonly string[]): string {
  return names.join(' + ');
}

/** Where named columns are in a file's columns; `missing` lists the names it lacks, in the order asked. */
export function findColumns(wanted: readonly string[], columns: readonly string[]): { indexes: number[]; missing: string[] } {
  const indexes: number[] = [];
  const missing: string[] = [];
  for (const name of wanted) {
    const i = columns.indexOf(name);
    if (i < 0) missing.push(name);
    else indexes.push(i);
  }
  return { indexes, missing };
}

/** "column "x"" or "columns "x" and "y"", for messages. */
export function quoteColumns(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  const list = quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
  return `${names.length === 1 ? 'column' : 'columns'} ${list}`;
}
