// Thousands of classes: a generated CSV with 10,000 distinct labels (2 rows each) is uploaded
// through "Upload dataset" in headless Chromium; then the Data step is left and shown again.
// Prints the longest main-thread task (PerformanceObserver 'longtask') while the Data step
// shows the summary, and while it is shown again. Figures, not pass/fail. Run by `npm run
// bench` (BENCH_CLASSES=0 skips it), or alone: `node scripts/bench-classes.mjs` (serves
// BENCH_DIST, default dist/, itself).
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath, startPreview } from './lib/preview.mjs';

const CLASSES = Number(process.env.BENCH_CLASSES_N ?? 10_000);

/** `classes` labels with `perClass` rows each: "text,label" with short texts. */
export function manyClassesCsv(classes, perClass = 2) {
  const lines = ['text,label'];
  for (let r = 0; r < perClass; r++) for (let c = 0; c < classes; c++) lines.push(`sample text ${r} about topic number ${c},label_${String(c).padStart(5, '0')}`);
  return `${lines.join('\n')}\n`;
}

const observe = (page) =>
  page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
const longest = async (page) => Math.round(Math.max(0, ...(await page.evaluate(() => window.__longTasks))));

export async function benchClasses(url, executablePath) {
  const dir = resolve('node_modules/.tmp/bench-classes');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `classes-${CLASSES}.csv`);
  writeFileSync(file, manyClassesCsv(CLASSES));
  const browser = await chromium.launch({ executablePath, args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByRole('region', { name: 'Dataset summary' }).waitFor();
    await observe(page);
    await page.getByLabel('Upload dataset').setInputFiles(file);
    const summary = page.getByRole('region', { name: 'Dataset summary' });
    // "10,000 classes" (or "10000 classes" in builds before the count was formatted).
    await summary.getByText(new RegExp(`^${CLASSES}|${CLASSES.toLocaleString('en-US')} classes$`)).first().waitFor({ timeout: 120_000 });
    await page.waitForTimeout(1000);
    const load = await longest(page);
    await page.getByRole('tab', { name: /^Model/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Model' }).waitFor();
    await page.waitForTimeout(500);
    await observe(page);
    await page.getByRole('tab', { name: /^Data/ }).click();
    await page.getByRole('region', { name: 'Dataset summary' }).waitFor();
    await page.waitForTimeout(1000);
    const shown = await longest(page);
    console.log(`Classes: ${CLASSES.toLocaleString('en-US')} labels (${(2 * CLASSES).toLocaleString('en-US')} rows)`);
    console.log(`  longest main-thread task, upload to summary + 1 s   ${load} ms`);
    console.log(`  longest main-thread task, Data step shown again     ${shown} ms`);
    return { load, shown };
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const preview = await startPreview(4319);
  try {
    await benchClasses(preview.url, chromiumPath);
  } finally {
    preview.stop();
  }
}
