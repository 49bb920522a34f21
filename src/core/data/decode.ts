/**
 * Bytes to text, refusing what is not text. UTF-8 (with or without BOM) decodes silently,
 * UTF-16 (by BOM, or without one by its pattern of zero bytes) with a notice; bytes that are
 * not valid UTF-8 are read as Windows-1252 with a notice, because that is what spreadsheets on
 * Windows export.
 */

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** Shown to the user when the file was not plain UTF-8. */
  notice: string | null;
}

/** Signatures of common binary formats, checked before anything else. */
const MAGIC: [string, number[]][] = [
  ['a ZIP archive (or .xlsx/.docx)', [0x50, 0x4b, 0x03, 0x04]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['an old Excel/Word document', [0xd0, 0xcf, 0x11, 0xe0]],
];

/** Shown when bytes that are not valid UTF-8 are read as Windows-1252. */
export const WINDOWS_1252_NOTICE = 'This file is not valid UTF-8; it was read as Windows-1252 (Latin-1). Check accented letters in the preview.';

/** What the first bytes of a file say about how to decode it. */
export interface Sniffed {
  /** utf-8 may still turn out invalid further on: then the caller reads the file as windows-1252. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** Bytes of byte-order mark to skip. */
  bomBytes: number;
  notice: string | null;
}

/** Fewest bytes from which a NUL pattern is trusted to mean UTF-16 rather than binary. */
const UTF16_MIN_BYTES = 16;

/**
 * UTF-16 without a byte-order mark, recognised by its zero bytes: text that is mostly ASCII has
 * a zero high byte in every other byte (odd positions for little-endian, even for big-endian)
 * and almost none at the other positions. Binary files have zeros everywhere or in no pattern.
 */
function utf16WithoutBom(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = head.length >> 1;
  if (pairs * 2 < UTF16_MIN_BYTES) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs * 0.7 && evenZeros <= pairs * 0.02) return 'utf-16le';
  if (evenZeros >= pairs * 0.7 && oddZeros <= pairs * 0.02) return 'utf-16be';
  return null;
}

/**
 * Decides from the first bytes (give at least 8 KB when the file has them) how to decode a
 * file, or throws when it is empty or not text: a known binary signature, NUL bytes that are
 * not UTF-16, or more than 5% control bytes.
 */
export function sniffEncoding(bytes: Uint8Array, fileName: string): Sniffed {
  if (bytes.length === 0) throw new Error(`"${fileName}" is empty: choose a file with a header row and labeled texts.`);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2, notice: 'Decoded as UTF-16 (little-endian).' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2, notice: 'Decoded as UTF-16 (big-endian).' };
  for (const [what, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) {
      throw new Error(`"${fileName}" is ${what}, not text. Export it as CSV, TSV, JSON or plain text lines and upload that.`);
    }
  }
  const head = bytes.subarray(0, 8192);
  const utf16 = utf16WithoutBom(head);
  if (utf16) {
    const endian = utf16 === 'utf-16le' ? 'little-endian' : 'big-endian';
    return { encoding: utf16, bomBytes: 0, notice: `Decoded as UTF-16 (${endian}) without a byte-order mark, recognised by its zero bytes. Check the preview.` };
  }
  let controls = 0;
  for (const b of head) {
    if (b === 0) {
      throw new Error(`"${fileName}" looks binary (it contains NUL bytes), not text. Upload a CSV, TSV, JSON or text file.`);
    }
    if (b < 9 || (b > 13 && b < 32)) controls++;
  }
  if (controls > head.length * 0.05) {
    throw new Error(`"${fileName}" looks binary (${controls} control bytes in its first ${head.length}), not text.`);
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { encoding: 'utf-8', bomBytes: bom ? 3 : 0, notice: null };
}

export function decodeBytes(bytes: Uint8Array, fileName: string): Decoded {
  const sniffed = sniffEncoding(bytes, fileName);
  if (sniffed.encoding !== 'utf-8') {
    return { text: new TextDecoder(sniffed.encoding).decode(bytes.subarray(sniffed.bomBytes)), encoding: sniffed.encoding, notice: sniffed.notice };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8', notice: null };
  } catch {
    // A UTF-8 BOM before invalid bytes is still a BOM, not the text "ï»¿".
    const text = new TextDecoder('windows-1252').decode(bytes.subarray(sniffed.bomBytes));
    return { text, encoding: 'windows-1252', notice: WINDOWS_1252_NOTICE };
  }
}
