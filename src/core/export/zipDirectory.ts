/**
 * A zip's central directory, read without inflating anything: names (backslashes normalised
 * to "/"), compressed and uncompressed sizes (ZIP64 included), so an import can refuse a zip
 * bomb or an oversized weights file before it spends memory or time on it.
 */

/** One file of a zip as its central directory describes it. */
export interface ZipEntry {
  /** Path inside the zip, with "\" written as "/" (zips made on Windows by some tools). */
  path: string;
  /** 0 = stored, 8 = deflated; others cannot be read. */
  method: number;
  /** Bytes as stored in the zip. */
  compressedSize: number;
  /** Bytes once inflated, as the directory declares them. */
  size: number;
  /** Offset of the entry's local header from the start of the zip. */
  localOffset: number;
}

/** Import limits, in bytes (uncompressed). */
export const ZIP_LIMITS = {
  /** All entries of the zip together. */
  total: 1024 ** 3,
  /** model.json, tokenizer.json or metadata.json each. */
  json: 64 * 1024 ** 2,
};

/** A zip refused for its sizes (not damaged: too large, or larger than it declares). */
export class ZipLimitError extends Error {
  override name = 'ZipLimitError';
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;

const damaged = (why: string) => new Error(`The zip's directory is damaged (${why}).`);

/** The central directory's entries (folders included, their paths end in "/"). Throws when it cannot be read. */
export function readZipDirectory(zip: Uint8Array): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('no end-of-directory record: the file is incomplete or not a zip');
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const locator = eocd - 20;
  if (locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR) {
    const at = Number(view.getBigUint64(locator + 8, true));
    if (at + 56 > zip.length || view.getUint32(at, true) !== ZIP64_EOCD) throw damaged('a ZIP64 record points outside the file');
    count = Number(view.getBigUint64(at + 32, true));
    offset = Number(view.getBigUint64(at + 48, true));
  }
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== CENTRAL) throw damaged(`entry ${n + 1} of ${count} is missing`);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localOffset = view.getUint32(at + 42, true);
    const path = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength)).replaceAll('\\', '/');
    // ZIP64 extra field: the 64-bit values, in this order, for each 32-bit field set to 0xffffffff.
    for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = view.getUint16(e, true);
      const length = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let p = e + 4;
        const next = () => {
          const v = Number(view.getBigUint64(p, true));
          p += 8;
          return v;
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localOffset === 0xffffffff) localOffset = next();
      }
      e += 4 + length;
    }
    entries.push({ path, method, compressedSize, size, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** "8,589,934,592 bytes (8.0 GiB)": exact, and readable. */
export function formatBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} bytes`;
  if (bytes < 1024) return exact;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${exact} (${value.toFixed(1)} ${units[unit]})`;
}

/** The last part of a path: "bundle/model.json" → "model.json". */
export const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * Refuses a zip whose directory declares more than the limits: over ZIP_LIMITS.total in all, or
 * a JSON part of the bundle over ZIP_LIMITS.json. Messages give the sizes and the file's name.
 */
export function checkZipSizes(entries: readonly ZipEntry[], fileName: string, limits = ZIP_LIMITS): void {
  let total = 0;
  for (const e of entries) total += e.size;
  if (total > limits.total) {
    const largest = entries.reduce((a, b) => (b.size > a.size ? b : a));
    throw new ZipLimitError(
      `"${fileName}" unzips to ${formatBytes(total)}, more than the ${formatBytes(limits.total)} an import may take (its largest file, ${largest.path}, is ${formatBytes(largest.size)}; the zip itself holds ${formatBytes(entries.reduce((n, e) => n + e.compressedSize, 0))} compressed). ` +
        'Nothing was unzipped. A model downloaded from this studio is far smaller: choose the .zip that "Download model" saved.',
    );
  }
  for (const e of entries) {
    const name = baseName(e.path);
    if ((name === 'model.json' || name === 'tokenizer.json' || name === 'metadata.json') && e.size > limits.json) {
      throw new ZipLimitError(`${e.path} in "${fileName}" unzips to ${formatBytes(e.size)}, more than the ${formatBytes(limits.json)} a bundle's ${name} may take. Nothing else was unzipped.`);
    }
  }
}

/**
 * Refuses weights files larger than model.json declares, before they are inflated: `declared`
 * is the bytes the weights manifest describes, `weights` the directory's entries for its paths.
 */
export function checkDeclaredWeights(weights: readonly ZipEntry[], declared: number, fileName: string): void {
  const total = weights.reduce((n, e) => n + e.size, 0);
  if (total > declared) {
    const names = weights.map((e) => e.path).join(', ');
    throw new ZipLimitError(
      `The weights file${weights.length === 1 ? '' : 's'} ${names} in "${fileName}" unzip${weights.length === 1 ? 's' : ''} to ${formatBytes(total)}, but model.json declares ${formatBytes(declared)} of weights. ` +
        'Refused before unzipping them: the bundle is damaged or was altered. Download the model again.',
    );
  }
}
