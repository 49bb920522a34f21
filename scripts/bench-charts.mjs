// Chart figures (issue 15): the main thread while the Keras text CNN trains on the SpamAssassin
// sample on the default Auto backend, in headless Chromium on the built app. Records every
// long task (PerformanceObserver 'longtask': main-thread tasks over 50 ms) for BENCH_MEASURE_MS
// (30 s) of training with the Train step's charts visible, and the same with the Data step open
// instead (no chart mounted) as the baseline of what the rest of the page costs.
// Figures, not pass/fail. Used by scripts/bench.mjs; alone: node scripts/bench-charts.mjs URL.
import { chromium } from '@playwright/test';

const BASE_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? 30_000);

/** Share of the run done, from the "Training progress" bar (0–1). */
const progressOf = async (page) => Number((await page.getByRole('progressbar', { name: 'Training progress' }).getAttribute('value')) ?? 0);

async function measure(url, executablePath, chartsVisible) {
  const browser = await chromium.launch({ executablePath, args: ['--enable-unsafe-webgpu', ...BASE_ARGS] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(url);
    await page.getByRole('region', { name: 'Dataset summary' }).waitFor();
    const select = page.getByRole('combobox', { name: 'Sample dataset' });
    const value = await select.locator('option', { hasText: 'SpamAssassin' }).first().getAttribute('value');
    await select.selectOption(value);
    await page.getByRole('button', { name: 'Load sample', exact: true }).click();
    await page.getByRole('region', { name: 'Dataset summary' }).getByText(/5,906 examples/).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Load sample', exact: true }).and(page.locator(':enabled')).waitFor();
    await page.getByRole('tab', { name: /^Model/ }).click();
    await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Keras text CNN' });
    await page.getByRole('tab', { name: /^Train/ }).click();
    // Long enough not to end inside the measurement (the WASM engine trains 10 epochs fast): stopped once measured.
    const epochs = Number(process.env.BENCH_CHARTS_EPOCHS ?? 1000);
    await page.getByRole('spinbutton', { name: 'Epochs' }).fill(String(epochs));
    const status = page.getByRole('status', { name: 'Training status' });
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    // Measured from the first batches on: the run's setup (tokenizing, Auto's measurement) is not charts' work.
    const started = performance.now();
    while ((await progressOf(page)) <= 0) {
      if (performance.now() - started > 300_000) throw new Error(`no batch in 300 s (status: ${(await status.innerText()).slice(0, 160)})`);
      await page.waitForTimeout(250);
    }
    const first = await progressOf(page);
    if (chartsVisible) {
      await page.getByRole('figure', { name: 'Loss chart' }).locator('.recharts-line').first().waitFor();
      await page.getByRole('figure', { name: 'Loss chart' }).scrollIntoViewIfNeeded();
    } else {
      await page.getByRole('tab', { name: /^Data/ }).click();
    }
    await page.evaluate(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({ type: 'longtask' });
    });
    const t0 = performance.now();
    await page.waitForTimeout(MEASURE_MS);
    const seconds = (performance.now() - t0) / 1000;
    const tasks = await page.evaluate(() => window.__longTasks);
    if (!chartsVisible) await page.getByRole('tab', { name: /^Train/ }).click();
    const last = await progressOf(page);
    const text = await status.innerText();
    const caption = chartsVisible ? await page.getByRole('figure', { name: 'Loss chart' }).locator('figcaption').innerText() : '';
    await page.getByRole('button', { name: 'Stop', exact: true }).click().catch(() => undefined);
    return { chartsVisible, seconds, tasks, epochsDone: (last - first) * epochs, status: text.split('\n')[0], caption };
  } finally {
    await browser.close();
  }
}

const summary = (tasks) => {
  const sorted = [...tasks].sort((a, b) => b - a);
  const total = tasks.reduce((a, b) => a + b, 0);
  if (tasks.length === 0) return 'no main-thread task over 50 ms (the longest was under 50 ms)';
  return `longest ${sorted[0].toFixed(0)} ms, ${tasks.length} tasks > 50 ms (${total.toFixed(0)} ms in all), top 5: ${sorted.slice(0, 5).map((d) => d.toFixed(0)).join(', ') || '—'} ms`;
};

export async function benchCharts(url, executablePath) {
  console.log(`\nCharts, Keras text CNN on SpamAssassin, Auto backend, ${MEASURE_MS / 1000} s of training (headless Chromium, main-thread long tasks)`);
  for (const chartsVisible of process.env.BENCH_CHARTS_BASELINE === '0' ? [true] : [true, false]) {
    try {
      const r = await measure(url, executablePath, chartsVisible);
      const where = chartsVisible ? 'Train step, charts visible' : 'Data step, no chart mounted';
      console.log(`  ${where.padEnd(28)} ${summary(r.tasks)}; ${r.epochsDone.toFixed(2)} epochs trained in ${r.seconds.toFixed(0)} s`);
      console.log(`  ${''.padEnd(28)} status: ${r.status}`);
      if (r.caption) console.log(`  ${''.padEnd(28)} loss chart: ${r.caption}`);
    } catch (error) {
      console.log(`  ${chartsVisible ? 'charts visible' : 'baseline'} failed: ${error.message.split('\n')[0]}`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { existsSync } = await import('node:fs');
  const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  await benchCharts(process.argv[2] ?? 'http://localhost:4173/', executablePath);
}
