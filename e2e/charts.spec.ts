import { expect, test, type Locator, type Page } from '@playwright/test';
import { chartPoints, loadSample, openStep } from './helpers';

/** Moves the mouse over a point of a chart's plot (fractions of its drawing's box). */
async function hover(page: Page, figure: Locator, fx: number, fy: number) {
  const surface = figure.locator('.recharts-surface').first();
  await surface.scrollIntoViewIfNeeded();
  const box = await surface.boundingBox();
  if (!box) throw new Error('chart not drawn');
  await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
}

test('training charts (recharts): hover values, legend toggles, log scale, smoothing, table; histograms', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');

  // Data: the text-length histogram draws bars, and a tooltip names a bin and its count.
  const lengths = page.getByRole('figure', { name: 'Text length histogram' });
  await expect(lengths.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await hover(page, lengths, 0.3, 0.5);
  await expect(lengths.locator('.chart-tooltip')).toContainText(/characters/);
  await expect(lengths.locator('.chart-tooltip')).toContainText(/texts\s*\d+/);

  await openStep(page, 'Preprocess');
  const tokens = page.getByRole('figure', { name: 'Token count histogram' });
  await expect(tokens.locator('.recharts-bar-rectangle').first()).toBeVisible();

  await openStep(page, 'Train');
  // Enough epochs for several batch points: the worker reports batches at most 10 times a second.
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('40');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Training summary' })).toBeVisible({ timeout: 150_000 });

  const loss = page.getByRole('figure', { name: 'Loss chart' });
  await expect.poll(async () => (await chartPoints(page, 'Loss chart')).epoch).toBe(40);
  expect((await chartPoints(page, 'Loss chart')).batch).toBeGreaterThan(1);
  await expect(loss.locator('figcaption')).toContainText(/^[\d,]+ batch points?( \([\d,]+ drawn\))?, 40 epoch points; last epoch: train \d\.\d+(e-\d+)?, validation \d\.\d+(e-\d+)?\.$/);

  // Hover: an exact value with its batch and epoch.
  await hover(page, loss, 0.6, 0.35);
  const tooltip = loss.locator('.chart-tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(/Batch \d+ \(epoch \d+, batch \d+ of \d+\)|End of epoch \d+ · batch \d+/);
  await expect(tooltip).toContainText(/(per batch|train \(epoch\)|validation \(epoch\))\s*\d\.\d+(e-\d+)?/);
  await page.mouse.move(0, 0);

  // Legend: a series hides and shows again, by mouse and by keyboard.
  const validation = loss.getByRole('button', { name: 'validation (epoch)' });
  await expect(validation).toHaveAttribute('aria-pressed', 'true');
  await expect(loss.locator('.recharts-line.series-val')).toHaveCount(1);
  await validation.click();
  await expect(validation).toHaveAttribute('aria-pressed', 'false');
  await expect(loss.locator('.recharts-line.series-val')).toHaveCount(0);
  await validation.click();
  await expect(loss.locator('.recharts-line.series-val')).toHaveCount(1);
  const perBatch = loss.getByRole('button', { name: 'per batch' });
  await perBatch.focus();
  await page.keyboard.press('Enter');
  await expect(loss.locator('.recharts-line.series-batch')).toHaveCount(0);
  await page.keyboard.press('Space');
  await expect(loss.locator('.recharts-line.series-batch')).toHaveCount(1);

  // Smoothing: above 0 the smoothed line is drawn over the faint raw one; at 0 only the raw one.
  const smoothing = loss.getByRole('slider', { name: 'Smoothing' });
  await expect(loss.locator('.recharts-line.series-smooth')).toHaveCount(1);
  await smoothing.fill('0');
  await expect(smoothing).toHaveAttribute('aria-valuetext', 'off');
  await expect(loss.locator('.recharts-line.series-smooth')).toHaveCount(0);
  await smoothing.fill('0.9');
  await expect(loss.locator('.recharts-line.series-smooth')).toHaveCount(1);

  // Log scale: the axis says so, and its ticks change.
  const ticks = () => loss.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
  const linear = await ticks();
  await loss.getByRole('checkbox', { name: 'Log scale' }).check();
  await expect(loss.locator('.recharts-label', { hasText: 'loss (log)' })).toHaveCount(1);
  await expect.poll(ticks).not.toEqual(linear);
  await loss.getByRole('checkbox', { name: 'Log scale' }).uncheck();
  await expect(loss.locator('.recharts-label', { hasText: 'loss' })).toHaveText('loss');

  // The zoom bar is there, and the table alternative lists every epoch.
  await expect(loss.locator('.recharts-brush')).toHaveCount(1);
  await loss.getByText('Show as table').click();
  await expect(loss.getByRole('table', { name: 'Loss per epoch' }).getByRole('row')).toHaveCount(1 + 40);

  // Accuracy: percentages on the axis and in the tooltip.
  const accuracy = page.getByRole('figure', { name: 'Accuracy chart' });
  await expect(accuracy.locator('.recharts-yAxis-tick-labels')).toContainText('100%');
  await hover(page, accuracy, 0.6, 0.35);
  await expect(accuracy.locator('.chart-tooltip')).toContainText(/\d+\.\d{2}%/);
  expect(pageErrors).toEqual([]);
});

test('precision-recall curve (two classes): drawn with the current threshold, hover and legend', async ({ page }) => {
  await page.goto('/');
  await loadSample(page, /First names/);
  await openStep(page, 'Model');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Tiny' });
  await openStep(page, 'Train');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Training summary' })).toBeVisible({ timeout: 150_000 });

  await openStep(page, 'Evaluate');
  const pr = page.getByRole('figure', { name: 'Precision-recall curve' });
  await expect(pr.locator('.recharts-line.series-pr path').first()).toBeVisible();
  await expect(pr.locator('.recharts-reference-dot')).toHaveCount(1);
  await hover(page, pr, 0.5, 0.5);
  await expect(pr.locator('.chart-tooltip')).toContainText(/Threshold \d\.\d{3}/);
  await expect(pr.locator('.chart-tooltip')).toContainText(/recall\s*\d+\.\d%/);
  await pr.getByRole('button', { name: 'current threshold' }).click();
  await expect(pr.locator('.recharts-reference-dot')).toHaveCount(0);
  await pr.getByRole('button', { name: 'current threshold' }).click();
  await expect(pr.locator('.recharts-reference-dot')).toHaveCount(1);
});
