// Export figures (issue 8), in headless Chromium on the built app: trains the Tiny preset for one
// epoch on the Demo topics sample, then measures the weight-format comparison, "Download model"
// (time, zip size, the longest main-thread task while the zip is built) and "Import model".
// Figures, not pass/fail. Used by scripts/bench.mjs; alone: node scripts/bench-export.mjs URL.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const BASE_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function benchExport(url, executablePath) {
  const browser = await chromium.launch({ executablePath, args: ['--enable-unsafe-webgpu', ...BASE_ARGS] });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByRole('region', { name: 'Dataset summary' }).waitFor();
    await page.getByRole('tab', { name: /^Train/ }).click();
    await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByRole('region', { name: 'Training summary' }).waitFor({ timeout: 300_000 });
    await page.getByRole('tab', { name: /^Export/ }).click();

    let t = performance.now();
    await page.getByRole('button', { name: 'Compare weight formats' }).click();
    const table = page.getByRole('table', { name: 'Weight formats' });
    await table.waitFor();
    const compareMs = performance.now() - t;
    const rows = await table.getByRole('row').allInnerTexts();

    await page.evaluate(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({ type: 'longtask' });
    });
    t = performance.now();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download model' }).click()]);
    const path = await download.path();
    const downloadMs = performance.now() - t;
    const longest = Math.max(0, ...(await page.evaluate(() => window.__longTasks)));
    const zipBytes = readFileSync(path).byteLength;

    t = performance.now();
    await page.getByLabel('Import model').setInputFiles(path);
    await page.getByText(/Imported ".*" into the library/).waitFor();
    const importMs = performance.now() - t;

    console.log('\nExport, Tiny preset after 1 epoch on Demo topics (headless Chromium, WebGPU on SwiftShader)');
    for (const row of rows) console.log(`  ${row.replace(/\s+/g, ' ').trim()}`);
    console.log(`  compare weight formats: ${compareMs.toFixed(0)} ms`);
    console.log(`  download model (float32): ${downloadMs.toFixed(0)} ms, zip ${(zipBytes / 1e3).toFixed(1)} kB, longest main-thread task ${longest.toFixed(0)} ms`);
    console.log(`  import model (the zip): ${importMs.toFixed(0)} ms`);
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { existsSync } = await import('node:fs');
  const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  await benchExport(process.argv[2] ?? 'http://localhost:4173/', executablePath);
}
