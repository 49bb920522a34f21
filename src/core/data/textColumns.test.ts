import { describe, expect, it } from 'vitest';
import { columnOrder, columnsLabel, findColumns, joinCells, quoteColumns } from './textColumns';

describe('joinCells', () => {
  it.each([
    { row: ['Oil rises', 'Crude climbs.', 'x'], columns: [0, 1], text: 'Oil rises Crude climbs.' },
    { row: ['', 'Crude climbs.'], columns: [0, 1], text: 'Crude climbs.' },
    { row: ['Oil rises', '   '], columns: [0, 1], text: 'Oil rises' },
    { row: ['a', 'b', 'c'], columns: [0, 2], text: 'a c' },
    // One column: the cell as it is, spaces and all (the single-column behaviour of before).
    { row: ['  spaced  ', 'b'], columns: [0], text: '  spaced  ' },
    // Cells inside keep their own spaces; only the joiner is one space.
    { row: [' a ', 'b'], columns: [0, 1], text: ' a  b' },
    { row: ['a'], columns: [0, 3], text: 'a' },
    { row: [], columns: [1], text: '' },
  ])('$row at $columns is "$text"', ({ row, columns, text }) => {
    expect(joinCells(row, columns)).toBe(text);
  });
});

describe('column helpers', () => {
  it('puts checked columns in the file order without repeats', () => {
    expect(columnOrder([3, 1, 3, 0])).toEqual([0, 1, 3]);
  });

  it('names several columns for messages', () => {
    expect(columnsLabel(['title', 'description'])).toBe('title + description');
    expect(quoteColumns(['title'])).toBe('column "title"');
    expect(quoteColumns(['title', 'description'])).toBe('columns "title" and "description"');
    expect(quoteColumns(['a', 'b', 'c'])).toBe('columns "a", "b" and "c"');
  });

  it('finds named columns and lists the missing ones in the order asked', () => {
    expect(findColumns(['description', 'title', 'body'], ['title', 'class', 'description'])).toEqual({ indexes: [2, 0], missing: ['body'] });
  });
});
