import { expect, test } from '@playwright/test';
import { openStep } from './helpers';

/** 300,000 short rows (a generated file): they load, the Preprocess statistics come, and Tiny trains an epoch. */
test('300,000 rows load, preprocess and train one epoch of Tiny', async ({ page }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const topics = ['sport', 'money', 'weather', 'music'];
  const lines = ['text,label'];
  for (let i = 0; i < 300_000; i++) lines.push(`${topics[i % 4]} note ${i % 997} word${i % 31},${topics[i % 4]}`);
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await page.getByLabel('Upload dataset').setInputFiles({ name: 'rows-300k.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('300,000 examples', { timeout: 120_000 });

  await openStep(page, 'Preprocess');
  await expect(page.getByRole('table', { name: 'Token count percentiles' })).toContainText(/\d+ tokens/, { timeout: 120_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await openStep(page, 'Model');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Tiny' });
  await page.getByRole('spinbutton', { name: 'Sequence length' }).fill('8');
  await openStep(page, 'Train');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
  await page.getByRole('spinbutton', { name: 'Batch size' }).fill('512');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Training summary' })).toBeVisible({ timeout: 240_000 });
  await expect(page.getByText(/Maximum call stack/)).toHaveCount(0);
  expect(errors).toEqual([]);
});
