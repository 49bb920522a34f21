/**
 * Bytes to text, refusing what is not text. UTF-8 (with or without BOM) and UTF-16 (by BOM)
 * decode silently; bytes that are not valid UTF-8 are read as Windows-1252 with a notice,
 * because that is what spreadsheets on Windows export.
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

export function decodeBytes(bytes: Uint8Array, fileName: string): Decoded {
  if (bytes.length === 0) throw new Error(`"${fileName}" is empty: choose a file with a header row and labeled texts.`);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', notice: 'Decoded as UTF-16 (little-endian).' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', notice: 'Decoded as UTF-16 (big-endian).' };
  }
  for (const [what, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) {
      throw new Error(`"${fileName}" is ${what}, not text. Export it as CSV, TSV, JSON or plain text lines and upload that.`);
    }
  }
  const head = bytes.subarray(0, 8192);
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
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8', notice: null };
  } catch {
    // A UTF-8 BOM before invalid bytes is still a BOM, not the text "ï»¿".
    const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const text = new TextDecoder('windows-1252').decode(hasBom ? bytes.subarray(3) : bytes);
    return {
      text,
      encoding: 'windows-1252',
      notice: 'This file is not valid UTF-8; it was read as Windows-1252 (Latin-1). Check accented letters in the preview.',
    };
  }
}
