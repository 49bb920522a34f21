import { expect, test } from '@playwright/test';
import { openStep } from './helpers';

/** A worker that ends without an error event (self.close()) is noticed, replaced, and the page trains again. */
test('a worker that closes itself mid-run is replaced within seconds and Train works again', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await openStep(page, 'Train');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('40');
  await page.getByRole('combobox', { name: 'Backend' }).selectOption('webgpu');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const status = page.getByRole('status', { name: 'Training status' });
  await expect(status).toContainText(/batch [1-9]/);
  const worker = page.workers().find((w) => w.url().includes('worker'));
  expect(worker, 'the studio worker').toBeTruthy();
  const closedAt = Date.now();
  // Ends the worker as a browser under memory pressure may: no error event reaches the page.
  await worker!.evaluate(() => setTimeout(() => (self as unknown as { close(): void }).close()));
  await expect(page.getByRole('alert').filter({ hasText: 'the worker crashed' })).toBeVisible({ timeout: 10_000 });
  expect(Date.now() - closedAt).toBeLessThan(10_000);
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await expect(train).toBeEnabled();

  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
  await train.click();
  await expect(page.getByRole('region', { name: 'Training summary' })).toBeVisible({ timeout: 120_000 });
});
