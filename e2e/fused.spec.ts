import { expect, test, type Page } from '@playwright/test';
import { openStep } from './helpers';

async function train(page: Page, fused: 'on' | 'off') {
  await page.getByRole('combobox', { name: 'Fused convolution + max-pool step' }).selectOption(fused);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const status = page.getByRole('status', { name: 'Training status' });
  await expect(status).toContainText('Finished', { timeout: 150_000 });
  await expect(status).toContainText(fused === 'on' ? 'Fused convolution + max-pool step.' : 'Standard layers (fused step not used: turned off)');
  const summary = await page.getByRole('region', { name: 'Training summary' }).innerText();
  return Number(/Validation loss\s*([\d.]+)/.exec(summary)![1]);
}

// The fused step's sparse gradient equals the standard layers' (unit tests, CPU); on WebGPU it
// once trained nothing (tfjs 4.22 reduced the wrong buffer), so this trains it there for real.
test('on WebGPU the fused convolution + max-pool step trains to the standard layers’ validation loss', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await openStep(page, 'Train');
  await page.getByRole('combobox', { name: 'Backend' }).selectOption('webgpu');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('2');
  const fused = await train(page, 'on');
  const standard = await train(page, 'off');
  expect(Math.abs(fused - standard)).toBeLessThanOrEqual(1e-3);
  expect(standard).toBeLessThan(Math.log(4) - 0.05);
});
