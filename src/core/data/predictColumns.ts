/**
 * The text columns of a file to classify with a trained model ("Predict a file" in Evaluate):
 * the model's own text columns by name, joined as in training.
 */
import { guessColumns, type Table } from './dataset';
import { findColumns, quoteColumns } from './textColumns';

const TEXT_NAMES = /^(text|sentence|message|review|content|body|document|sms)$/i;

/**
 * Which columns of an uploaded file hold the texts. A model trained on several text columns
 * needs all of them, by name (joined as in training); one trained on a single column takes that
 * column by name when the file has it. Otherwise: the column named like a text column, else the
 * one with the longest cells (a single-column file is all texts).
 */
export function textColumnsOf(table: Table, fileName: string, trained: string[] | undefined): number[] {
  if (trained && trained.length > 1) {
    const { indexes, missing } = findColumns(trained, table.columns);
    if (missing.length) {
      throw new Error(
        `"${fileName}" has no ${quoteColumns(missing)}: this model reads its texts from ${quoteColumns(trained)} (joined with a space), so the file needs all of them. Its columns are ${table.columns.map((c) => `"${c}"`).join(', ')}.`,
      );
    }
    return indexes;
  }
  const same = trained ? table.columns.indexOf(trained[0]) : -1;
  if (same >= 0) return [same];
  const byName = table.columns.findIndex((c) => TEXT_NAMES.test(c.trim()));
  return [table.columns.length === 1 ? 0 : byName >= 0 ? byName : guessColumns(table).text];
}

