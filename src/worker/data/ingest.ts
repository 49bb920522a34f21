import type { Table } from '../../core/data/dataset';
import { sniffEncoding, WINDOWS_1252_NOTICE, type Decoded } from '../../core/data/decode';
import { AUTO_OPTIONS, detectFormat, resolveFormat, type Detected, type IngestOptions } from '../../core/data/ingestFormat';
import { TableParser, type ParsedTable } from '../../core/data/tableParser';
import { NewlineNormalizer } from '../../core/data/textStream';
import type { DatasetSource } from '../../protocol/messages';

export interface Ingested {
  table: Table;
  notices: string[];
  /** What detection found, and what was used (detection with the user's overrides). */
  detected: Detected;
  format: Detected;
  encoding: Decoded['encoding'];
  rowCounts: ParsedTable['rowCounts'];
}

export interface IngestProgress {
  /** Bytes read so far. */
  bytes: number;
  /** Size of the file in bytes; null when the server does not say. */
  totalBytes: number | null;
  /** Rows parsed so far. */
  rows: number;
}

export interface IngestControl {
  cancelled: () => boolean;
  progress: (progress: IngestProgress) => void;
}

/** Thrown when the user cancels; nothing of the half-read file is kept. */
export class IngestCancelled extends Error {
  constructor(name: string) {
    super(`Stopped reading "${name}": the previous dataset is still loaded.`);
  }
}

class InvalidUtf8 extends Error {}

/** Bytes per read: small enough to answer Cancel and report progress often, big enough to be cheap. */
const CHUNK_BYTES = 1 << 20;
/** Bytes looked at to decide the encoding, and characters to detect the format from. */
const SNIFF_BYTES = 64 * 1024;
const SNIFF_CHARS = 64 * 1024;
const PROGRESS_EVERY_MS = 100;

interface ByteStream {
  total: number | null;
  next(): Promise<Uint8Array | null>;
  close(): void;
}

async function openBytes(source: DatasetSource): Promise<ByteStream> {
  if (source.kind === 'file') {
    const { file } = source;
    let offset = 0;
    return {
      total: file.size,
      async next() {
        if (offset >= file.size) return null;
        const end = Math.min(file.size, offset + CHUNK_BYTES);
        const bytes = new Uint8Array(await file.slice(offset, end).arrayBuffer());
        offset = end;
        return bytes;
      },
      close: () => undefined,
    };
  }
  const response = await fetch(source.url);
  if (!response.ok || !response.body) throw new Error(`Could not download "${source.name}" (HTTP ${response.status}).`);
  const length = Number(response.headers.get('content-length'));
  const reader = response.body.getReader();
  return {
    // A compressed transfer's length is not the length of the bytes read.
    total: length > 0 && !response.headers.get('content-encoding') ? length : null,
    async next() {
      const { done, value } = await reader.read();
      return done ? null : value;
    },
    close: () => void reader.cancel().catch(() => undefined),
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Reads a file or URL chunk by chunk: decodes (UTF-8, UTF-16 with or without BOM, else
 * Windows-1252 with a notice; binary refused), normalises line ends, detects the format on the
 * first 64 KB, and parses as the text arrives. Between chunks it reports progress and honours
 * Cancel. Nothing changes anywhere until it returns.
 */
export async function ingest(source: DatasetSource, options: IngestOptions = AUTO_OPTIONS, control?: IngestControl): Promise<Ingested> {
  try {
    return await read(source, options, control, false);
  } catch (error) {
    if (!(error instanceof InvalidUtf8)) throw error;
    return read(source, options, control, true);
  }
}

async function read(source: DatasetSource, options: IngestOptions, control: IngestControl | undefined, asWindows1252: boolean): Promise<Ingested> {
  const stream = await openBytes(source);
  try {
    const headParts: Uint8Array[] = [];
    let bytes = 0;
    for (let chunk; bytes < SNIFF_BYTES && (chunk = await stream.next()); ) {
      headParts.push(chunk);
      bytes += chunk.length;
    }
    const head = concat(headParts);
    const sniffed = sniffEncoding(head, source.name);
    const encoding: Decoded['encoding'] = asWindows1252 ? 'windows-1252' : sniffed.encoding;
    // The UTF decoders drop their own byte-order mark; windows-1252 must skip a UTF-8 one by hand.
    const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
    const normalizer = new NewlineNormalizer();
    // The parser starts once enough text has arrived to detect the format from.
    const state: { pending: string; parsing: { parser: TableParser; detected: Detected; format: Detected } | null } = { pending: '', parsing: null };
    const feed = (text: string, final: boolean) => {
      if (!state.parsing) {
        state.pending += text;
        if (state.pending.length < SNIFF_CHARS && !final) return;
        const detected = detectFormat(state.pending, source.name, final);
        const format = resolveFormat(options, detected);
        state.parsing = { parser: new TableParser(format, options.header, source.name), detected, format };
        text = state.pending;
        state.pending = '';
      }
      state.parsing.parser.push(text);
    };
    const decode = (chunk: Uint8Array, final: boolean) => {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: !final });
      } catch {
        throw new InvalidUtf8();
      }
      feed(normalizer.push(text) + (final ? normalizer.end() : ''), final);
    };
    let lastReport = performance.now();
    const checkpoint = () => {
      if (control?.cancelled()) throw new IngestCancelled(source.name);
      const now = performance.now();
      if (control && now - lastReport >= PROGRESS_EVERY_MS) {
        lastReport = now;
        control.progress({ bytes, totalBytes: stream.total, rows: state.parsing?.parser.rows ?? 0 });
      }
    };
    decode(asWindows1252 ? head.subarray(sniffed.bomBytes) : head, false);
    for (let chunk; (chunk = await stream.next()); ) {
      checkpoint();
      bytes += chunk.length;
      decode(chunk, false);
    }
    decode(new Uint8Array(0), true);
    checkpoint();
    const { parser, detected, format } = state.parsing!;
    const parsed = parser.end();
    control?.progress({ bytes, totalBytes: stream.total, rows: parsed.table.rows.length });
    const encodingNotice = asWindows1252 ? WINDOWS_1252_NOTICE : sniffed.notice;
    return {
      table: parsed.table,
      notices: encodingNotice ? [encodingNotice, ...parsed.notices] : parsed.notices,
      detected,
      format,
      encoding,
      rowCounts: parsed.rowCounts,
    };
  } finally {
    stream.close();
  }
}
