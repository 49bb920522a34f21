/**
 * The page half of "Download model": the worker sends the bundle's files, this module adds
 * tf.min.js (served by the studio itself at vendor/tf.min.js, copied from the installed
 * @tensorflow/tfjs at build time, so predict.html works offline), zips everything with fflate's
 * asynchronous zip (compression runs in fflate's own workers, so the page stays responsive) and
 * hands the result to the browser through an object URL and an <a download> element.
 */
import type { BundleFile } from '../protocol/messages';

/** A file name from a model name: no path separators or characters Windows refuses. */
export function zipFileName(name: string): string {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/^[\s.]+|[\s.]+$/g, '');
  return `${safe || 'text classifier'}.zip`;
}

/** tf.min.js from the studio's own origin; null when this build has none (a bare dev checkout). */
async function vendoredTfjs(): Promise<Uint8Array | null> {
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}vendor/tf.min.js`);
    if (!response.ok) return null;
    return new Uint8Array(await response.arrayBuffer());
  } catch {
    return null;
  }
}

/** Zips the bundle and starts its download; returns the file name and its size in bytes. */
export async function downloadBundle(name: string, files: BundleFile[]): Promise<{ fileName: string; bytes: number; notice: string | null }> {
  const tfjs = await vendoredTfjs();
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) entries[file.path] = new Uint8Array(file.data);
  if (tfjs) entries['tf.min.js'] = tfjs;
  const fileName = zipFileName(name);
  const bytes = await zipAndDownload(entries, fileName);
  const notice = tfjs ? null : 'This build has no vendor/tf.min.js, so predict.html in the zip needs tf.min.js (TensorFlow.js 4.22) copied next to it.';
  return { fileName, bytes, notice };
}

/** Zips `entries` (path → bytes) with fflate and starts the download of `fileName`; returns the zip's size in bytes. */
export async function zipAndDownload(entries: Record<string, Uint8Array>, fileName: string): Promise<number> {
  const { zip } = await import('fflate');
  const data = await new Promise<Uint8Array>((resolve, reject) =>
    zip(entries, { level: 6 }, (error, zipped) => (error ? reject(new Error(`Could not build the zip: ${error.message}`)) : resolve(zipped))),
  );
  const url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the URL once the download starts; keep it a while for slow starts.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return data.byteLength;
}
