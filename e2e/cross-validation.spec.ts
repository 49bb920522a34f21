import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openStep } from './helpers';

/** 60 short texts of two classes, each class with its own words. */
function csv(): Buffer {
  const lines = ['text,label'];
  for (let i = 0; i < 60; i++) lines.push(i % 2 ? `awful bad poor service number ${i % 7},neg` : `great good lovely food number ${i % 7},pos`);
  return Buffer.from(lines.join('\n'));
}

async function tinySetup(page: Page, epochs: number): Promise<void> {
  await page.goto('/');
  const summary = page.getByRole('region', { name: 'Dataset summary' });
  await expect(summary).toBeVisible();
  await page.getByLabel('Upload dataset').setInputFiles({ name: 'cv.csv', mimeType: 'text/csv', buffer: csv() });
  await expect(summary).toContainText('60 examples');
  await openStep(page, 'Model');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Tiny' });
  await openStep(page, 'Train');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill(String(epochs));
  await page.getByRole('spinbutton', { name: 'Folds' }).fill('3');
}

test('a 3-fold cross-validation of Tiny finishes with a row per fold and the mean ± deviation', async ({ page }) => {
  await tinySetup(page, 1);
  await page.getByRole('button', { name: 'Cross-validate', exact: true }).click();
  const region = page.getByRole('region', { name: 'Cross-validation' });
  const table = region.getByRole('table', { name: 'Scores per fold' });
  await expect(region).toContainText(/Accuracy: CNN \d+\.\d% ± \d+\.\d across 3 folds · baseline \d+\.\d% ± \d+\.\d/, { timeout: 120_000 });
  await expect(region).toContainText(/Macro F1: CNN \d+\.\d% ± \d+\.\d across 3 folds · baseline \d+\.\d% ± \d+\.\d/);
  for (const column of ['Fold', 'Rows (train / held out)', 'CNN accuracy', 'CNN macro F1', 'Baseline accuracy', 'Baseline macro F1']) {
    await expect(table.getByRole('columnheader', { name: column, exact: true })).toBeVisible();
  }
  await expect(table.getByRole('row')).toHaveCount(1 + 3);
  // 60 rows, two classes of 30: every fold holds out 20 and trains on 40.
  for (let fold = 1; fold <= 3; fold++) await expect(table.getByRole('row').nth(fold)).toContainText(`${fold}40 / 20`);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Cross-validate', exact: true })).toBeEnabled();
  const axe = await new AxeBuilder({ page }).include('.cross-validation').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('Cancel stops a cross-validation; Train is disabled while it runs', async ({ page }) => {
  await tinySetup(page, 300);
  await page.getByRole('button', { name: 'Cross-validate', exact: true }).click();
  const region = page.getByRole('region', { name: 'Cross-validation' });
  await expect(region.getByRole('status')).toContainText(/Fold 1 of 3 · epoch \d+\/300/, { timeout: 60_000 });
  await expect(region.getByRole('progressbar', { name: 'Cross-validation progress' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  await expect(page.getByText('Cross-validation is running: cancel it or wait for it to finish.')).toBeVisible();
  await region.getByRole('button', { name: 'Cancel cross-validation' }).click();
  await expect(region.getByRole('status')).toHaveText('Cross-validation cancelled.', { timeout: 30_000 });
  await expect(region.getByRole('table', { name: 'Scores per fold' })).toHaveCount(0);
  await expect(region.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await expect(region.getByRole('button', { name: 'Cross-validate', exact: true })).toBeEnabled();
});
