import { expect, test, type Page } from '@playwright/test';
import { loadSample, openStep, percentAfter } from './helpers';

async function train(page: Page, backend: string) {
  await openStep(page, 'Train');
  await page.getByRole('combobox', { name: 'Backend' }).selectOption(backend);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const status = page.getByRole('status', { name: 'Training status' });
  await expect(status).toContainText('Finished', { timeout: 240_000 });
  return { status, valAccuracy: await percentAfter(page, 'Training summary', 'Validation accuracy') };
}

test('the WASM engine trains to the tfjs path’s validation accuracy; its model predicts and saves like any other', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto('/');
  await loadSample(page, /SpamAssassin/);
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('5,906 examples');
  await openStep(page, 'Model');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Tiny' });
  await openStep(page, 'Train');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('3');
  // Automatic keeps a model this small in one worker; two exercise the split batches.
  await page.getByText('Advanced settings', { exact: true }).click();
  await page.getByRole('combobox', { name: 'Engine workers' }).selectOption('2');

  const engine = await train(page, 'engine');
  // Served cross-origin isolated (vite.config.ts): the two workers share memory.
  await expect(engine.status).toContainText(/^Finished on your CPU \(WASM engine\)\..*Backend: engine \(WebAssembly (relaxed )?SIMD.*, batches split between 2 workers, gradients exchanged through shared memory\)/);
  await expect(engine.status).not.toContainText('fallback');
  await expect(page.getByRole('banner').getByLabel(/^Backend:/)).toContainText('WASM engine');
  expect(engine.valAccuracy).toBeGreaterThan(await percentAfter(page, 'Training summary', 'majority-class rate of'));

  // The weights went into the standard tfjs model: evaluation and prediction use it.
  await openStep(page, 'Evaluate');
  await expect(page.getByRole('table', { name: 'Per-class metrics' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Try a text' }).fill('Click here to claim your FREE prize money now!!!');
  await expect(page.getByRole('region', { name: 'Prediction' })).toContainText('Predicted:');
  await openStep(page, 'Export');
  await page.getByRole('textbox', { name: 'Model name' }).fill('engine model');
  await page.getByRole('button', { name: 'Save to browser' }).click();
  await expect(page.getByRole('list', { name: 'Saved models' }).getByRole('listitem', { name: 'engine model' })).toBeVisible();

  // Same seed, same split, same starting weights: tfjs on the CPU lands within 2 points.
  const tfjs = await train(page, 'cpu');
  await expect(tfjs.status).toContainText(/^Finished on your CPU \(JavaScript\)\..*Backend: cpu\b/);
  expect(Math.abs(engine.valAccuracy - tfjs.valAccuracy)).toBeLessThanOrEqual(0.02);
  expect(pageErrors).toEqual([]);
});

test('Auto takes the engine without a hardware GPU and says why; a model outside its family is refused with a message', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await openStep(page, 'Train');
  const backend = page.getByRole('combobox', { name: 'Backend' });
  await expect(backend).toHaveValue('auto');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('2');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const status = page.getByRole('status', { name: 'Training status' });
  await expect(status).toContainText('Finished', { timeout: 120_000 });
  await expect(status).toContainText(/^Finished on your CPU \(WASM engine\)\..*Backend: engine \(.*, 1 worker; Automatic (measured: 1 worker [\d,]+ samples\/s, 2 workers [\d,]+|the run takes about [\d.]+ s, too short for a second worker to pay off)\) .*fallback: WebGPU has only a software adapter here .*The WASM SIMD engine trains this model fastest on the CPU/);

  // Average pooling is outside the engine's family: the form says so before a run; forced, the
  // engine refuses with the reason and tfjs trains; under Auto, the measured fastest tfjs backend.
  await openStep(page, 'Model');
  await page.getByRole('combobox', { name: 'Pooling (layer 2)' }).selectOption('globalAvgPool');
  await openStep(page, 'Train');
  await backend.selectOption('engine');
  await expect(page.getByText('Refused for this model: the WASM engine trains global max pooling, not average pooling.')).toBeVisible();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(status).toContainText('Finished', { timeout: 120_000 });
  await expect(status).toContainText(/^Finished on your (CPU|GPU) .*Backend: (webgpu|webgl|wasm|cpu) .*fallback: The WASM engine cannot train this model: the WASM engine trains global max pooling, not average pooling/);

  await backend.selectOption('auto');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(status).toContainText('Finished', { timeout: 120_000 });
  await expect(status).toContainText(/^Finished on your (CPU|GPU) .*Backend: (webgpu|webgl|wasm|cpu) .*measured samples\/s on it: .*webgpu [\d.,]+.*, so (webgpu|webgl|wasm|cpu) trains it/);
});

test('without cross-origin isolation two engine workers exchange gradients by message, train the same model, and say why', async ({ page }) => {
  // A host that does not send COOP/COEP: the same app, its headers stripped.
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = response.headers();
    delete headers['cross-origin-opener-policy'];
    delete headers['cross-origin-embedder-policy'];
    await route.fulfill({ response, headers });
  });
  await page.goto('/');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await openStep(page, 'Model');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Tiny' });
  await openStep(page, 'Train');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('2');
  await page.getByText('Advanced settings', { exact: true }).click();
  await page.getByRole('combobox', { name: 'Engine workers' }).selectOption('2');
  const split = await train(page, 'engine');
  await expect(split.status).toContainText(
    /Backend: engine \(.*batches split between 2 workers, gradients exchanged by message: this page is not cross-origin isolated, so workers cannot share memory\)/,
  );
  await page.getByRole('combobox', { name: 'Engine workers' }).selectOption('1');
  const one = await train(page, 'engine');
  await expect(one.status).toContainText('1 worker');
  // Same seed and start: the split batches give the one-worker run's model up to float rounding.
  expect(Math.abs(split.valAccuracy - one.valAccuracy)).toBeLessThanOrEqual(0.01);
});
