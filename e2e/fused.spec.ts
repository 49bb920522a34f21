import { expect, test, type Page } from '@playwright/test';
import { openStep } from './helpers';

async function train(page: Page, fused: 'on' | 'off', backend?: string, onText = 'Fused convolution + max-pool step.') {
  if (backend) await page.getByRole('combobox', { name: 'Backend' }).selectOption(backend);
  await page.getByRole('combobox', { name: 'Fused convolution + max-pool step' }).selectOption(fused);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const status = page.getByRole('status', { name: 'Training status' });
  await expect(status).toContainText('Finished', { timeout: 150_000 });
  await expect(status).toContainText(fused === 'on' ? onText : 'Standard layers (fused step not used: turned off)');
  const summary = await page.getByRole('region', { name: 'Training summary' }).innerText();
  return Number(/Validation loss\s*([\d.]+)/.exec(summary)![1]);
}

// The fused step's sparse gradient equals the standard layers' (unit tests, CPU); on WebGPU it
// once trained nothing (tfjs 4.22 reduced the wrong buffer), so this trains it there for real.
test('on WebGPU the fused convolution + max-pool step trains to the standard layers’ validation loss', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await openStep(page, 'Train');
  await page.getByText('Advanced settings', { exact: true }).click();
  await page.getByRole('combobox', { name: 'Backend' }).selectOption('webgpu');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('2');
  // On WebGPU the fused step runs the studio's WGSL kernels (src/worker/train/fused/wgsl/).
  const fused = await train(page, 'on', undefined, 'Fused convolution + max-pool step: fused WGSL kernels.');
  const standard = await train(page, 'off');
  expect(Math.abs(fused - standard)).toBeLessThanOrEqual(1e-3);
  expect(standard).toBeLessThan(Math.log(4) - 0.05);
});

// WebGL trains the Embedding gradient with the studio's read-back scatter-add (tfjs' shader is
// O(vocabulary × tokens)): both steps agree, and land near the CPU's loss (WebGL rounds differently).
test('on WebGL the scatter-add trains: fused and standard agree, and come close to the CPU', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await openStep(page, 'Train');
  await page.getByText('Advanced settings', { exact: true }).click();
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('2');
  const fused = await train(page, 'on', 'webgl');
  await expect(page.getByRole('status', { name: 'Training status' })).toContainText(/^Finished on your GPU \(WebGL\)\.(?!.*fallback).*Backend: webgl\b/);
  const standard = await train(page, 'off', 'webgl');
  const cpu = await train(page, 'off', 'cpu');
  expect(Math.abs(fused - standard)).toBeLessThanOrEqual(1e-3);
  expect(Math.abs(standard - cpu)).toBeLessThanOrEqual(0.03);
});
