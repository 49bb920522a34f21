import { expect, test } from '@playwright/test';
import { loadSample, openStep } from './helpers';

test("forcing WASM trains the Tiny preset on tfjs' WebAssembly backend, its binary served by the app", async ({ page }) => {
  const wasmFiles: string[] = [];
  page.context().on('request', (request) => {
    if (request.url().endsWith('.wasm')) wasmFiles.push(request.url());
  });
  await page.goto('/');
  await loadSample(page, /Demo topics/);
  await openStep(page, 'Model');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Tiny' });
  await openStep(page, 'Train');
  const backend = page.getByRole('combobox', { name: 'Backend' });
  await backend.selectOption({ label: 'WASM (CPU)' });
  await expect(page.getByText('Trains on CPU · WASM. Chosen by you: the WebAssembly backend on the CPU')).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('3');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const status = page.getByRole('status', { name: 'Training status' });
  await expect(status).toContainText('Finished', { timeout: 120_000 });
  // Cross-origin isolated: the threaded build, its thread script from the app's origin too, on
  // tfjs' own thread count (half the logical cores, at least one).
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await expect(status).toContainText(
    new RegExp(`^Finished on your CPU \\(WASM\\)\\..*Backend: wasm \\(XNNPACK on ${Math.max(1, Math.min(Math.floor(cores / 2), 8))} threads?\\)`),
  );
  await expect(status).not.toContainText('fallback');
  await expect(page.getByRole('region', { name: 'Training summary' })).toBeVisible();
  expect(wasmFiles.some((url) => new URL(url).origin === new URL(page.url()).origin && /\/assets\/tfjs-backend-wasm-threaded-simd/.test(url))).toBe(true);
});
