import { describe, expect, it } from 'vitest';
import { LineReader, NewlineNormalizer } from './textStream';

/** Every way of cutting `text` into two pieces, plus one piece per character. */
function splits(text: string): string[][] {
  const out: string[][] = [[text], [...text]];
  for (let i = 1; i < text.length; i++) out.push([text.slice(0, i), text.slice(i)]);
  return out;
}

function normalize(pieces: string[]): string {
  const n = new NewlineNormalizer();
  return pieces.map((p) => n.push(p)).join('') + n.end();
}

function lines(pieces: string[]): string[] {
  const out: string[] = [];
  const reader = new LineReader((line) => out.push(line));
  for (const p of pieces) reader.push(p);
  reader.end();
  return out;
}

describe('NewlineNormalizer', () => {
  it.each([
    ['a\r\nb', 'a\nb'],
    ['a\rb\r', 'a\nb\n'],
    ['a\r\r\nb', 'a\n\nb'],
    ['a\n\rb', 'a\n\nb'],
    // NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR are characters of a text, not line ends.
    ['x\u0085y\u2028z\u2029w\n', 'x\u0085y\u2028z\u2029w\n'],
  ])('%j → %j however it is cut into pieces', (input, expected) => {
    for (const pieces of splits(input)) expect(normalize(pieces)).toBe(expected);
  });
});

describe('LineReader', () => {
  it.each([
    ['a\nb\n', ['a', 'b']],
    ['a\nb', ['a', 'b']],
    ['\n\na', ['', '', 'a']],
    ['', []],
    ['one\u2028line\u0085still', ['one\u2028line\u0085still']],
  ])('%j → %j however it is cut into pieces', (input, expected) => {
    for (const pieces of splits(input)) expect(lines(pieces)).toEqual(expected);
  });
});
