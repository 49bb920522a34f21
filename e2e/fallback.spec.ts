import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, executablePath } from '../playwright.config';
import { openStep, percentAfter } from './helpers';

// Chromium on Linux exposes no WebGPU adapter without --enable-unsafe-webgpu.
test.use({ launchOptions: { executablePath, args: CHROMIUM_ARGS } });

test('without WebGPU the studio says why, falls back, and still trains', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');

  const badge = page.getByLabel(/^Backend:/);
  // Before a run the badge names what Auto will train on, and why.
  await expect(badge).toContainText('CPU · WASM engine');
  await expect(badge).toHaveAccessibleName(/No hardware GPU/);

  await openStep(page, 'Train');
  const status = page.getByRole('status', { name: 'Training status' });
  await expect(status).toContainText(/fallback: WebGPU/);
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('6');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Training summary' })).toBeVisible({ timeout: 150_000 });
  // Auto's pick without a GPU: the WASM engine, which trains the default Tiny preset.
  await expect(status).toContainText(/^Finished on your CPU \(WASM engine\)\..*Backend: engine \(WebAssembly (relaxed )?SIMD/);
  await expect(status).toContainText(/fallback: WebGPU found no GPU adapter.*The WASM SIMD engine trains this model fastest on the CPU\. Training on/);
  await expect(page.getByLabel(/^Backend:/)).toContainText('CPU · WASM engine');
  const valAccuracy = await percentAfter(page, 'Training summary', 'Validation accuracy');
  const majority = await percentAfter(page, 'Training summary', 'majority-class rate of');
  expect(valAccuracy).toBeGreaterThan(majority);
});
