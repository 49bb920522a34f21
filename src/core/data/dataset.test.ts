import { describe, expect, it } from 'vitest';
import { buildDataset, classCounts, guessColumns, looksLikeHeader } from './dataset';
import type { ColumnGuess, RowProblem, Table } from './dataset';

/**
 * Pairs each case with its name rendered from the case data itself, so names cannot drift from
 * what is checked. Used with '%s' because '$field' titles are truncated by vitest.
 */
function named<T extends object>(cases: T[]): [string, T][] {
  return cases.map((c) => [JSON.stringify(c), c]);
}

const table = (columns: string[], rows: string[][], hasHeader = true): Table => ({ columns, rows, hasHeader });

describe('guessColumns', () => {
  const SHAPES = [
    ['1', 'What a wonderful, heartfelt film', 'pos'],
    ['2', 'Dull and far too long for its plot', 'neg'],
    ['3', 'I would watch it again tomorrow', 'pos'],
    ['4', 'The worst two hours of my year', 'neg'],
  ];
  it.each(
    named<{ columns: string[]; rows: string[][]; guess: ColumnGuess }>([
      // By shape: longest average cell is the text; fewest distinct values among the rest is the label.
      { columns: ['id', 'body_text', 'y_true'], rows: SHAPES, guess: { text: 1, label: 2 } },
      { columns: ['Column 1', 'Column 2'], rows: [['ham', 'Ok lar... Joking wif u oni'], ['spam', 'Free entry in 2 a wkly comp'], ['ham', 'U dun say so early hor']], guess: { text: 1, label: 0 } },
      // By name (case and spaces ignored), even when the shapes point elsewhere.
      { columns: ['ID', ' Text ', 'Label'], rows: SHAPES, guess: { text: 1, label: 2 } },
      { columns: ['notes', ' TEXT ', 'Label\t'], rows: [['a long free-text note here', 'short', 'a'], ['another long free-text note', 'tiny', 'b']], guess: { text: 1, label: 2 } },
      { columns: ['message', 'notes', 'category'], rows: [['hi', 'a much longer free-text note here', 'x'], ['yo', 'another long note for this row', 'y']], guess: { text: 0, label: 2 } },
      { columns: ['sms', 'v1'], rows: [['Call me', 'ham']], guess: { text: 0, label: 1 } },
      // Text by name, label by shape; label by name, text by shape.
      { columns: ['review', 'stars', 'user'], rows: [['great', '5', 'ann'], ['bad', '1', 'bob'], ['ok', '5', 'cy']], guess: { text: 0, label: 1 } },
      { columns: ['sentiment', 'tweet_text'], rows: [['pos', 'loving this weather'], ['neg', 'stuck in traffic again']], guess: { text: 1, label: 0 } },
      // The label-named column is also the longest: text keeps it, the label falls back to shape.
      { columns: ['code', 'Label'], rows: [['a', 'a long label text here'], ['b', 'another long label text']], guess: { text: 1, label: 0 } },
      // Ties on distinct values: the first column wins.
      { columns: ['a', 'b', 'c'], rows: [['x', 'a long sentence here', 'p'], ['y', 'another long sentence', 'q']], guess: { text: 1, label: 0 } },
      // Ragged rows count missing cells as empty.
      { columns: ['a', 'b', 'c'], rows: [['k', 'some longer words'], ['k', 'more longer words', 'z']], guess: { text: 1, label: 0 } },
      { columns: ['only'], rows: [['hello']], guess: { text: 0, label: 0 } },
    ]),
  )('%s', (_name, { columns, rows, guess }) => {
    const guessed = guessColumns(table(columns, rows));
    expect(guessed).toEqual(guess);
    // buildDataset refuses one column twice, so a guess over 2+ columns never offers it.
    if (columns.length >= 2) expect(guessed.text).not.toBe(guessed.label);
  });
});

describe('buildDataset', () => {
  const REVIEWS = table(
    ['text', 'label'],
    [
      ['good movie', 'pos'], // row 1
      ['', 'neg'], // row 2: empty text
      ['bad film', ' neg '], // row 3: label trimmed
      ['meh', ''], // row 4: no label
      ['only one cell'], // row 5: too short
      ['   ', 'pos'], // row 6: blank text
      ['great', 'pos'], // row 7
      ['  spaced text ', 'neutral'], // row 8: text kept as written
    ],
  );

  it('keeps labeled rows with sorted classes and label indices', () => {
    const { dataset } = buildDataset(REVIEWS, [0], 1);
    expect(dataset.texts).toEqual(['good movie', 'bad film', 'great', '  spaced text ']);
    expect(dataset.classes).toEqual(['neg', 'neutral', 'pos']);
    expect(dataset.labels).toBeInstanceOf(Int32Array);
    expect([...dataset.labels]).toEqual([2, 0, 2, 1]);
    expect(classCounts(dataset)).toEqual([1, 1, 2]);
  });

  it('reports every skipped row by kind, with 1-based row numbers and counts', () => {
    const expected: RowProblem[] = [
      { kind: 'emptyText', count: 2, rows: [2, 6], message: '2 row(s) have an empty "text" column and were skipped (rows 2, 6).' },
      { kind: 'missingLabel', count: 1, rows: [4], message: '1 row(s) have no label in the "label" column and were skipped (rows 4).' },
      {
        kind: 'missingColumns',
        count: 1,
        rows: [5],
        message: '1 row(s) have too few columns to reach "text" and "label" and were skipped (rows 5).',
      },
    ];
    expect(buildDataset(REVIEWS, [0], 1).problems).toEqual(expected);
  });

  it('lists the first 5 rows of a problem and an ellipsis for the rest', () => {
    const rows = Array.from({ length: 9 }, (_, i) => (i % 3 === 0 ? ['kept', 'a'] : ['', 'a']));
    // Rows 1, 4, 7 are kept; rows 2, 3, 5, 6, 8, 9 are empty.
    const { dataset, problems } = buildDataset(table(['Review', 'Tag'], rows), [0], 1);
    expect(dataset.texts).toHaveLength(3);
    expect(problems).toEqual([
      {
        kind: 'emptyText',
        count: 6,
        rows: [2, 3, 5, 6, 8],
        message: '6 row(s) have an empty "Review" column and were skipped (rows 2, 3, 5, 6, 8, …).',
      },
    ]);
  });

  it('reads the SMS spam layout (label first, text second) and sorts classes by code unit', () => {
    const sms = table(
      ['Column 1', 'Column 2'],
      [
        ['ham', 'Go until jurong point'],
        ['spam', 'Free entry in 2 a wkly comp'],
        ['Ham', 'Case differs'],
        ['ham', 'Ok lar'],
      ],
      false,
    );
    const { dataset, problems } = buildDataset(sms, [1], 0);
    expect(dataset.classes).toEqual(['Ham', 'ham', 'spam']);
    expect([...dataset.labels]).toEqual([1, 2, 0, 1]);
    expect(dataset.texts[0]).toBe('Go until jurong point');
    expect(problems).toEqual([]);
  });

  it('builds an empty dataset from no rows', () => {
    const { dataset, problems } = buildDataset(table(['text', 'label'], []), [0], 1);
    expect(dataset).toEqual({ texts: [], labels: new Int32Array(0), classes: [] });
    expect(problems).toEqual([]);
  });

  it.each(named([{ text: 0, label: 0 }, { text: 1, label: 1 }]))('refuses the same column twice %s', (_name, { text, label }) => {
    expect(() => buildDataset(REVIEWS, [text], label)).toThrow(`"${REVIEWS.columns[label]}" is the label column, so it cannot be a text column too`);
  });

  it('refuses no text column at all', () => {
    expect(() => buildDataset(REVIEWS, [], 1)).toThrow('No text column is checked: check at least one column under "Text columns"');
  });

  it('refuses a text column the file does not have', () => {
    expect(() => buildDataset(REVIEWS, [0, 7], 1)).toThrow('The file has no column 8');
  });

  const NEWS = table(
    ['class', 'title', 'description'],
    [
      ['3', 'Oil rises', 'Crude climbs 2%.'],
      ['1', '', 'Talks resume in Geneva.'],
      ['3', 'Stocks fall', ''],
      ['1', ' ', '  '],
      ['2'],
    ],
  );

  it('joins several text columns in column order with one space, leaving empty cells out', () => {
    // Checked in any order, read in the file's order: title, then description.
    const { dataset, problems, rows } = buildDataset(NEWS, [2, 1], 0);
    expect(dataset.texts).toEqual(['Oil rises Crude climbs 2%.', 'Talks resume in Geneva.', 'Stocks fall']);
    expect(Array.from(dataset.labels)).toEqual([1, 0, 1]);
    expect(Array.from(rows)).toEqual([1, 2, 3]);
    expect(problems.map((p) => p.message)).toEqual([
      '1 row(s) have an empty "title + description" text (every text column empty) and were skipped (rows 4).',
      '1 row(s) have too few columns to reach "title + description" and "class" and were skipped (rows 5).',
    ]);
  });
});

describe('looksLikeHeader', () => {
  it.each(
    named([
      { rows: [['label', 'text'], ['ham', 'Go until jurong point'], ['spam', 'Free entry']], header: true },
      { rows: [['text', 'label'], ['label', 'text']], header: true },
      // SMS spam collection: the first line is data, and "ham" comes back in column 1.
      { rows: [['ham', 'Ok lar'], ['ham', 'U dun say so early hor'], ['spam', 'Free entry']], header: false },
      { rows: [['text', 'label'], ['text', 'pos']], header: false },
      { rows: [['1', 'hello'], ['0', 'bye']], header: false },
      { rows: [['id', '3.5'], ['a', 'b']], header: false },
      { rows: [['text', ''], ['a', 'b']], header: false },
      { rows: [['text', '   '], ['a', 'b']], header: false },
      { rows: [['label', 'x'.repeat(61)], ['a', 'b']], header: false },
      { rows: [['label', 'x'.repeat(60)], ['a', 'b']], header: true },
      { rows: [['label', 'text']], header: false },
      { rows: [], header: false },
    ]),
  )('%s', (_name, { rows, header }) => {
    expect(looksLikeHeader(rows)).toBe(header);
  });
});
