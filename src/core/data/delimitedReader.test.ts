import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DelimitedReader } from './delimitedReader';
import { mulberry32 } from '../random';
import { readSharedFile, SHARED_DATA_HINT, SMS_URL } from '../testFixtures/sharedDataFixture';

/** Reads `text` cut into pieces of `size` characters (0: one piece). */
function read(text: string, delimiter: string, quotes: boolean, size = 0) {
  const records: string[][] = [];
  const reader = new DelimitedReader(delimiter, quotes, (cells) => records.push(cells));
  if (size === 0) reader.push(text);
  else for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
  reader.end();
  return { records, problems: reader.problems, count: reader.records };
}

interface Case {
  about: string;
  input: string;
  quotes: boolean;
  records: string[][];
  stray?: number[];
  unclosedAt?: number;
}

const CASES: Case[] = [
  { about: 'plain rows', input: 'a,b\nc,d\n', quotes: true, records: [['a', 'b'], ['c', 'd']] },
  { about: 'no final line end', input: 'a,b\nc,d', quotes: true, records: [['a', 'b'], ['c', 'd']] },
  { about: 'empty fields and a trailing delimiter', input: ',a,\n', quotes: true, records: [['', 'a', '']] },
  { about: 'quoted delimiter and line end', input: '"a,b","c\nd"\n', quotes: true, records: [['a,b', 'c\nd']] },
  { about: 'doubled quote inside quotes', input: '"say ""hi""",x\n', quotes: true, records: [['say "hi"', 'x']] },
  { about: 'quote inside an unquoted field is a character', input: 'a "b" c,x\n', quotes: true, records: [['a "b" c', 'x']] },
  { about: 'empty quoted field', input: '"",x\n', quotes: true, records: [['', 'x']] },
  { about: 'blank line is a record of one empty cell', input: 'a\n\nb\n', quotes: true, records: [['a'], [''], ['b']] },
  {
    about: 'stray quote: the field goes on unquoted to the line end (Python csv)',
    input: '"a"b,c\nd,e\n',
    quotes: true,
    records: [['ab', 'c'], ['d', 'e']],
    stray: [0],
  },
  {
    about: 'unclosed quote runs to the end of the input',
    input: 'x,y\n"open,z\nw,v\n',
    quotes: true,
    records: [['x', 'y'], ['open,z\nw,v\n']],
    unclosedAt: 1,
  },
  { about: 'U+0085 and U+2028 inside a field are not line ends', input: 'a\u0085b,c\u2028d\n', quotes: true, records: [['a\u0085b', 'c\u2028d']] },
  { about: 'quotes off: every line is a record', input: 'ham\t"Hi\nspam\tok"\n', quotes: false, records: [['ham', '"Hi'], ['spam', 'ok"']] },
  { about: 'quotes off: tabs split, commas do not', input: 'a,b\tc\n', quotes: false, records: [['a,b', 'c']] },
];

describe('DelimitedReader', () => {
  it.each(CASES.map((c) => [c.about, c] as const))('%s', (_name, c) => {
    const delimiter = c.quotes ? ',' : '\t';
    for (const size of [0, 1, 2, 3, 7]) {
      const { records, problems } = read(c.input, delimiter, c.quotes, size);
      expect(records).toEqual(c.records);
      expect(problems.stray).toEqual(c.stray ?? []);
      expect(problems.unclosedAt).toBe(c.unclosedAt ?? -1);
    }
  });

  it('counts records without collecting cells', () => {
    const reader = new DelimitedReader(',', true);
    reader.push('a,"b\nc"\nd,e\n');
    reader.end();
    expect(reader.records).toBe(2);
  });

  it('agrees with Papa Parse on well-formed CSV, however the text is cut (seeded fuzz)', () => {
    const random = mulberry32(7);
    const pick = (s: string) => s[Math.floor(random() * s.length)];
    for (let round = 0; round < 200; round++) {
      const rows: string[][] = [];
      const nRows = 1 + Math.floor(random() * 6);
      const width = 1 + Math.floor(random() * 4);
      for (let r = 0; r < nRows; r++) {
        rows.push(Array.from({ length: width }, () => Array.from({ length: Math.floor(random() * 6) }, () => pick('ab ,"\n;\u0085é')).join('')));
      }
      // Papa Parse reads a record of one empty field as a blank line; keep such rows out.
      const kept = rows.filter((r) => r.some((c) => c !== ''));
      if (!kept.length) continue;
      const text = kept.map((r) => r.map((c) => (/[",\n]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');
      const papa = Papa.parse<string[]>(text, { delimiter: ',', newline: '\n', quoteChar: '"' });
      expect(papa.errors).toEqual([]);
      expect(read(text, ',', true, 1 + Math.floor(random() * 5)).records).toEqual(papa.data);
      expect(read(text, ',', true).records).toEqual(kept);
    }
  });
});

describe('SMS Spam Collection (real TSV with literal quotes)', async () => {
  const bytes = await readSharedFile(SMS_URL);
  it.skipIf(!bytes)(`reads 5,574 lines quote-blind and 5,572 records quote-aware (needs ${SHARED_DATA_HINT})`, () => {
    const text = new TextDecoder().decode(bytes!);
    expect(read(text, '\t', false, 65536).count).toBe(5574);
    const quoted = read(text, '\t', true, 65536);
    expect(quoted.count).toBe(5572);
    expect(quoted.problems.strayCount).toBeGreaterThan(0);
  });
});
