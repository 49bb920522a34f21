/**
 * Keras `pad_sequences` for integer sequences, into one flat row-major Int32Array
 * (the layout a [rows, maxlen] int32 tensor wants), plus a fused tokenize-and-pad hot path.
 */
import { SequenceEncoder } from './tokenizer';
import type { TokenizerState } from './tokenizer';

/** Which end gets the padding, or loses tokens when truncating. */
export type PadMode = 'pre' | 'post';

/** Keras `pad_sequences` options; defaults as in Keras. */
export interface PadOptions {
  /** Row length in tokens; a positive integer (Keras' `maxlen=None` is not supported). */
  maxlen: number;
  /** Where to put padding: 'pre' (default, left) or 'post' (right). */
  padding?: PadMode;
  /** Which tokens to drop from sequences longer than maxlen: 'pre' (default, the first) or 'post'. */
  truncating?: PadMode;
  /** Padding value (default 0), stored as int32 (fractions truncate toward zero, like numpy's cast). */
  value?: number;
}

/** Options validated once per call, so the per-row code only copies. */
interface Layout {
  maxlen: number;
  padPre: boolean;
  truncPre: boolean;
  value: number;
}

function layoutOf(options: PadOptions): Layout {
  const { maxlen, padding = 'pre', truncating = 'pre', value = 0 } = options;
  if (!Number.isInteger(maxlen) || maxlen < 1) throw new RangeError(`pad maxlen must be a positive integer, got ${maxlen}`);
  // Runtime checks too: options often come from UI state or JSON, not type-checked code.
  if (padding !== 'pre' && padding !== 'post') throw new Error(`Padding type "${String(padding)}" not understood`);
  if (truncating !== 'pre' && truncating !== 'post') throw new Error(`Truncating type "${String(truncating)}" not understood`);
  return { maxlen, padPre: padding === 'pre', truncPre: truncating === 'pre', value };
}

function allocate(rows: number, layout: Layout): Int32Array {
  const out = new Int32Array(rows * layout.maxlen);
  if (layout.value !== 0) out.fill(layout.value);
  return out;
}

/** Copies the kept part of `seq[0..length)` into row `row` of `out`, Keras' trunc/pad rules. */
function writeRow(out: Int32Array, row: number, seq: ArrayLike<number>, length: number, layout: Layout): void {
  const kept = Math.min(length, layout.maxlen);
  const from = layout.truncPre ? length - kept : 0;
  let at = row * layout.maxlen + (layout.padPre ? layout.maxlen - kept : 0);
  for (let i = from; i < from + kept; i++) out[at++] = seq[i];
}

/** pad_sequences into one flat row-major Int32Array of length sequences.length * maxlen. */
export function padSequences(sequences: readonly (readonly number[])[], options: PadOptions): Int32Array {
  const layout = layoutOf(options);
  const out = allocate(sequences.length, layout);
  for (let row = 0; row < sequences.length; row++) {
    writeRow(out, row, sequences[row], sequences[row].length, layout);
  }
  return out;
}

/** Tokenize + pad in one pass without building intermediate arrays (hot path for 100k texts). Same result as padSequences(textsToSequences(...)). */
export function encodeTexts(state: TokenizerState, texts: readonly string[], options: PadOptions): Int32Array {
  const layout = layoutOf(options);
  const out = allocate(texts.length, layout);
  const encoder = new SequenceEncoder(state);
  for (let row = 0; row < texts.length; row++) {
    const length = encoder.encode(texts[row]);
    writeRow(out, row, encoder.indices, length, layout);
  }
  return out;
}
