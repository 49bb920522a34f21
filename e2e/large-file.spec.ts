import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { longTasks, observeLongTasks } from './helpers';

/** `rows` rows of text,label of about 500 bytes; every fourth text quoted (it has a comma). */
function csv(rows: number): string {
  const words = 'the a of and to in is was for on that with as it at by from this be are or an have not had but were which their has'.split(' ');
  const labels = ['sports', 'technology', 'cooking', 'weather'];
  const lines = ['text,label'];
  for (let i = 0; i < rows; i++) {
    const label = labels[i % labels.length];
    let text = `${label} ${i}`;
    for (let w = 0; text.length < 480; w++) text += ` ${words[(i * 7 + w * 13) % words.length]}`;
    lines.push(i % 4 === 0 ? `"${text.replace(' ', ', ')}",${label}` : `${text},${label}`);
  }
  return `${lines.join('\n')}\n`;
}

test('a 20,000-row file loads without a long task over 200 ms; Cancel stops a bigger one and keeps it', async ({ page }, testInfo) => {
  await page.goto('/');
  const summary = page.getByRole('region', { name: 'Dataset summary' });
  await expect(summary).toContainText('240 examples');
  const caption = page.getByRole('table', { name: 'Data preview' }).locator('caption');

  const medium = testInfo.outputPath('rows-20000.csv');
  writeFileSync(medium, csv(20_000));
  await observeLongTasks(page);
  await page.getByLabel('Upload dataset').setInputFiles(medium);
  await expect(summary).toContainText('20,000 examples');
  await expect(caption).toContainText('“rows-20000.csv” (20,000 rows, header row detected)');
  expect(Math.max(0, ...(await longTasks(page)))).toBeLessThan(200);

  // About 75 MB: read in 1 MB chunks, with progress; Cancel stops it between two chunks.
  const big = testInfo.outputPath('big.csv');
  writeFileSync(big, csv(150_000));
  await page.getByLabel('Upload dataset').setInputFiles(big);
  await expect(page.getByRole('progressbar', { name: 'Reading progress' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Stopped reading' })).toHaveText('Stopped reading "big.csv": the previous dataset is still loaded.');
  await expect(page.getByRole('progressbar', { name: 'Reading progress' })).toBeHidden();
  await expect(caption).toContainText('“rows-20000.csv”');
  await expect(summary).toContainText('20,000 examples');
  // The worker kept the previous table too: mapping its columns again gives the same dataset.
  await page.getByRole('checkbox', { name: 'Drop duplicates' }).check();
  await expect(summary).toContainText('20,000 examples');
  await page.getByRole('button', { name: 'As training sees it' }).click();
  await expect(page.getByRole('table', { name: 'Examples as used' })).toContainText('technology 1 was');
});
