import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode';
import type { Decoded } from './decode';

/**
 * Pairs each case with its name rendered from the case data itself, so names cannot drift from
 * what is checked. Used with '%s' because '$field' titles are truncated by vitest.
 */
function named<T extends object>(cases: T[]): [string, T][] {
  return cases.map((c) => [JSON.stringify(c), c]);
}

/** Bytes from ASCII strings and byte lists; non-ASCII is spelled out as bytes by hand below. */
function bytes(...parts: (string | number[])[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part !== 'string') {
      out.push(...part);
      continue;
    }
    for (const ch of part) {
      const code = ch.charCodeAt(0);
      if (code > 0x7f) throw new Error(`Spell out non-ASCII ${ch} as bytes`);
      out.push(code);
    }
  }
  return Uint8Array.from(out);
}

const NOTICE_1252 = 'This file is not valid UTF-8; it was read as Windows-1252 (Latin-1). Check accented letters in the preview.';

interface TextCase {
  about: string;
  input: Uint8Array;
  decoded: Decoded;
}

const TEXT_CASES: TextCase[] = [
  {
    about: 'UTF-8 without BOM, é as C3 A9',
    input: bytes('text,label\ncaf', [0xc3, 0xa9], ',pos\n'),
    decoded: { text: 'text,label\ncafé,pos\n', encoding: 'utf-8', notice: null },
  },
  {
    about: 'UTF-8 with BOM: the BOM is dropped',
    input: bytes([0xef, 0xbb, 0xbf], 'text,label'),
    decoded: { text: 'text,label', encoding: 'utf-8', notice: null },
  },
  {
    about: 'UTF-8 emoji F0 9F 98 80 and CJK E6 97 A5',
    input: bytes([0xf0, 0x9f, 0x98, 0x80, 0xe6, 0x97, 0xa5]),
    decoded: { text: '😀日', encoding: 'utf-8', notice: null },
  },
  {
    about: 'tabs, CR/LF and form feeds are text, not control bytes',
    input: bytes('a\tb\r\nc\f\v\n'),
    decoded: { text: 'a\tb\r\nc\f\v\n', encoding: 'utf-8', notice: null },
  },
  {
    about: 'UTF-16 LE with BOM FF FE',
    input: bytes([0xff, 0xfe, 0x68, 0x00, 0x69, 0x00, 0xe9, 0x00, 0x3d, 0xd8, 0x00, 0xde]),
    decoded: { text: 'hié😀', encoding: 'utf-16le', notice: 'Decoded as UTF-16 (little-endian).' },
  },
  {
    about: 'UTF-16 BE with BOM FE FF',
    input: bytes([0xfe, 0xff, 0x00, 0x68, 0x00, 0x69, 0x00, 0xe9, 0xd8, 0x3d, 0xde, 0x00]),
    decoded: { text: 'hié😀', encoding: 'utf-16be', notice: 'Decoded as UTF-16 (big-endian).' },
  },
  {
    about: 'invalid UTF-8 (a lone E9) falls back to Windows-1252',
    input: bytes('caf', [0xe9], ',pos'),
    decoded: { text: 'café,pos', encoding: 'windows-1252', notice: NOTICE_1252 },
  },
  // Bytes A0–FF only: Node 20.18.3+ decodes windows-1252's 80–9F block (€, curly quotes) as
  // Latin-1 C1 controls (nodejs/node#60888), unlike browsers, where this module runs.
  {
    about: 'Windows-1252 bytes EF, A9, C4, FF',
    input: bytes('na', [0xef], 've ', [0xa9], ' ', [0xc4, 0xff]),
    decoded: { text: 'naïve © Äÿ', encoding: 'windows-1252', notice: NOTICE_1252 },
  },
  {
    about: 'a truncated UTF-8 sequence at the end is invalid UTF-8',
    input: bytes('ok', [0xc3]),
    decoded: { text: 'okÃ', encoding: 'windows-1252', notice: NOTICE_1252 },
  },
  {
    about: 'PK alone is not a ZIP signature',
    input: bytes('PK is a label'),
    decoded: { text: 'PK is a label', encoding: 'utf-8', notice: null },
  },
  {
    about: '5 control bytes in 100 is still text (the limit is more than 5%)',
    input: bytes('x'.repeat(95), [0x01, 0x02, 0x1b, 0x1f, 0x07]),
    decoded: { text: `${'x'.repeat(95)}\x01\x02\x1b\x1f\x07`, encoding: 'utf-8', notice: null },
  },
];

describe('decodeBytes text', () => {
  it.each(TEXT_CASES.map((c) => [c.about, c] as const))('%s', (_name, { input, decoded }) => {
    expect(decodeBytes(input, 'data.csv')).toEqual(decoded);
  });
});

describe('decodeBytes refusals', () => {
  const notText = (file: string, what: string) =>
    `"${file}" is ${what}, not text. Export it as CSV, TSV, JSON or plain text lines and upload that.`;
  it.each(
    named([
      { file: 'empty.csv', input: [], error: '"empty.csv" is empty: choose a file with a header row and labeled texts.' },
      { file: 'data.xlsx', input: [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], error: notText('data.xlsx', 'a ZIP archive (or .xlsx/.docx)') },
      { file: 'paper.pdf', input: [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37], error: notText('paper.pdf', 'a PDF document') },
      { file: 'chart.png', input: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], error: notText('chart.png', 'a PNG image') },
      { file: 'photo.jpg', input: [0xff, 0xd8, 0xff, 0xe0], error: notText('photo.jpg', 'a JPEG image') },
      { file: 'anim.gif', input: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], error: notText('anim.gif', 'a GIF image') },
      { file: 'data.csv.gz', input: [0x1f, 0x8b, 0x08, 0x00], error: notText('data.csv.gz', 'a gzip archive') },
      { file: 'old.xls', input: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1], error: notText('old.xls', 'an old Excel/Word document') },
      {
        file: 'x.bin',
        input: [0x61, 0x2c, 0x62, 0x00, 0x0a],
        error: '"x.bin" looks binary (it contains NUL bytes), not text. Upload a CSV, TSV, JSON or text file.',
      },
      // UTF-16 without a BOM has NUL in every other byte.
      {
        file: 'utf16-nobom.txt',
        input: [0x68, 0x00, 0x69, 0x00],
        error: '"utf16-nobom.txt" looks binary (it contains NUL bytes), not text. Upload a CSV, TSV, JSON or text file.',
      },
      {
        file: 'noise.dat',
        // 01, 07, 08 (below tab) and 0E, 1B, 1F (between CR and space) all count.
        input: [...Array<number>(94).fill(0x78), 0x01, 0x07, 0x08, 0x0e, 0x1b, 0x1f],
        error: '"noise.dat" looks binary (6 control bytes in its first 100), not text.',
      },
    ]),
  )('%s', (_name, { file, input, error }) => {
    expect(() => decodeBytes(Uint8Array.from(input), file)).toThrow(error);
  });

  it('counts control bytes only in the first 8192 bytes', () => {
    const input = bytes('x'.repeat(8192), Array<number>(1000).fill(0x01));
    expect(decodeBytes(input, 'tail.txt').encoding).toBe('utf-8');
    const head = bytes(Array<number>(500).fill(0x01), 'x'.repeat(9000));
    expect(() => decodeBytes(head, 'head.txt')).toThrow('"head.txt" looks binary (500 control bytes in its first 8192), not text.');
  });
});
