/**
 * Unzips an import within limits: sizes are checked from the zip's central directory before
 * anything is inflated (total, each JSON part, weights against what model.json declares), then
 * enforced while inflating (a directory can lie), and only the bundle's own files are inflated.
 */
import { Inflate } from 'fflate';
import { baseName, checkDeclaredWeights, checkZipSizes, formatBytes, readZipDirectory, ZIP_LIMITS, ZipLimitError, type ZipEntry } from '../../core/export/zipDirectory';
import { weightBytes, type WeightEntry } from '../../core/export/quantize';

export { ZipLimitError };

/** Compressed bytes fed to the inflater at a time: a bomb stops within one chunk's output. */
const CHUNK = 16 * 1024;
const JSON_PARTS = ['model.json', 'tokenizer.json', 'metadata.json'];

/** The bytes of one entry, never more than its directory entry declares. */
export function inflateEntry(zip: Uint8Array, entry: ZipEntry, fileName: string): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const at = entry.localOffset;
  if (at + 30 > zip.length || view.getUint32(at, true) !== 0x04034b50) throw new Error(`${entry.path} in "${fileName}" has no local header where the directory says: the zip is damaged.`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = zip.subarray(start, start + entry.compressedSize);
  const larger = () =>
    new ZipLimitError(`${entry.path} in "${fileName}" inflates to more than the ${formatBytes(entry.size)} its zip directory declares: refused, the zip is damaged or was altered.`);
  if (entry.method === 0) {
    if (data.length !== entry.size) throw larger();
    return data.slice();
  }
  if (entry.method !== 8) throw new Error(`${entry.path} in "${fileName}" is compressed with method ${entry.method}; only stored and deflated files can be read. Zip it again with a standard tool.`);
  const out = new Uint8Array(entry.size);
  let length = 0;
  const inflater = new Inflate((chunk) => {
    if (length + chunk.length > out.length) throw larger();
    out.set(chunk, length);
    length += chunk.length;
  });
  for (let i = 0; i < data.length; i += CHUNK) inflater.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  if (length !== out.length) throw new Error(`${entry.path} in "${fileName}" inflates to ${formatBytes(length)}, not the ${formatBytes(out.length)} its zip directory declares: the zip is damaged.`);
  return out;
}

/** Weights paths model.json names and the bytes its manifest declares; null when it cannot be read (checkBundle says why later). */
function declaredWeights(modelJson: Uint8Array): { paths: string[]; bytes: number } | null {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(modelJson)) as { weightsManifest?: { paths: string[]; weights: WeightEntry[] }[] };
    if (!Array.isArray(parsed.weightsManifest)) return null;
    const paths = parsed.weightsManifest.flatMap((g) => g.paths);
    const bytes = parsed.weightsManifest.reduce((n, g) => n + g.weights.reduce((m, w) => m + weightBytes(w), 0), 0);
    return paths.every((p) => typeof p === 'string') && Number.isFinite(bytes) ? { paths, bytes } : null;
  } catch {
    return null;
  }
}

/**
 * The bundle's files of a zip by base name (folders ignored, "\" read as "/"): model.json,
 * tokenizer.json, metadata.json and the weights files model.json names. Throws with the sizes
 * when the zip declares more than the limits or than model.json declares.
 */
export function unzipBundle(zip: Uint8Array, fileName: string): Map<string, Uint8Array> {
  const entries = readZipDirectory(zip).filter((e) => !e.path.endsWith('/'));
  checkZipSizes(entries, fileName);
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) if (!byName.has(baseName(e.path))) byName.set(baseName(e.path), e);
  const bytes = new Map<string, Uint8Array>();
  const modelEntry = byName.get('model.json');
  if (modelEntry) bytes.set('model.json', inflateEntry(zip, modelEntry, fileName));
  const declared = bytes.has('model.json') ? declaredWeights(bytes.get('model.json')!) : null;
  const weightNames = declared ? declared.paths : [...byName.keys()].filter((n) => n.endsWith('.bin'));
  if (declared) checkDeclaredWeights(weightNames.flatMap((n) => byName.get(baseName(n)) ?? []), declared.bytes, fileName);
  for (const name of [...JSON_PARTS, ...weightNames.map(baseName)]) {
    const entry = byName.get(name);
    if (entry && !bytes.has(name)) bytes.set(name, inflateEntry(zip, entry, fileName));
  }
  return bytes;
}

/**
 * The same limits for files selected one by one, from their sizes, before any weights are read:
 * their total, each JSON part, and the weights files against what model.json declares.
 */
export function checkLooseFiles(files: readonly { name: string; size: number }[], modelJson: Uint8Array | null): void {
  const total = files.reduce((n, f) => n + f.size, 0);
  if (total > ZIP_LIMITS.total) {
    throw new ZipLimitError(`The selected files hold ${formatBytes(total)}, more than the ${formatBytes(ZIP_LIMITS.total)} an import may take. Nothing was read: a model downloaded from this studio is far smaller.`);
  }
  for (const f of files) {
    if (JSON_PARTS.includes(f.name) && f.size > ZIP_LIMITS.json) throw new ZipLimitError(`${f.name} is ${formatBytes(f.size)}, more than the ${formatBytes(ZIP_LIMITS.json)} a bundle's ${f.name} may take.`);
  }
  const declared = modelJson ? declaredWeights(modelJson) : null;
  if (!declared) return;
  const weights = files.filter((f) => declared.paths.includes(f.name));
  const held = weights.reduce((n, f) => n + f.size, 0);
  if (held > declared.bytes) {
    throw new ZipLimitError(
      `The weights file${weights.length === 1 ? '' : 's'} ${weights.map((f) => f.name).join(', ')} ${weights.length === 1 ? 'holds' : 'hold'} ${formatBytes(held)}, but model.json declares ${formatBytes(declared.bytes)} of weights. ` +
        'Refused before reading them: a weights file is damaged or belongs to another model.',
    );
  }
}
