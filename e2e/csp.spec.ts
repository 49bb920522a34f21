import { expect, test, type Page } from '@playwright/test';
import { openStep } from './helpers';

/** Collects CSP violations the page and its workers report, as events and as console errors. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on('worker', (worker) => {
    void worker.evaluate(() => {
      self.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy (worker): ${e.violatedDirective} ${e.blockedURI}`));
    }).catch(() => undefined);
  });
  return violations;
}

test('the whole journey runs under the shipped Content-Security-Policy with no violation', async ({ page }) => {
  const violations = await watchCsp(page);
  const response = await page.goto('/');
  const header = response!.headers()['content-security-policy'] ?? '';
  const meta = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
  // Cross-origin isolated: workers may share memory (the engine's two workers, tfjs' WASM threads).
  expect(response!.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(response!.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  for (const policy of [header, meta]) {
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  }

  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await expect(page.getByRole('figure', { name: 'Pipeline diagram' }).locator('svg')).toBeVisible();
  await openStep(page, 'Preprocess');
  await openStep(page, 'Model');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Tiny' });
  await expect(page.getByRole('figure', { name: 'Model diagram' }).locator('svg')).toBeVisible();
  await openStep(page, 'Train');
  // Auto picks the WASM engine here: its SIMD module must compile under 'wasm-unsafe-eval'.
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('2');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Training summary' })).toBeVisible({ timeout: 120_000 });
  await openStep(page, 'Evaluate');
  await page.getByRole('textbox', { name: 'Try a text' }).fill('The striker scored twice and the team won the final');
  await expect(page.getByRole('region', { name: 'Prediction' })).toContainText('Predicted:');
  await openStep(page, 'Export');
  await page.getByRole('textbox', { name: 'Model name' }).fill('csp model');
  await page.getByRole('button', { name: 'Save to browser' }).click();
  await expect(page.getByRole('list', { name: 'Saved models' }).getByRole('listitem', { name: 'csp model' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download model' }).click();
  await download;

  const events = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  expect([...events, ...violations]).toEqual([]);
});
