import { describe, expect, it } from 'vitest';
import { decodeBytes, sniffEncoding } from './decode';

/** UTF-16 bytes of an ASCII/Latin-1 string, without a BOM. */
function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i + (endian === 'le' ? 0 : 1)] = c & 0xff;
    out[2 * i + (endian === 'le' ? 1 : 0)] = c >> 8;
  }
  return out;
}

describe('UTF-16 without a byte-order mark', () => {
  it.each([
    ['le', 'utf-16le', 'little-endian'],
    ['be', 'utf-16be', 'big-endian'],
  ] as const)('%s is recognised by its zero bytes', (endian, encoding, words) => {
    const text = 'text,label\ncafé au lait,drink\n';
    const decoded = decodeBytes(utf16(text, endian), 'x.csv');
    expect(decoded).toEqual({
      text,
      encoding,
      notice: `Decoded as UTF-16 (${words}) without a byte-order mark, recognised by its zero bytes. Check the preview.`,
    });
  });

  it('needs 16 bytes before trusting the pattern', () => {
    expect(() => sniffEncoding(utf16('hi', 'le'), 'short.txt')).toThrow('"short.txt" looks binary (it contains NUL bytes)');
  });

  it('binary with zeros everywhere is still refused', () => {
    const bytes = Uint8Array.from({ length: 64 }, (_, i) => (i % 3 === 0 ? 0 : 65));
    expect(() => sniffEncoding(bytes, 'blob.bin')).toThrow('"blob.bin" looks binary (it contains NUL bytes), not text.');
  });

  it('reports BOM bytes to skip', () => {
    expect(sniffEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), 'x').bomBytes).toBe(3);
    expect(sniffEncoding(Uint8Array.from([0xff, 0xfe, 0x61, 0]), 'x')).toEqual({ encoding: 'utf-16le', bomBytes: 2, notice: 'Decoded as UTF-16 (little-endian).' });
  });
});
