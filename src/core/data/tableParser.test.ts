import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode';
import type { Detected } from './ingestFormat';
import { detectFormat } from './ingestFormat';
import { readSharedFile, SHARED_DATA_HINT, SMS_URL } from '../testFixtures/sharedDataFixture';
import { TableParser, type ParsedTable } from './tableParser';

/** Parses `text` as the studio does: format detected from the text unless given, pushed in small pieces. */
function parse(text: string, options: { name?: string; format?: Detected; header?: boolean | 'auto'; piece?: number } = {}): ParsedTable {
  const name = options.name ?? 'data.txt';
  const parser = new TableParser(options.format ?? detectFormat(text, name, true), options.header ?? 'auto', name);
  const piece = options.piece ?? 5;
  for (let i = 0; i < text.length; i += piece) parser.push(text.slice(i, i + piece));
  return parser.end();
}

interface Fixture {
  about: string;
  text: string;
  name?: string;
  header?: boolean;
  format?: Detected;
  columns: string[];
  rows: string[][];
  rowNumbers?: number[];
  notices?: string[];
  rowCounts?: ParsedTable['rowCounts'];
}

const FIXTURES: Fixture[] = [
  {
    about: 'CSV with a header; a blank line keeps its row number',
    text: 'text,label\ngood,pos\n\nbad,neg\n',
    columns: ['text', 'label'],
    rows: [['good', 'pos'], ['bad', 'neg']],
    rowNumbers: [1, 3],
  },
  {
    about: 'CSV header turned off by the user',
    text: 'text,label\ngood,pos\n',
    header: false,
    columns: ['Column 1', 'Column 2'],
    rows: [['text', 'label'], ['good', 'pos']],
  },
  {
    about: 'duplicate and empty header names',
    text: 'a,a,\n1x,2y,3z\n4x,5y,6z\n',
    header: true,
    columns: ['a', 'a (2)', 'Column 3'],
    rows: [['1x', '2y', '3z'], ['4x', '5y', '6z']],
  },
  {
    about: 'ragged rows: extra cells are reported, short rows are left to the column mapping',
    text: 'text,label\ngood film,pos\nbad film\ngreat, really great,pos\nfine,pos,extra\n',
    columns: ['text', 'label'],
    rows: [['good film', 'pos'], ['bad film'], ['great', ' really great', 'pos'], ['fine', 'pos', 'extra']],
    notices: [
      '2 row(s) have more than 2 cells: the extra cells are ignored (rows 3, 4). A delimiter inside an unquoted text? Quote such texts, or choose another "Delimiter".',
    ],
  },
  {
    about: 'bad quotes: a stray quote and one that never closes',
    text: 'text,label\n"fine" print,pos\nok,neg\n"never closed,neg\nlost,pos\n',
    columns: ['text', 'label'],
    rows: [['fine print', 'pos'], ['ok', 'neg'], ['never closed,neg\nlost,pos\n']],
    notices: [
      '1 row(s) have a quoted text followed by more characters (rows 1): the text was read on to the next delimiter. Inside a quoted text, write a quote as "".',
      'The quote that opens a text in row 3 never closes: everything after it was read into that one row. Close the quote, or choose File format "TSV" if quotes in this file are ordinary characters.',
    ],
  },
  {
    about: 'literal quote in TSV: both counts are reported',
    text: 'ham\t"Hello there\nspam\tWin "cash" now\nham\tsee you"\n',
    columns: ['Column 1', 'Column 2'],
    rows: [['ham', '"Hello there'], ['spam', 'Win "cash" now'], ['ham', 'see you"']],
    rowCounts: { quoteAware: 2, quoteBlind: 3 },
    notices: [
      'Rows counted two ways disagree: 3 rows with " as an ordinary character (used), 2 if " started quoted texts as in CSV. This file has literal quotes; if its texts are really quoted, choose File format "CSV" with Delimiter "Tab".',
    ],
  },
  {
    about: 'U+0085, U+2028 and U+2029 inside texts do not split rows',
    text: 'text,label\nline\u0085one,a\nline\u2028two\u2029,b\n',
    columns: ['text', 'label'],
    rows: [['line\u0085one', 'a'], ['line\u2028two\u2029', 'b']],
  },
  {
    about: 'label<TAB>text lines keep later tabs in the text',
    text: 'pos\tgreat\tfilm\nneg\tbad\npos\ta\tb\tc\nneg\tmeh\nnotab\n',
    format: { format: 'labelText', delimiter: '\t' },
    columns: ['label', 'text'],
    rows: [['pos', 'great\tfilm'], ['neg', 'bad'], ['pos', 'a\tb\tc'], ['neg', 'meh'], ['notab']],
    rowCounts: { quoteAware: 5, quoteBlind: 5 },
  },
  {
    about: 'fastText lines: the first of several labels is used, and said so',
    text: '__label__pos great film\n__label__neg __label__meh dull\n\n__label__pos fine\n',
    columns: ['label', 'text'],
    rows: [['pos', 'great film'], ['neg', 'dull'], ['pos', 'fine']],
    rowNumbers: [1, 2, 4],
    notices: ['1 line(s) have several __label__ labels; the first label of each was used (lines 2).'],
  },
  {
    about: 'JSON Lines with a bad line',
    text: '{"text": "a", "label": "x"}\n{"text": "b", label: "y"}\n{"label": "z", "text": "c"}\n',
    columns: ['text', 'label'],
    rows: [['a', 'x'], ['c', 'z']],
    rowNumbers: [1, 3],
  },
  {
    about: 'JSON array of objects',
    text: '[{"text": "a", "label": "x", "id": 1}, {"text": "b", "label": ["y", "w"]}]',
    columns: ['text', 'label', 'id'],
    rows: [['a', 'x', '1'], ['b', 'y', '']],
    notices: ['1 row(s) have a list of several values in a field; the first value was used.'],
  },
  {
    about: 'JSON object holding one array of rows',
    text: '{"rows": [{"text": "a", "label": "x"}], "version": 2}',
    name: 'x.json',
    columns: ['text', 'label'],
    rows: [['a', 'x']],
  },
  {
    about: 'one column only',
    text: 'hello\nworld\n',
    header: false,
    columns: ['Column 1'],
    rows: [['hello'], ['world']],
    notices: ['Only one column was found (read as CSV, delimiter Comma): a text column and a label column are needed. Check "File format" and "Delimiter".'],
  },
];

describe('TableParser fixtures', () => {
  it.each(FIXTURES.map((f) => [f.about, f] as const))('%s', (_name, f) => {
    const { table, notices, rowCounts } = parse(f.text, { header: f.header ?? 'auto', name: f.name, format: f.format });
    expect(table.columns).toEqual(f.columns);
    expect(table.rows).toEqual(f.rows);
    if (f.rowNumbers) expect(table.rowNumbers).toEqual(f.rowNumbers);
    if (f.notices) expect(notices).toEqual(f.notices);
    else if (!f.about.startsWith('JSON Lines')) expect(notices).toEqual([]);
    if (f.rowCounts !== undefined) expect(rowCounts).toEqual(f.rowCounts);
  });

  it('names the first bad JSON line', () => {
    const { notices } = parse('{"text": "a", "label": "x"}\n{"text": "b", label: "y"}\n7\n');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^2 line\(s\) could not be read and were skipped \(line 2 is not valid JSON \(.+\); lines 2, 3\)\.$/);
  });

  it.each([
    ['an empty text', '', 'data.txt', '"data.txt" has no rows: it needs a text and a label on each line or row.'],
    ['only blank lines', '\n \n\t\n', 'data.txt', '"data.txt" has no rows: it needs a text and a label on each line or row.'],
    ['broken JSON', '[{"text": "a",\n "label": }]', 'x.json', /^"x\.json" is not valid JSON at line 2, column 11 \(.+\)\. Fix it there, or choose another "File format"\.$/],
    ['JSON that is not rows', '{"a": 1}', 'x.json', '"x.json" is JSON but not an array of rows: write it as [{"text": "…", "label": "…"}, …], or as one object per line (JSON Lines).'],
  ])('refuses %s', (_about, text, name, error) => {
    expect(() => parse(text, { name })).toThrow(error);
  });
});

describe('SMS Spam Collection through the whole reader', async () => {
  const bytes = await readSharedFile(SMS_URL);
  it.skipIf(!bytes)(`5,574 rows, no header, and the two-way count (needs ${SHARED_DATA_HINT})`, () => {
    const { text } = decodeBytes(bytes!, 'SMSSpamCollection');
    const { table, notices, rowCounts } = parse(text, { name: 'SMSSpamCollection', piece: 1 << 20 });
    expect(table.hasHeader).toBe(false);
    expect(table.rows).toHaveLength(5574);
    expect(rowCounts).toEqual({ quoteAware: 5572, quoteBlind: 5574 });
    expect(notices).toEqual([
      'Rows counted two ways disagree: 5,574 rows with " as an ordinary character (used), 5,572 if " started quoted texts as in CSV. This file has literal quotes; if its texts are really quoted, choose File format "CSV" with Delimiter "Tab".',
    ]);
  });
});
