import { expect, test } from '@playwright/test';

/** The later action wins: a file chosen while the first visit's sample is still on its way stays. */
test('an upload during a slow first sample load is not overwritten by the sample', async ({ page }) => {
  const sampleRequests: string[] = [];
  await page.route('**/datasets/manifest.json', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  page.on('request', (r) => {
    if (/\/datasets\/(?!manifest)/.test(r.url())) sampleRequests.push(r.url());
  });
  const manifest = page.waitForResponse('**/datasets/manifest.json');
  await page.goto('/');
  const rows = ['text,label', ...Array.from({ length: 30 }, (_, i) => `my own text number ${i},${['alpha', 'beta', 'gamma'][i % 3]}`)];
  await page.getByLabel('Upload dataset').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  const summary = page.getByRole('region', { name: 'Dataset summary' });
  await expect(summary).toContainText('30 examples');
  await manifest;
  // The manifest arrived after the upload: the samples are listed, none is fetched.
  await expect(page.getByRole('combobox', { name: 'Sample dataset' }).locator('option')).not.toHaveCount(0);
  await page.waitForLoadState('networkidle');
  expect(sampleRequests).toEqual([]);
  await expect(page.getByRole('table', { name: 'Data preview' }).locator('caption')).toContainText('“mine.csv”');
  await expect(summary).toContainText('30 examples');
  await expect(summary).toContainText('3 classes');
});
