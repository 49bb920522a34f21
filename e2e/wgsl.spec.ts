import { expect, test } from '@playwright/test';

// The fused WGSL kernels (src/worker/train/fused/wgsl/) against tfjs' CPU backend running the
// standard layers: loss, every gradient and two Adam steps to 1e-4, on random and padded (tied)
// ids, several kernel sizes. Headless Chromium runs WebGPU on SwiftShader, so no GPU is needed.
test('the fused WGSL kernels give the CPU’s loss, gradients and weights after two steps', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/src/checks/wgsl.html');
  const status = page.getByRole('status', { name: 'Check status' });
  await expect(status).not.toHaveText('Running…', { timeout: 150_000 });
  const text = await page.getByLabel('Check result').innerText();
  console.log(text);
  await expect(status).toHaveText('Passed');
  const result = JSON.parse(text) as { pass: boolean; cases: { name: string; loss: number; gradients: number; weightsAfterTwoSteps: number; tiedPairs: number }[] };
  expect(result.cases).toHaveLength(3);
  for (const c of result.cases) {
    expect(c.loss).toBeLessThanOrEqual(1e-4);
    expect(c.gradients).toBeLessThanOrEqual(1e-4);
    expect(c.weightsAfterTwoSteps).toBeLessThanOrEqual(1e-4);
  }
  // The padded cases do exercise the tie rule.
  expect(result.cases[1].tiedPairs).toBeGreaterThan(0);
  expect(result.cases[2].tiedPairs).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});
