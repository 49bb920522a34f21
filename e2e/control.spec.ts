import { expect, test, type Page } from '@playwright/test';
import { openStep } from './helpers';

async function startTraining(page: Page, epochs: string) {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await openStep(page, 'Train');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill(epochs);
  // WebGPU, slow enough headless to pause mid-run (Auto would take the much faster WASM engine).
  await page.getByRole('combobox', { name: 'Backend' }).selectOption('webgpu');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const status = page.getByRole('status', { name: 'Training status' });
  await expect(status).toContainText(/batch [1-9]/);
  return status;
}

test('pause holds training still, resume continues, stop ends early with the epochs done so far', async ({ page }) => {
  const status = await startTraining(page, '40');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(status).toContainText('Paused');
  const pausedAt = await status.innerText();
  const progress = page.getByRole('progressbar', { name: 'Training progress' });
  const valueAtPause = await progress.getAttribute('value');
  // While paused nothing moves: the status and the progress stay as they were for a while.
  await expect(async () => {
    expect(await status.innerText()).toBe(pausedAt);
    expect(await progress.getAttribute('value')).toBe(valueAtPause);
  }).toPass({ intervals: [1_000, 1_000, 1_000], timeout: 5_000 });
  await expect(page.getByRole('button', { name: 'Resume', exact: true })).toBeEnabled();

  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(status).toContainText('Training on');
  await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(Number(valueAtPause));
  await expect(page.getByRole('figure', { name: 'Loss chart' })).toContainText(/[1-9]\d* epoch points/, { timeout: 60_000 });

  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  const summary = page.getByRole('region', { name: 'Training summary' });
  await expect(summary).toBeVisible({ timeout: 60_000 });
  await expect(summary).toContainText('stopped by you');
  await expect(status).toContainText('Finished');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
});

test('a crashed worker is reported, the page recovers and a new run completes without a reload', async ({ page }) => {
  const status = await startTraining(page, '40');
  const worker = page.workers().find((w) => w.url().includes('worker'));
  expect(worker, 'the studio worker').toBeTruthy();
  // An uncaught exception inside the worker, as a crash would raise.
  await worker!.evaluate(() => setTimeout(() => {
    throw new Error('simulated crash');
  }));
  await expect(page.getByRole('alert').filter({ hasText: 'the worker crashed' })).toBeVisible();
  await expect(status).toContainText('Training failed');

  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('2');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Training summary' })).toBeVisible({ timeout: 120_000 });
  await expect(status).toContainText(/^Finished on your CPU \(WebGPU on a software adapter\)\..*Backend: webgpu\b/);
});
