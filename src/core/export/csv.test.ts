import { describe, expect, it } from 'vitest';
import { neutralizeCell, toCsv } from './csv';

describe('neutralizeCell', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['plain text', 'plain text'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(neutralizeCell(input)).toBe(expected);
  });
});

describe('toCsv', () => {
  it.each([
    ['plain cells', [['a', 'b']], 'a,b\r\n'],
    ['comma, quote and newline are quoted, quotes doubled', [['a,b', 'say "hi"', 'two\nlines']], '"a,b","say ""hi""","two\nlines"\r\n'],
    ['leading or trailing space is quoted', [[' x', 'y ']], '" x","y "\r\n'],
    ['formula text is neutralised before quoting', [['=HYPERLINK("x")']], `"'=HYPERLINK(""x"")"\r\n`],
    ['numbers stay numbers, negative ones too', [[0.25, -1, 'n']], '0.25,-1,n\r\n'],
    ['several rows', [['h1', 'h2'], ['1', '2']], 'h1,h2\r\n1,2\r\n'],
  ])('%s', (_name, rows, expected) => {
    expect(toCsv(rows as (string | number)[][])).toBe(expected);
  });
});
