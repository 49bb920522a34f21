import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openStep } from './helpers';

test('a 4-trial random search finishes, ranks its trials, applies the best and keeps them in run history', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await openStep(page, 'Train');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('2');
  const lr = page.getByRole('spinbutton', { name: 'Learning rate' });
  await expect(lr).toHaveValue('0.01');

  await page.getByRole('combobox', { name: 'Search method' }).selectOption('random');
  await page.getByRole('spinbutton', { name: 'Trials' }).fill('4');
  // Two trials at once (the CPU engine trains them here, one per worker).
  await page.getByRole('combobox', { name: 'Trials at once' }).selectOption('2');
  // Learning rate a decade either side (log scale), filters from a list; dropout not varied.
  await expect(page.getByRole('textbox', { name: 'Learning rate values' })).toHaveValue('0.001 to 0.1');
  await page.getByRole('checkbox', { name: 'Vary dropout' }).uncheck();
  await page.getByRole('textbox', { name: 'Filters values' }).fill('8, 16');
  // A bad value is refused beside its field, and Start search waits for it to be fixed.
  await page.getByRole('textbox', { name: 'Learning rate values' }).fill('0.1 to 0.001');
  await expect(page.getByText('Learning rate: the range 0.1 to 0.001 runs backwards; write the smaller number first.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start search' })).toBeDisabled();
  await page.getByRole('textbox', { name: 'Learning rate values' }).fill('0.001 to 0.1');

  await page.getByRole('button', { name: 'Start search' }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  // Train and Cross-validate wait for the search, with the reason.
  await expect(page.getByText('A search is running: cancel it or let it finish first.')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Cross-validate' })).toBeDisabled();
  const status = page.getByRole('status', { name: 'Search status' });
  await expect(status).toContainText('Search finished: 4 of 4 trials decided', { timeout: 170_000 });
  await expect(status).toContainText('two at a time');

  const results = page.getByRole('region', { name: 'Search results' });
  const board = results.getByRole('table', { name: 'Search leaderboard' });
  await expect(board.getByRole('row')).toHaveCount(1 + 4);
  await expect(board.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('1');
  await expect(board.getByRole('row').filter({ hasText: 'finished' })).toHaveCount(4);
  await expect(results.getByRole('figure', { name: 'Score by setting' })).toContainText('4 scored trials against learning rate (log scale)');
  const axe = await new AxeBuilder({ page }).include('.search').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // The best trial's learning rate (first row, column after Rank and Trial) goes into the Train step.
  const bestRate = (await board.getByRole('row').nth(1).getByRole('cell').nth(2).innerText()).trim();
  expect(bestRate).not.toBe('0.01');
  await results.getByRole('button', { name: 'Apply best' }).click();
  await expect(results.getByRole('status')).toContainText(/^Applied trial \d: learning rate 0\.01 → /);
  await expect(lr).toHaveValue(bestRate);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();

  // Every trial is in the run history, tagged with its search.
  const runs = page.getByRole('table', { name: 'Runs' });
  await expect(runs.getByRole('row').filter({ hasText: /Trial \d of the random search of/ })).toHaveCount(4);
});
