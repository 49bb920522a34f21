import type { ColumnGuess, Table } from './dataset';

/**
 * Why a freshly read table cannot become the dataset, or null when it can. A load is a
 * transaction: a table that has no text column and label column with at least two classes
 * must not replace the dataset the user already has. The guessed columns are tried first;
 * when their label column has one class, any other column with two classes is enough (the
 * user picks it under "Label column").
 */
export function unusableReason(table: Table, guess: ColumnGuess, name: string): string | null {
  if (table.columns.length < 2) {
    return `"${name}" has only one column: a text column and a label column are needed. Check that it is delimited by commas, tabs or semicolons (or set "File format" and "Delimiter"), then load it again.`;
  }
  if (table.rows.length === 0) return `"${name}" has a header row but no data rows: add rows with a text and a label under it.`;
  if (table.rows.length === 1) return `"${name}" has a single row (a header without data?): a classifier needs many rows with a text and a label, with at least two different labels.`;
  const text = guess.text;
  const labelsOf = (column: number) => distinctLabels(table.rows, text, column, 2);
  const guessed = labelsOf(guess.label);
  if (guessed.length >= 2) return null;
  for (let c = 0; c < table.columns.length; c++) if (c !== text && c !== guess.label && labelsOf(c).length >= 2) return null;
  const textName = table.columns[text];
  const labelName = table.columns[guess.label];
  if (guessed.length === 0) {
    return `"${name}" has no row with both a text in "${textName}" and a label in "${labelName}": each row needs a text and a label.`;
  }
  return `"${name}" has only one class ("${guessed[0]}" in "${labelName}"): a classifier needs at least two different labels. Choose a file with texts of two or more classes.`;
}

/** Up to `enough` distinct non-empty labels of rows that have a text (a loop: no copies of the rows). */
function distinctLabels(rows: string[][], textColumn: number, labelColumn: number, enough: number): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    const label = (row[labelColumn] ?? '').trim();
    if (!label || !(row[textColumn] ?? '').trim()) continue;
    seen.add(label);
    if (seen.size >= enough) break;
  }
  return [...seen];
}
