import { describe, expect, it } from 'vitest';
import type { Table } from './dataset';
import { guessColumns } from './dataset';
import { unusableReason } from './usableTable';

const table = (columns: string[], rows: string[][]): Table => ({ columns, rows, hasHeader: true });
const reason = (t: Table) => unusableReason(t, guessColumns(t), 'f.csv');

describe('unusableReason', () => {
  it.each([
    ['one column', table(['text'], [['a'], ['b']]), /only one column/],
    ['header only', table(['text', 'label'], []), /header row but no data rows/],
    ['a single row', table(['Column 1', 'Column 2'], [['text', 'label']]), /single row/],
    ['one class', table(['text', 'label'], [['win', 'spam'], ['free', 'spam']]), /only one class \("spam" in "label"\)/],
    ['no labels', table(['text', 'label'], [['win', ''], ['free', ' ']]), /no row with both a text/],
  ])('%s is refused', (_, t, message) => {
    expect(reason(t)).toMatch(message);
  });

  it.each([
    ['two classes', table(['text', 'label'], [['win', 'spam'], ['hi', 'ham']])],
    ['another column has two classes', table(['text', 'label', 'topic'], [['win money now', 'x', 'spam'], ['hi there you', 'x', 'ham']])],
  ])('%s is usable', (_, t) => {
    expect(reason(t)).toBeNull();
  });
});
