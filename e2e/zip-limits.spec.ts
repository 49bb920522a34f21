import { expect, test, type Page } from '@playwright/test';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { openStep } from './helpers';
import { deflatedZeros, modelJsonDeclaring, rawZip } from './zipFixtures';

const GiB = 1024 ** 3;

async function importZip(page: Page, name: string, buffer: Uint8Array): Promise<void> {
  await openStep(page, 'Export');
  await page.getByLabel('Import model').setInputFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(buffer) });
}

/** The import's error, and how long after the file was chosen it showed (ms). */
async function refusal(page: Page, name: string, zip: Uint8Array, text: RegExp): Promise<number> {
  const started = Date.now();
  await importZip(page, name, zip);
  await expect(page.getByRole('alert').filter({ hasText: text })).toBeVisible({ timeout: 20_000 });
  return Date.now() - started;
}

test.describe('import limits', () => {
  test('a zip bomb and an oversized weights file are refused quickly, with the sizes', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');

    // 3 GiB of zeros in a 20 MB zip (the 8 GiB of the report needs ZIP64; the limit is 1 GiB).
    const zeros = deflatedZeros(3 * GiB);
    const bomb = rawZip([
      { path: 'model.json', data: strToU8(modelJsonDeclaring(10)), method: 0, size: modelJsonDeclaring(10).length },
      { path: 'group1-shard1of1.bin', data: zeros.data, method: 8, size: zeros.size },
    ]);
    const bombMs = await refusal(page, 'bomb.zip', bomb, /"bomb.zip" unzips to 3,221,\d{3},\d{3} bytes \(3.0 GiB\), more than the 1,073,741,824 bytes \(1.0 GiB\)/);
    console.log(`zip bomb (${(bomb.length / 1e6).toFixed(1)} MB zip, 3.0 GiB unzipped) refused in ${bombMs} ms`);
    expect(bombMs).toBeLessThan(10_000);

    // Weights far larger than model.json declares: refused before inflating them.
    const big = deflatedZeros(256 * 1024 ** 2);
    const oversized = rawZip([
      { path: 'model.json', data: strToU8(modelJsonDeclaring(10)), method: 0, size: modelJsonDeclaring(10).length },
      { path: 'group1-shard1of1.bin', data: big.data, method: 8, size: big.size },
    ]);
    const oversizedMs = await refusal(page, 'oversized.zip', oversized, /group1-shard1of1.bin in "oversized.zip" unzips to 268,\d{3},\d{3} bytes \(256.0 MiB\), but model.json declares 40 bytes of weights/);
    console.log(`oversized weights refused in ${oversizedMs} ms`);
    expect(oversizedMs).toBeLessThan(10_000);
    await expect(page.getByText('No saved models in this browser yet.')).toBeVisible();
  });

  test('a zip with backslash paths imports', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto('/');
    await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
    await openStep(page, 'Model');
    await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Tiny' });
    await openStep(page, 'Train');
    await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Training summary' })).toBeVisible({ timeout: 180_000 });
    await openStep(page, 'Export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download model' }).click()]);
    const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    // As some Windows tools write it: a folder, and "\" between its parts.
    const windows = zipSync(Object.fromEntries(Object.entries(files).map(([path, bytes]) => [`my model\\${path}`, bytes])));
    await page.getByRole('textbox', { name: 'Import as' }).fill('backslash model');
    await importZip(page, 'windows.zip', windows);
    await expect(page.getByText('Imported "backslash model" into the library')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('list', { name: 'Saved models' }).getByRole('listitem', { name: 'backslash model' })).toBeVisible();
  });
});
