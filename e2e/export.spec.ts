import { expect, test, type Download, type Page } from '@playwright/test';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { openStep } from './helpers';

/** Texts predicted before and after each round trip. */
const PROBES = [
  'The striker scored twice and the team won the league final',
  'Heavy rain and strong wind are expected tomorrow with a cold front',
  'Slice the onions and fry them slowly in butter',
];
const TOLERANCE = 1e-5;

/** The bytes of the float32 bundle downloaded by the first test, for the broken-bundle tests. */
let bundleZip: Uint8Array | null = null;

/** Full-precision probabilities the studio shows for `text` (data-probability of each class). */
async function probabilities(page: Page, text: string): Promise<number[]> {
  await openStep(page, 'Evaluate');
  const prediction = page.getByRole('region', { name: 'Prediction' });
  const items = prediction.getByRole('list', { name: 'Class probabilities' }).getByRole('listitem');
  await page.getByRole('textbox', { name: 'Try a text' }).fill(text);
  // Predictions are debounced by 250 ms, so the previous text's bars are gone first.
  await expect(items).toHaveCount(0);
  await expect(prediction).toContainText('Predicted:');
  return items.evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-probability'))));
}

async function allProbabilities(page: Page): Promise<number[][]> {
  const out: number[][] = [];
  for (const text of PROBES) out.push(await probabilities(page, text));
  return out;
}

function expectClose(actual: number[][], expected: number[][], tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => row.forEach((p, j) => expect(Math.abs(p - expected[i][j]), `text ${i}, class ${j}`).toBeLessThanOrEqual(tolerance)));
}

async function download(page: Page): Promise<{ download: Download; bytes: Uint8Array }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download model' }).click()]);
  return { download: d, bytes: new Uint8Array(readFileSync((await d.path())!)) };
}

async function importZip(page: Page, name: string, file: { name: string; buffer: Buffer }): Promise<void> {
  await openStep(page, 'Export');
  await page.getByRole('textbox', { name: 'Import as' }).fill(name);
  await page.getByLabel('Import model').setInputFiles({ ...file, mimeType: 'application/zip' });
}

async function loadSaved(page: Page, name: string): Promise<void> {
  await openStep(page, 'Export');
  await page.getByRole('list', { name: 'Saved models' }).getByRole('listitem', { name, exact: true }).getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByText(`Loaded "${name}"`)).toBeVisible();
}

/** Serves a folder on a free localhost port. */
async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.bin': 'application/octet-stream' };
  const server = createServer((req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname).replace(/^\/+/, '');
      if (path.includes('..')) throw new Error('outside');
      const body = readFileSync(join(dir, path));
      res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test.describe.serial('export and import', () => {
  test('train → download → import → same predictions, after a reload too; predict.html agrees', async ({ page }) => {
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto('/');
    await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
    await openStep(page, 'Train');
    await page.getByRole('spinbutton', { name: 'Epochs' }).fill('3');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Training summary' })).toBeVisible({ timeout: 150_000 });
    const trained = await allProbabilities(page);

    // Weight formats: size and held-out accuracy are measured as soon as one is picked.
    await openStep(page, 'Export');
    await page.getByRole('textbox', { name: 'Model name' }).fill('export model');
    await page.getByRole('radio', { name: /8-bit/ }).check();
    const formats = page.getByRole('table', { name: 'Weight formats' });
    await expect(formats.getByRole('row')).toHaveCount(4);
    await expect(formats).toContainText(/8-bit\s*[\d.]+ kB \(25%\)\s*[\d.]+%\s*[+−][\d.]+ points/);
    const small = await download(page);
    await page.getByRole('radio', { name: /float32/ }).check();
    const full = await download(page);
    expect(full.download.suggestedFilename()).toBe('export model.zip');
    await expect(page.getByText('Downloaded "export model.zip"')).toBeVisible();
    bundleZip = full.bytes;
    await page.getByRole('textbox', { name: 'Model name' }).fill('saved original');
    await page.getByRole('button', { name: 'Save to browser' }).click();
    await expect(page.getByText('Saved "saved original" to this browser.')).toBeVisible();

    const files = unzipSync(full.bytes);
    expect(Object.keys(files).sort()).toEqual(['README.md', 'group1-shard1of1.bin', 'metadata.json', 'model.json', 'predict.html', 'tf.min.js', 'tokenizer.json']);
    const smallFiles = unzipSync(small.bytes);
    expect(smallFiles['group1-shard1of1.bin'].byteLength * 4).toBe(files['group1-shard1of1.bin'].byteLength);
    expect(new TextDecoder().decode(files['README.md'])).toContain('tensorflowjs_converter --input_format=tfjs_layers_model --output_format=keras model.json model.h5');
    const metadata = JSON.parse(new TextDecoder().decode(files['metadata.json']));
    expect(metadata.labels).toHaveLength(4);

    // The downloaded zip comes back under a new name and predicts the same.
    await importZip(page, 'imported copy', { name: full.download.suggestedFilename(), buffer: Buffer.from(full.bytes) });
    await expect(page.getByText('Imported "imported copy" into the library')).toBeVisible();
    await loadSaved(page, 'imported copy');
    expectClose(await allProbabilities(page), trained, TOLERANCE);

    // The 8-bit bundle imports too, and keeps the top classes.
    await importZip(page, 'imported 8-bit', { name: 'small.zip', buffer: Buffer.from(small.bytes) });
    await expect(page.getByText('Imported "imported 8-bit" into the library')).toBeVisible();

    // The model saved in the browser survives a reload, as does the imported copy.
    await page.reload();
    await loadSaved(page, 'saved original');
    expectClose(await allProbabilities(page), trained, TOLERANCE);
    await loadSaved(page, 'imported copy');
    expectClose(await allProbabilities(page), trained, TOLERANCE);
    await loadSaved(page, 'imported 8-bit');
    const quantized = await allProbabilities(page);
    quantized.forEach((row, i) => expect(row.indexOf(Math.max(...row))).toBe(trained[i].indexOf(Math.max(...trained[i]))));

    // predict.html, served on its own from the unzipped bundle, classifies like the studio.
    const dir = mkdtempSync(join(tmpdir(), 'tcs-bundle-'));
    for (const [path, bytes] of Object.entries(files)) writeFileSync(join(dir, path), bytes);
    const server = await serve(dir);
    try {
      const standalone = await page.context().newPage();
      const standaloneErrors: string[] = [];
      standalone.on('pageerror', (e) => standaloneErrors.push(e.message));
      await standalone.goto(`${server.url}/predict.html`);
      await expect(standalone.getByRole('status')).toContainText('Ready: 4 classes');
      for (const [i, text] of PROBES.entries()) {
        await standalone.getByLabel('Text to classify').fill(text);
        await standalone.getByRole('button', { name: 'Classify' }).click();
        const result = standalone.getByRole('region', { name: 'Prediction' });
        await expect(result).toContainText('Predicted:');
        const probs = JSON.parse((await result.getAttribute('data-probabilities'))!) as number[];
        expect(await result.getAttribute('data-top-class')).toBe(metadata.labels[trained[i].indexOf(Math.max(...trained[i]))]);
        // Another backend (tfjs' CPU instead of WebGPU): equal up to float rounding.
        expectClose([probs], [trained[i]], 1e-4);
      }
      expect(standaloneErrors).toEqual([]);
      await standalone.close();
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(pageErrors).toEqual([]);
  });

  test('a truncated zip, a zip without weights and an unrelated model.json are each named in the error', async ({ page }) => {
    test.skip(!bundleZip, 'needs the bundle downloaded by the previous test');
    const files = unzipSync(bundleZip!);
    const { 'group1-shard1of1.bin': _weights, ...withoutWeights } = files;
    const unrelatedModel = {
      format: 'layers-model',
      generatedBy: 'hand-written',
      convertedBy: null,
      modelTopology: {
        class_name: 'Sequential',
        config: { name: 'other', layers: [{ class_name: 'Dense', config: { name: 'dense', units: 3, activation: 'softmax', batch_input_shape: [null, 10], dtype: 'float32' } }] },
        keras_version: 'tfjs-layers 4.22.0',
        backend: 'tensor_flow.js',
      },
      weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: [{ name: 'dense/kernel', shape: [10, 3], dtype: 'float32' }, { name: 'dense/bias', shape: [3], dtype: 'float32' }] }],
    };
    const unrelated = zipSync({
      ...files,
      'model.json': strToU8(JSON.stringify(unrelatedModel)),
      'group1-shard1of1.bin': new Uint8Array(new Float32Array(33).buffer),
    });
    const cases: { name: string; bytes: Uint8Array; message: RegExp }[] = [
      { name: 'truncated.zip', bytes: bundleZip!.subarray(0, Math.floor(bundleZip!.length / 2)), message: /The zip file "truncated\.zip" is damaged or incomplete/ },
      { name: 'no-weights.zip', bytes: zipSync(withoutWeights), message: /model\.json names weights file group1-shard1of1\.bin but the zip has no such file/ },
      {
        name: 'unrelated.zip',
        bytes: unrelated,
        message: /model\.json does not belong to this bundle: its input takes 10 tokens per text but metadata\.json's spec says 40; its output has 3 units but metadata\.json lists 4 labels/,
      },
    ];
    await page.goto('/');
    for (const c of cases) {
      await importZip(page, '', { name: c.name, buffer: Buffer.from(c.bytes) });
      await expect(page.getByRole('alert').filter({ hasText: c.message })).toBeVisible();
    }
    // Nothing half-imported stays behind.
    await expect(page.getByText('No saved models in this browser yet.')).toBeVisible();

    // The loose files of a download, selected together, import fine.
    await page.getByLabel('Import model').setInputFiles(
      ['model.json', 'group1-shard1of1.bin', 'tokenizer.json', 'metadata.json'].map((name) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(files[name]) })),
    );
    await expect(page.getByText('Imported "imported model" into the library')).toBeVisible();
  });

  test('library: rename, duplicate, keyboard-confirmed delete, replace on save, full quota', async ({ page }) => {
    test.skip(!bundleZip, 'needs the bundle downloaded by the first test');
    await page.goto('/');
    await importZip(page, 'lib model', { name: 'bundle.zip', buffer: Buffer.from(bundleZip!) });
    const list = page.getByRole('list', { name: 'Saved models' });
    const item = (name: string) => list.getByRole('listitem', { name, exact: true });
    await expect(item('lib model')).toBeVisible();
    await expect(page.getByText(/Browser storage: .* used of .* available to this site/)).toBeVisible();

    await item('lib model').getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('textbox', { name: 'New name for lib model' }).fill('renamed model');
    await page.keyboard.press('Enter');
    await expect(item('renamed model')).toBeVisible();
    await expect(item('lib model')).toHaveCount(0);

    await item('renamed model').getByRole('button', { name: 'Duplicate' }).click();
    await expect(item('renamed model copy')).toBeVisible();

    // Delete by keyboard: Escape cancels, Tab then Enter confirms.
    await item('renamed model copy').getByRole('button', { name: 'Delete' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete “renamed model copy”?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(item('renamed model copy')).toBeVisible();
    await item('renamed model copy').getByRole('button', { name: 'Delete' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Delete' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(item('renamed model copy')).toHaveCount(0);
    await expect(page.getByText('Deleted "renamed model copy".')).toBeVisible();

    // Saving over an existing name asks first.
    await loadSaved(page, 'renamed model');
    await page.getByRole('textbox', { name: 'Model name' }).fill('renamed model');
    await page.getByRole('button', { name: 'Save to browser' }).click();
    const replace = page.getByRole('dialog', { name: 'Replace “renamed model”?' });
    await expect(replace).toBeVisible();
    await replace.getByRole('button', { name: 'Replace' }).click();
    await expect(page.getByText('Saved "renamed model" to this browser.')).toBeVisible();
    await expect(list.getByRole('listitem')).toHaveCount(1);

    // A full quota: a clear message, nothing half-written in IndexedDB, the model still loaded.
    // Chromium enforces an overridden quota only on storage created after the override, so the
    // origin's IndexedDB is cleared first (the model stays in the worker's memory).
    const tfjsEntries = () =>
      page.evaluate(async () => {
        if (!(await indexedDB.databases()).some((d) => d.name === 'tensorflowjs')) return 0;
        return new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('tensorflowjs');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(['models_store', 'model_info_store'], 'readonly');
            const models = tx.objectStore('models_store').count();
            const infos = tx.objectStore('model_info_store').count();
            tx.oncomplete = () => {
              open.result.close();
              resolve(models.result + infos.result);
            };
          };
        });
      });
    const cdp = await page.context().newCDPSession(page);
    const origin = new URL(page.url()).origin;
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' });
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1024 });
    await page.getByRole('textbox', { name: 'Model name' }).fill('does not fit');
    await page.getByRole('button', { name: 'Save to browser' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The browser has no room left to save "does not fit" (storage quota reached)' })).toBeVisible();
    await expect(page.getByText('No saved models in this browser yet.')).toBeVisible();
    expect(await tfjsEntries()).toBe(0);
    await expect(page.getByText('Current model: “renamed model”')).toBeVisible();
    expect(await probabilities(page, PROBES[0])).toHaveLength(4);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  });
});
