import { expect, test } from '@playwright/test';

/** Loads are transactional: a file that reads but cannot be trained on leaves the dataset in use. */
const FILES = [
  { name: 'header-only.csv', body: 'text,label\n', alert: '"header-only.csv" has a single row (a header without data?)' },
  { name: 'one-column.csv', body: 'text\nhello there\nanother text\nand a third\n', alert: '"one-column.csv" has only one column' },
  {
    name: 'deep.json',
    body: `[{"text": ${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}, "label": "x"}]`,
    alert: '"deep.json" has no rows that could be read (item 1: it nests objects or lists more than 64 levels deep',
  },
];

test('a header-only CSV, a one-column file and deeply nested JSON keep the previous dataset', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  const summary = page.getByRole('region', { name: 'Dataset summary' });
  await expect(summary).toContainText('240 examples');
  const caption = page.getByRole('table', { name: 'Data preview' }).locator('caption');
  const before = await caption.innerText();
  for (const f of FILES) {
    await page.getByLabel('Upload dataset').setInputFiles({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.body) });
    const alert = page.getByRole('alert').filter({ hasText: f.name });
    await expect(alert).toContainText(f.alert);
    await expect(alert).not.toContainText('Maximum call stack');
    await expect(page.getByText(/^Still using “/)).toBeVisible();
    expect(await caption.innerText()).toBe(before);
    await expect(summary).toContainText('240 examples');
  }
  expect(errors).toEqual([]);
});
