import { expect, test } from '@playwright/test';
import { longTasks, observeLongTasks, openStep } from './helpers';

/**
 * 10,000 distinct labels (2 rows each, generated here): the Data step draws the largest classes
 * plus "other", pages through the full list, says there are too many classes for the data, and
 * stays responsive; Train says why the validation split is empty without suggesting a larger one.
 */
test('10,000 classes: the Data step is summarised and stays responsive', async ({ page }) => {
  test.setTimeout(240_000);
  const lines = ['text,label'];
  for (let r = 0; r < 2; r++) for (let c = 0; c < 10_000; c++) lines.push(`sample text ${r} about topic number ${c},label_${String(c).padStart(5, '0')}`);
  await page.goto('/');
  const summary = page.getByRole('region', { name: 'Dataset summary' });
  await expect(summary).toContainText('240 examples');
  await page.getByLabel('Upload dataset').setInputFiles({ name: 'classes-10k.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await expect(summary.getByText('10,000 classes', { exact: true })).toBeVisible({ timeout: 120_000 });

  const bars = page.getByRole('list', { name: 'Class distribution' });
  await expect(bars.getByRole('listitem')).toHaveCount(13);
  await expect(bars).toContainText('Other 9,988 classes');
  await expect(page.getByRole('table', { name: 'Split' })).toContainText('Other 9,988 classes');
  await expect(page.getByRole('table', { name: 'Split' }).getByRole('row')).toHaveCount(1 + 13 + 1);
  await expect(summary).toContainText(/Too many classes for the data: 10,000 classes for 20,000 examples.*different Label column/);

  // The full list is one click away, a page at a time.
  await summary.getByRole('button', { name: 'Show all 10,000 classes' }).click();
  await expect(bars.getByRole('listitem')).toHaveCount(100);
  await expect(summary).toContainText('Classes 1–100 of 10,000, largest first');
  await summary.getByRole('button', { name: 'Next 100' }).click();
  await expect(summary).toContainText('Classes 101–200 of 10,000');
  await expect(bars).toContainText('label_00100');

  // Showing the Data step again stays responsive (it froze the page for 3.5–5.4 s).
  await openStep(page, 'Model');
  await observeLongTasks(page);
  await openStep(page, 'Data');
  await expect(bars).toBeVisible();
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
  const longest = Math.max(0, ...(await longTasks(page)));
  console.log(`longest main-thread task, Data step shown with 10,000 classes: ${Math.round(longest)} ms`);
  // 50 ms on a quiet machine; the bound leaves room for a shared, slow test machine.
  expect(longest).toBeLessThan(1_500);

  await openStep(page, 'Model');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Tiny' });
  await openStep(page, 'Train');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'validation split is empty' });
  await expect(alert).toContainText('a larger validation split cannot help', { timeout: 60_000 });
  await expect(alert).not.toContainText('raise the validation split');
});
