import { expect, test } from '@playwright/test';
import { openStep } from './helpers';

test('evaluate: confusion-matrix cell examples, mistakes, highlighted tokens, probabilities summing to 1, batch CSV', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await openStep(page, 'Train');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('6');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Training summary' })).toBeVisible({ timeout: 150_000 });

  await openStep(page, 'Evaluate');
  await expect(page.getByRole('combobox', { name: 'Evaluation split' })).toHaveValue('test');
  const metrics = page.getByRole('table', { name: 'Per-class metrics' });
  await expect(metrics).toContainText('Test split: 24 texts');
  await expect(metrics.getByRole('row')).toHaveCount(1 + 4 + 2);

  // Open the diagonal cell of "sports" with the keyboard: focus the first cell, move down and right.
  const matrix = page.getByRole('table', { name: 'Confusion matrix' });
  const first = matrix.getByRole('button', { name: /^true cooking, predicted cooking/ });
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  const cell = matrix.getByRole('button', { name: /^true sports, predicted sports: (\d+) texts/ });
  await expect(cell).toBeFocused();
  await expect(cell).toHaveAttribute('aria-pressed', 'true');
  const count = Number(/: (\d+) texts/.exec((await cell.getAttribute('aria-label'))!)![1]);
  expect(count).toBeGreaterThan(0);
  const examples = page.getByRole('region', { name: 'Cell examples' });
  await expect(examples).toContainText('True “sports”, predicted “sports”');
  await expect(examples.getByRole('listitem')).toHaveCount(count);

  await expect(page.getByRole('region', { name: 'Misclassified examples' })).toContainText(/Misclassified examples: \d+ of 24/);

  await page.getByRole('textbox', { name: 'Try a text' }).fill('Heavy rain and strong wind are expected tomorrow with a cold front');
  const prediction = page.getByRole('region', { name: 'Prediction' });
  await expect(prediction).toContainText('Predicted:');
  const probabilities = await prediction.getByRole('list', { name: 'Class probabilities' }).getByRole('listitem').evaluateAll((items) =>
    items.map((li) => Number(li.getAttribute('data-probability'))),
  );
  expect(probabilities).toHaveLength(4);
  expect(Math.abs(probabilities.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-5);
  await expect(prediction.getByLabel('Highlighted tokens').locator('mark').first()).toBeVisible();

  // Batch prediction: a formula-looking text comes back neutralised.
  await page.getByLabel('Predict a file').setInputFiles({
    name: 'new.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('text\n"=HYPERLINK(""http://x"",""click"") the match was great"\nSunny and warm all week\n'),
  });
  const link = page.getByRole('link', { name: 'Download predictions (CSV)' });
  await expect(link).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('text,predicted,p(cooking),p(sports),p(technology),p(weather)');
  expect(lines).toHaveLength(3);
  expect(lines[1].startsWith(`"'=HYPERLINK(`)).toBe(true);
});
