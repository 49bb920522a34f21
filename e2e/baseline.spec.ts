import { expect, test } from '@playwright/test';
import { openStep } from './helpers';

/** The demo sample (240 texts, 4 classes) with the Tiny preset and 2 epochs: a short run. */
async function tinyRun(page: import('@playwright/test').Page) {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await openStep(page, 'Model');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Tiny' });
  await openStep(page, 'Train');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('2');
}

test('baseline: trains beside the CNN and stands beside its scores in Train and Evaluate', async ({ page }) => {
  await tinyRun(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Training summary' })).toBeVisible({ timeout: 150_000 });

  const train = page.getByRole('region', { name: 'Baseline' });
  await expect(train).toContainText('A simple word-count model (TF-IDF + logistic regression) on the same split');
  await expect(train).toContainText(/On the validation split \(48 texts\):\s*Accuracy\s*CNN \d+\.\d% · baseline \d+\.\d%/, { timeout: 60_000 });
  await expect(train).toContainText(/Macro F1\s*CNN \d+\.\d% · baseline \d+\.\d%/);
  // The technical detail waits behind Details.
  const details = train.getByText('Details', { exact: true });
  await expect(train.getByText(/word 1–2-grams\. Word 1–2-grams: words are separated by spaces/)).toBeHidden();
  await details.click();
  await expect(train.getByText(/word 1–2-grams\. Word 1–2-grams: words are separated by spaces/)).toBeVisible();
  await expect(train).toContainText(/TF-IDF of word 1–2-grams \+ logistic regression \(L2, C = 10\), fitted by L-BFGS/);

  await openStep(page, 'Evaluate');
  await expect(page.getByRole('combobox', { name: 'Evaluation split' })).toHaveValue('test');
  const evaluate = page.getByRole('region', { name: 'Baseline' });
  await expect(evaluate).toContainText(/On the test split \(24 texts\):\s*Accuracy\s*CNN \d+\.\d% · baseline \d+\.\d%/);
  await page.getByRole('combobox', { name: 'Evaluation split' }).selectOption('validation');
  await expect(evaluate).toContainText(/On the validation split \(48 texts\):\s*Accuracy\s*CNN \d+\.\d% · baseline \d+\.\d%/);
});

test('baseline: turned off in Advanced settings, no baseline runs or shows', async ({ page }) => {
  await tinyRun(page);
  await page.getByText('Advanced settings', { exact: true }).click();
  const setting = page.getByRole('checkbox', { name: /^Train a baseline beside the CNN/ });
  await expect(setting).toBeChecked();
  await setting.uncheck();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Training summary' })).toBeVisible({ timeout: 150_000 });
  await expect(page.getByRole('region', { name: 'Baseline' })).toHaveCount(0);
  await openStep(page, 'Evaluate');
  await expect(page.getByRole('table', { name: 'Per-class metrics' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Baseline' })).toHaveCount(0);
});
