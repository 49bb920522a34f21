import { expect, test } from '@playwright/test';
import { chartPoints, loadSample, longTasks, observeLongTasks, openStep, percentAfter } from './helpers';

test('sample → Tiny CNN on WebGPU → live charts → saved → survives reload → predicts', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto('/');

  // First visit: a sample is already loaded.
  const summary = page.getByRole('region', { name: 'Dataset summary' });
  await expect(summary).toContainText('240 examples');
  await expect(summary).toContainText('4 classes');
  await expect(page.getByRole('figure', { name: 'Pipeline diagram' }).locator('svg')).toBeVisible();

  // Choose the sample and the columns explicitly, as a user would.
  await loadSample(page, /Demo topics/);
  const textColumns = page.getByRole('group', { name: 'Text columns' });
  await textColumns.getByRole('checkbox', { name: 'text', exact: true }).check();
  await expect(textColumns.getByRole('checkbox', { name: 'label', exact: true })).toBeDisabled();
  await page.getByRole('combobox', { name: 'Label column' }).selectOption({ label: 'label' });
  await expect(summary).toContainText('4 classes');

  await openStep(page, 'Model');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Keras text CNN' });
  await expect(page.getByRole('region', { name: 'Model summary' })).toContainText(/Total parameters\s*187,396/);
  await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Tiny' });
  await expect(page.getByRole('spinbutton', { name: 'Sequence length' })).toHaveValue('40');
  await expect(page.getByRole('figure', { name: 'Model diagram' }).locator('svg')).toBeVisible();

  await openStep(page, 'Train');
  const status = page.getByRole('status', { name: 'Training status' });
  await expect(status).toContainText(/webgpu/i);
  // Auto would take the WASM engine here (WebGPU is software-only headless): this journey is WebGPU's.
  await page.getByRole('combobox', { name: 'Backend' }).selectOption('webgpu');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('6');
  await observeLongTasks(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();

  // Both charts gain points while training runs: per batch first, then per epoch.
  await expect(page.getByRole('figure', { name: 'Loss chart' })).toBeVisible();
  await expect.poll(async () => (await chartPoints(page, 'Loss chart')).batch).toBeGreaterThan(0);
  const early = await chartPoints(page, 'Accuracy chart');
  await expect.poll(async () => (await chartPoints(page, 'Accuracy chart')).epoch, { timeout: 120_000 }).toBeGreaterThan(early.epoch);
  await expect.poll(async () => (await chartPoints(page, 'Loss chart')).batch).toBeGreaterThan(early.batch);
  await expect(status).toContainText(/^Training on your CPU \(WebGPU on a software adapter\) · epoch.*Backend: webgpu\b/);

  const trainingSummary = page.getByRole('region', { name: 'Training summary' });
  await expect(trainingSummary).toBeVisible({ timeout: 150_000 });
  const valAccuracy = await percentAfter(page, 'Training summary', 'Validation accuracy');
  const majority = await percentAfter(page, 'Training summary', 'majority-class rate of');
  expect(valAccuracy).toBeGreaterThan(majority);
  // A frozen tab, not a speed target: training on the main thread would block it for seconds.
  // The 50 ms responsiveness target is measured by `node scripts/bench-charts.mjs`, not here.
  expect(Math.max(0, ...(await longTasks(page)))).toBeLessThan(1000);
  await expect(page.getByRole('progressbar', { name: 'Training progress' })).toHaveAttribute('value', '1');

  // Predict before saving, to compare after the reload.
  await openStep(page, 'Evaluate');
  await expect(page.getByRole('table', { name: 'Per-class metrics' })).toBeVisible();
  const probe = 'The striker scored twice and the team won the league final';
  await page.getByRole('textbox', { name: 'Try a text' }).fill(probe);
  const prediction = page.getByRole('region', { name: 'Prediction' });
  await expect(prediction).toContainText('Predicted:');
  const before = await prediction.innerText();

  await openStep(page, 'Export');
  await page.getByRole('textbox', { name: 'Model name' }).fill('journey model');
  await page.getByRole('button', { name: 'Save to browser' }).click();
  await expect(page.getByRole('list', { name: 'Saved models' }).getByRole('listitem', { name: 'journey model' })).toBeVisible();

  await page.reload();
  await openStep(page, 'Export');
  const item = page.getByRole('list', { name: 'Saved models' }).getByRole('listitem', { name: 'journey model' });
  await expect(item).toBeVisible();
  await item.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByText('Loaded "journey model"')).toBeVisible();

  await openStep(page, 'Evaluate');
  await page.getByRole('textbox', { name: 'Try a text' }).fill(probe);
  await expect(prediction).toContainText('Predicted:');
  expect(await prediction.innerText()).toBe(before);
  expect(pageErrors).toEqual([]);
});
