import { expect, test } from '@playwright/test';
import { loadSample, openStep } from './helpers';

test('preprocess: token statistics of the sample, Unicode words without stop words, trained and used to predict', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto('/');
  await loadSample(page, /Demo topics/);
  await openStep(page, 'Preprocess');

  // The automatic choice for English: Keras words, with its reason.
  const mode = page.getByRole('combobox', { name: 'Tokenizer mode' });
  await expect(mode).toHaveValue('auto');
  await expect(mode.locator('option:checked')).toHaveText('Automatic (Keras words)');
  await expect(page.getByText(/Automatic choice, Keras words: Words are separated by spaces/)).toBeVisible();

  // Histogram, percentiles, vocabulary: computed in the worker from the training split.
  await expect(page.getByRole('figure', { name: 'Token count histogram' }).locator('.recharts-bar-rectangle').last()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Token count percentiles' })).toContainText(/\d+ tokens/);
  const vocabulary = page.getByRole('region', { name: 'Vocabulary' });
  await expect(vocabulary).toContainText(/Distinct tokens\s*[\d,]+ in the training split/);
  await expect(vocabulary).toContainText(/Out of vocabulary\s*[\d.]+% of the [\d,]+ tokens of the validation split/);
  const topTokens = page.getByRole('table', { name: 'Most frequent tokens' });
  await expect(topTokens.getByRole('row')).toHaveCount(51);
  await expect(topTokens.getByRole('cell', { name: 'the', exact: true })).toBeVisible();

  // A short sequence length truncates texts; "Use suggested" brings it back to the p95.
  const length = page.getByRole('spinbutton', { name: 'Sequence length' });
  await length.fill('3');
  const truncation = page.getByRole('status', { name: 'Truncation' });
  await expect(truncation).toContainText(/training texts \([\d.]+%\) have more than 3 tokens and get truncated/);
  await page.getByRole('button', { name: /^Use suggested \(\d+ tokens\)$/ }).click();
  await expect.poll(async () => Number(await length.inputValue())).toBeGreaterThan(3);

  // Override the mode and drop stop words: the statistics follow.
  await mode.selectOption('unicode');
  await expect(page.getByText(/Your choice overrides the automatic one/)).toBeVisible();
  await page.getByRole('checkbox', { name: 'Remove English stop words' }).check();
  await expect(topTokens.getByRole('cell', { name: 'the', exact: true })).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Statistics status' })).toContainText('computed in');

  // Train with these settings, then predict a text with the same tokenizer.
  await openStep(page, 'Train');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('3');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Training summary' })).toBeVisible({ timeout: 150_000 });
  await openStep(page, 'Evaluate');
  await page.getByRole('textbox', { name: 'Try a text' }).fill('The striker scored twice and the team won the final');
  await expect(page.getByRole('region', { name: 'Prediction' })).toContainText('Predicted:');
  expect(pageErrors).toEqual([]);
});
