import { expect, test, type Page } from '@playwright/test';
import { openStep } from './helpers';

const totalParameters = async (page: Page) =>
  Number(/Total parameters\s*([\d,]+)/.exec(await page.getByRole('region', { name: 'Model summary' }).innerText())![1].replace(/,/g, ''));

const diagramText = (page: Page) => page.getByRole('figure', { name: 'Model diagram' }).locator('svg').textContent();

test('edit the layer stack: parameters and diagram follow, undo/redo works, the edited model trains', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('4 classes');
  await openStep(page, 'Model');
  await expect(page.getByRole('figure', { name: 'Model diagram' }).locator('svg')).toBeVisible();
  // Tiny with 4 classes: 2000·16 + (3·16+1)·32 + (32+1)·32 + (32+1)·4
  expect(await totalParameters(page)).toBe(32_000 + 1_568 + 1_056 + 132);

  await page.getByRole('spinbutton', { name: 'Filters', exact: true }).fill('48');
  await expect.poll(() => totalParameters(page)).toBe(32_000 + (3 * 16 + 1) * 48 + (48 + 1) * 32 + 132);
  await expect.poll(() => diagramText(page)).toContain('Conv1D 48×3');

  const kernels = page.getByRole('textbox', { name: 'Parallel kernel sizes (layer 1)' });
  await kernels.fill('3, 4');
  await kernels.press('Enter');
  await expect.poll(() => totalParameters(page)).toBe(32_000 + (3 * 16 + 1) * 48 + (4 * 16 + 1) * 48 + (96 + 1) * 32 + 132);
  await expect.poll(() => diagramText(page)).toContain('Conv1D 48×4');

  await page.getByRole('combobox', { name: 'Layer to add' }).selectOption({ label: 'Dropout' });
  await page.getByRole('button', { name: 'Add layer' }).click();
  const dropout = page.getByRole('spinbutton', { name: 'Dropout rate', exact: true });
  await expect(dropout).toHaveValue('0.5');
  await expect.poll(() => diagramText(page)).toContain('Dropout 0.5');
  const withDropout = await totalParameters(page);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(dropout).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(dropout).toHaveValue('0.5');
  expect(await totalParameters(page)).toBe(withDropout);
  await expect(page.getByRole('combobox', { name: 'Preset' })).toHaveValue('custom');

  await openStep(page, 'Train');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('3');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('figure', { name: 'Pipeline diagram' })).toContainText(/Training: epoch [1-3]\/3/);
  await expect(page.getByRole('region', { name: 'Training summary' })).toBeVisible({ timeout: 150_000 });
  await expect(page.getByRole('figure', { name: 'Pipeline diagram' })).toContainText('Trained: validation accuracy');
});

test('hostile class and file names show as text and run nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toBeVisible();
  const evilImg = '<img src=x onerror=alert(1)>';
  const evilClick = '"]; click A call evil()';
  const rows = ['text,label'];
  for (let i = 0; i < 12; i++) {
    rows.push(`"great fun match number ${i}","${evilImg}"`);
    rows.push(`"rain and wind report ${i}","${evilClick.replace(/"/g, '""')}"`);
  }
  await page.getByLabel('Upload dataset').setInputFiles({ name: '<img src=y onerror=alert(2)>.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  const summary = page.getByRole('region', { name: 'Dataset summary' });
  await expect(summary).toContainText('24 examples');
  await expect(summary).toContainText(evilImg);
  await expect(summary).toContainText(evilClick);

  await openStep(page, 'Model');
  await expect.poll(() => diagramText(page)).toContain(evilImg);
  expect(await diagramText(page)).toContain(evilClick);
  await expect.poll(() => page.getByRole('figure', { name: 'Pipeline diagram' }).locator('svg').textContent()).toContain('<img src=y');
  // No element was created from the names, and no handler ran.
  expect(await page.locator('img[src="x"], img[src="y"]').count()).toBe(0);
  expect(await page.locator('svg [onerror], svg [onclick], svg a').count()).toBe(0);
  expect(dialogs).toEqual([]);
});
