import Papa from 'papaparse';
import { decodeBytes } from '../core/decode';
import { looksLikeHeader, type Table } from '../core/dataset';
import type { DatasetSource } from '../protocol/messages';

export interface Ingested {
  table: Table;
  notices: string[];
}

async function readBytes(source: DatasetSource): Promise<Uint8Array> {
  if (source.kind === 'file') return new Uint8Array(await source.file.arrayBuffer());
  const response = await fetch(source.url);
  if (!response.ok) throw new Error(`Could not download "${source.name}" (HTTP ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Reads and parses a delimited file. Tab-separated files are parsed with quoting off: real
 * TSV files carry literal `"` characters, and reading them as quotes silently merges rows.
 */
export async function ingest(source: DatasetSource): Promise<Ingested> {
  const decoded = decodeBytes(await readBytes(source), source.name);
  const notices = decoded.notice ? [decoded.notice] : [];
  const text = decoded.text.replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const isTsv = /\.tsv$/i.test(source.name) || (firstLine.includes('\t') && !firstLine.includes(','));
  const result = Papa.parse<string[]>(text, {
    delimiter: isTsv ? '\t' : '',
    quoteChar: isTsv ? '\u0000' : '"',
    skipEmptyLines: 'greedy',
  });
  const rows = result.data;
  if (rows.length === 0) throw new Error(`"${source.name}" has no rows: add a header row and at least two labeled texts.`);
  const quoteErrors = result.errors.filter((e) => e.type === 'Quotes');
  if (quoteErrors.length > 0) {
    const row = (quoteErrors[0].row ?? 0) + 1;
    notices.push(`Unbalanced quotes near line ${row}: check that quoted texts close their quotes ("" inside a quoted text).`);
  }
  const hasHeader = looksLikeHeader(rows);
  const width = Math.max(...rows.slice(0, 1000).map((r) => r.length));
  const columns = hasHeader ? rows[0].map((c, i) => c.trim() || `Column ${i + 1}`) : Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
  return { table: { columns, rows: hasHeader ? rows.slice(1) : rows, hasHeader }, notices };
}
