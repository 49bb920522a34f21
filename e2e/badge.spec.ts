import { expect, test } from '@playwright/test';
import { openStep } from './helpers';

test('before a run the header badge names what the run then trains on; Measure speed names the same', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  const badge = page.getByRole('banner').getByLabel(/^Backend:/);
  await expect(badge).not.toContainText('Starting');
  const before = (await badge.innerText()).trim();
  // Headless Chromium has only a software WebGPU adapter: never called a GPU.
  expect(before).toMatch(/^(CPU|GPU) · /);
  if (before.includes('WebGPU')) expect(before).not.toMatch(/^GPU/);
  const [where, what] = before.split(' · ');
  // The reason is in its accessible name (and shown on hover and focus).
  const named = new RegExp(`^Backend: ${before.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\. \\S`);
  await expect(badge).toHaveAccessibleName(named);

  await openStep(page, 'Model');
  await expect(page.getByRole('button', { name: /^Measure speed/ })).toHaveText(`Measure speed on ${before}`);

  await openStep(page, 'Train');
  const status = page.getByRole('status', { name: 'Training status' });
  await expect(status).toContainText(`Ready to train on your ${where} (${what}).`);
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('2');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(status).toContainText('Finished', { timeout: 120_000 });
  await expect(status).toContainText(`Finished on your ${where} (${what}).`);
  // After the run the badge still names the same backend.
  await expect(badge).toHaveAccessibleName(named);
});
