import { describe, expect, it } from 'vitest';
import { AUTO_OPTIONS } from '../../core/data/ingestFormat';
import { IngestCancelled, ingest, type IngestProgress } from './ingest';

const MB = 1 << 20;
const fileOf = (bytes: Uint8Array<ArrayBuffer> | string, name = 'data.csv') => ({ kind: 'file' as const, file: new File([bytes], name), name });

/** A CSV of `rows` rows whose multi-byte characters and CR LF pairs land on every kind of chunk boundary. */
function bigCsv(rows: number): string {
  const lines = ['text,label'];
  for (let i = 0; i < rows; i++) lines.push(`"naïve café ${i}, 日本語 ${'x'.repeat(i % 97)}",${i % 3 === 0 ? 'a' : 'b'}`);
  return `${lines.join('\r\n')}\r\n`;
}

describe('ingest (streaming, in 1 MB chunks)', () => {
  it('reads a multi-megabyte file across chunk boundaries exactly as one piece', async () => {
    const text = bigCsv(40_000);
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBeGreaterThan(3 * MB);
    const progress: IngestProgress[] = [];
    const result = await ingest(fileOf(bytes), AUTO_OPTIONS, { cancelled: () => false, progress: (p) => progress.push(p) });
    expect(result.table.rows).toHaveLength(40_000);
    expect(result.table.rows[39_999]).toEqual([`naïve café 39999, 日本語 ${'x'.repeat(39_999 % 97)}`, 'a']);
    expect(result.table.rows.every((r) => r.length === 2 && !r[1].includes('\r'))).toBe(true);
    expect(result.encoding).toBe('utf-8');
    expect(result.notices).toEqual([]);
    expect(progress.at(-1)).toEqual({ bytes: bytes.length, totalBytes: bytes.length, rows: 40_000 });
  });

  it('falls back to Windows-1252 when invalid UTF-8 comes after the first chunk', async () => {
    const head = new TextEncoder().encode(`text,label\n${'plain ascii text,a\n'.repeat(Math.ceil((1.5 * MB) / 18))}`);
    const tail = Uint8Array.from([...new TextEncoder().encode('caf'), 0xe9, ...new TextEncoder().encode(',b\n')]);
    const result = await ingest(fileOf(new Uint8Array([...head, ...tail])));
    expect(result.encoding).toBe('windows-1252');
    expect(result.notices[0]).toBe('This file is not valid UTF-8; it was read as Windows-1252 (Latin-1). Check accented letters in the preview.');
    expect(result.table.rows.at(-1)).toEqual(['café', 'b']);
  });

  it('stops between chunks when cancelled, and keeps nothing', async () => {
    const bytes = new TextEncoder().encode(bigCsv(40_000));
    let chunks = 0;
    const control = { cancelled: () => ++chunks > 1, progress: () => undefined };
    await expect(ingest(fileOf(bytes), AUTO_OPTIONS, control)).rejects.toThrow(new IngestCancelled('data.csv').message);
    expect(chunks).toBe(2);
  });

  it('applies the overrides: format, delimiter and header', async () => {
    const file = fileOf('a;b\nx;y\n', 'x.txt');
    const auto = await ingest(file);
    expect(auto.format).toEqual({ format: 'csv', delimiter: ';' });
    const forced = await ingest(file, { format: 'csv', delimiter: ',', header: false });
    expect(forced.format).toEqual({ format: 'csv', delimiter: ',' });
    expect(forced.detected).toEqual({ format: 'csv', delimiter: ';' });
    expect(forced.table.rows).toEqual([['a;b'], ['x;y']]);
  });

  it.each([
    ['empty.csv', new Uint8Array(0), '"empty.csv" is empty: choose a file with a header row and labeled texts.'],
    ['image.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), '"image.png" is a PNG image, not text.'],
  ])('refuses %s', async (name, bytes, message) => {
    await expect(ingest(fileOf(bytes, name))).rejects.toThrow(message);
  });
});
