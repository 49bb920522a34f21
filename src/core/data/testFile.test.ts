import { describe, expect, it } from 'vitest';
import type { Table } from './dataset';
import { appendRows, matchTestTable, missingColumns, unknownLabelsNote } from './testFile';

const mapping = { textColumns: ['title', 'description'], labelColumn: 'class' };
const classes = ['business', 'sports', 'world'];

// Columns in another order than the data's: matched by name, joined in the data's order.
const TEST: Table = {
  columns: ['description', 'class', 'title', 'id'],
  hasHeader: true,
  rows: [
    ['Crude climbs.', 'business', 'Oil rises', '1'],
    ['Final tonight.', 'sports', '', '2'],
    ['Rates cut.', 'science', 'Fed acts', '3'],
    ['', 'world', ' ', '4'],
    ['New probe.', 'science', 'Mars', '5'],
    ['Votes counted.', 'politics', 'Election', '6'],
    ['Talks resume.', ' world ', 'Summit', '7'],
    ['x'],
  ],
};

describe('matchTestTable', () => {
  it('reads the named columns, joins the text columns in the data order and keeps only known labels', () => {
    const { dataset, rowNumbers, report } = matchTestTable(TEST, 'test.csv', mapping, classes);
    expect(dataset.texts).toEqual(['Oil rises Crude climbs.', 'Final tonight.', 'Summit Talks resume.']);
    expect(Array.from(dataset.labels)).toEqual([0, 1, 2]);
    expect(dataset.classes).toEqual(classes);
    expect(Array.from(rowNumbers)).toEqual([1, 2, 7]);
    expect(report).toEqual({
      name: 'test.csv',
      rows: 8,
      examples: 3,
      // Most rows first, then by name.
      unknownLabels: [
        { label: 'science', count: 2 },
        { label: 'politics', count: 1 },
      ],
      skipped: 2,
      classCounts: [1, 1, 1],
    });
    expect(unknownLabelsNote(report)).toBe('3 row(s) have labels that are not classes of the training data and are left out of the scores: "science" (2), "politics" (1).');
  });

  it('names every missing column', () => {
    const table: Table = { columns: ['headline', 'class'], hasHeader: true, rows: [['a', 'world']] };
    expect(missingColumns(table.columns, mapping)).toEqual(['title', 'description']);
    expect(() => matchTestTable(table, 't.csv', mapping, classes)).toThrow(
      'The test file "t.csv" has no columns "title" and "description": it needs the same columns as the data (columns "title", "description" and "class"). Its columns are "headline", "class".',
    );
  });

  it('refuses a file whose labels are all unknown, listing them', () => {
    const table: Table = { columns: ['title', 'description', 'class'], hasHeader: true, rows: [['a', 'b', '1'], ['c', 'd', '2']] };
    expect(() => matchTestTable(table, 't.csv', mapping, classes)).toThrow('The test file "t.csv" has nothing to score: none of its labels ("1", "2") is a class of the data (business, sports, world).');
  });

  it('has no note when every label is known', () => {
    expect(unknownLabelsNote({ unknownLabels: [] })).toBeNull();
  });
});

describe('appendRows', () => {
  it('puts the test rows after the data and returns their indexes', () => {
    const data = { texts: ['a', 'b'], labels: Int32Array.from([0, 1]), classes: ['x', 'y'] };
    const test = { texts: ['c'], labels: Int32Array.from([1]), classes: ['x', 'y'] };
    const { dataset, rows } = appendRows(data, test);
    expect(dataset).toEqual({ texts: ['a', 'b', 'c'], labels: Int32Array.from([0, 1, 1]), classes: ['x', 'y'] });
    expect(Array.from(rows)).toEqual([2]);
  });
});
