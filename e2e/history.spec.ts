import { expect, test, type Page } from '@playwright/test';
import { openStep } from './helpers';

async function train(page: Page, settings: { epochs: string; learningRate?: string; backend?: string }) {
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill(settings.epochs);
  if (settings.learningRate) await page.getByRole('spinbutton', { name: 'Learning rate' }).fill(settings.learningRate);
  if (settings.backend) await page.getByRole('combobox', { name: 'Backend' }).selectOption(settings.backend);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Training status' })).toContainText('Finished', { timeout: 150_000 });
}

test('runs are kept across reloads and compared: curves overlaid, settings diffed', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await openStep(page, 'Train');
  await train(page, { epochs: '2', learningRate: '0.01' });
  await train(page, { epochs: '3', learningRate: '0.003' });

  await page.reload();
  await openStep(page, 'Train');
  const runs = page.getByRole('table', { name: 'Runs' });
  await expect(runs.getByRole('row')).toHaveCount(1 + 2);
  for (const box of await runs.getByRole('checkbox').all()) await box.check();
  // One line per compared run, with one dot per epoch (2 + 3).
  const overlay = page.getByRole('figure', { name: 'Validation accuracy of the compared runs' });
  await expect(overlay.locator('.recharts-line-curve')).toHaveCount(2);
  await expect(overlay.locator('circle.recharts-line-dot')).toHaveCount(5);
  // The legend above the charts hides a run in both and shows it again.
  const legend = page.getByRole('region', { name: 'Run history' }).getByRole('list', { name: 'Series (press to show or hide)' });
  await legend.getByRole('button').first().click();
  await expect(overlay.locator('.recharts-line-curve')).toHaveCount(1);
  await legend.getByRole('button').first().click();
  await expect(overlay.locator('.recharts-line-curve')).toHaveCount(2);
  const diff = page.getByRole('table', { name: 'Settings that differ' });
  await expect(diff.getByRole('row', { name: /training\.learningRate 0\.003 0\.01/ })).toBeVisible();
  await expect(diff.getByRole('row', { name: /training\.epochs 3 2/ })).toBeVisible();
  await expect(diff.getByRole('row', { name: /training\.seed/ })).toHaveCount(0);
});

test('forcing each backend trains on it, or says why it cannot', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await openStep(page, 'Train');
  const status = page.getByRole('status', { name: 'Training status' });
  await train(page, { epochs: '1', backend: 'cpu' });
  await expect(status).toContainText(/^Finished on your CPU \(JavaScript\)\..*Backend: cpu\b/);
  await expect(status).not.toContainText('fallback');
  await train(page, { epochs: '1', backend: 'webgpu' });
  await expect(status).toContainText(/^Finished on your CPU \(WebGPU on a software adapter\)\..*Backend: webgpu\b/);
  await train(page, { epochs: '1', backend: 'webgl' });
  // Headless Chromium may have no WebGL in workers: then the reason is named and WebGPU takes over.
  await expect(status).toContainText(/^Finished on your (GPU|CPU) .*Backend: (webgl\b(?!.*fallback)|webgpu .*fallback: .*webgl)/);
});
