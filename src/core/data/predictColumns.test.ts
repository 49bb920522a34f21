import { describe, expect, it } from 'vitest';
import type { Table } from './dataset';
import { textColumnsOf } from './predictColumns';

const table = (columns: string[], rows: string[][] = [['a', 'b', 'c']]): Table => ({ columns, rows, hasHeader: true });

describe('textColumnsOf', () => {
  it('takes a model trained on several columns by their names, in the order trained', () => {
    expect(textColumnsOf(table(['description', 'id', 'title']), 'new.csv', ['title', 'description'])).toEqual([2, 0]);
  });

  it('names the columns a file lacks', () => {
    expect(() => textColumnsOf(table(['title', 'id']), 'new.csv', ['title', 'description'])).toThrow(
      '"new.csv" has no column "description": this model reads its texts from columns "title" and "description" (joined with a space), so the file needs all of them. Its columns are "title", "id".',
    );
  });

  it.each([
    // The single trained column, by name.
    { columns: ['id', 'review', 'text'], trained: ['review'], expected: [1] },
    // Not there (or a model from before text columns were stored): named like a text column, else the longest cells.
    { columns: ['id', 'text'], trained: ['review'], expected: [1] },
    { columns: ['id', 'message'], trained: undefined, expected: [1] },
    { columns: ['Column 1'], trained: undefined, expected: [0] },
  ])('$columns with $trained → $expected', ({ columns, trained, expected }) => {
    expect(textColumnsOf(table(columns, [['1', 'some longer text here', 'x']]), 'f.csv', trained)).toEqual(expected);
  });

  it('falls back to the longest cells', () => {
    expect(textColumnsOf(table(['a', 'b'], [['x', 'a long cell of text'], ['y', 'another long one']]), 'f.csv', undefined)).toEqual([1]);
  });
});
