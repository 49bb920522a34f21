// Hyperparameter search throughput through the real UI: the SMS Spam Collection
// (/work/shared/data, or BENCH_SMS) is uploaded to the built studio in headless Chromium, the
// Tiny preset is chosen, and a seeded Random search (learning rate 0.001–0.1 on a log scale,
// filters 16/32/64) runs to the end. Prints trials per minute (Start search to "Search finished"),
// the mean trial time and the best validation accuracy, once per trainer:
//   - engine1: trials one after another, each on one engine worker;
//   - engine2: trials one after another, each batch split between two engine workers;
//   - engine1x2: two whole trials at once ("Trials at once" 2: one in the studio's worker, one in
//     the search's trial worker), each on one engine worker.
// The same seed draws the same trials in every variant, so the best trial should be the same.
// Figures, not pass/fail. Run by `npm run bench` (BENCH_SEARCH=0 skips it), or alone:
// `node scripts/bench-search.mjs` (builds dist/ if missing). BENCH_SEARCH_TRIALS (default 6),
// BENCH_SEARCH_EPOCHS (default 2) and BENCH_SEARCH_BACKENDS (default engine1,engine2,engine1x2;
// also auto, webgpu, wasm, cpu, with xN for N trials at once) change the runs.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromiumPath, startPreview } from './lib/preview.mjs';

const SMS = process.env.BENCH_SMS ?? '/work/shared/data/sms_spam_collection/sms_spam_clean.csv';
const TRIALS = Number(process.env.BENCH_SEARCH_TRIALS ?? 6);
const EPOCHS = Number(process.env.BENCH_SEARCH_EPOCHS ?? 2);
const VARIANTS = (process.env.BENCH_SEARCH_BACKENDS ?? 'engine1,engine2,engine1x2').split(',');

async function searchOnce(url, executablePath, variant) {
  const [, backend, workers = null, atOnce = '1'] = /^([a-z]+?)(\d)?(?:x(\d))?$/.exec(variant) ?? [];
  const browser = await chromium.launch({ executablePath, args: ['--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByRole('region', { name: 'Dataset summary' }).getByText('240 examples').waitFor({ timeout: 60_000 });
    await page.getByLabel('Upload dataset').setInputFiles(SMS);
    await page.getByRole('region', { name: 'Dataset summary' }).getByText(/5,57\d examples/).waitFor({ timeout: 120_000 });
    await page.getByRole('tab', { name: /^Model/ }).click();
    await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Tiny' });
    await page.getByRole('tab', { name: /^Train/ }).click();
    await page.getByRole('combobox', { name: 'Backend' }).selectOption(backend);
    if (workers) {
      await page.getByText('Advanced settings', { exact: true }).click();
      await page.getByRole('combobox', { name: 'Engine workers' }).selectOption(workers);
    }
    await page.getByRole('spinbutton', { name: 'Epochs' }).fill(String(EPOCHS));
    await page.getByRole('combobox', { name: 'Search method' }).selectOption('random');
    await page.getByRole('spinbutton', { name: 'Trials' }).fill(String(TRIALS));
    await page.getByRole('combobox', { name: 'Trials at once' }).selectOption(atOnce);
    await page.getByRole('spinbutton', { name: 'Minutes' }).fill('60');
    await page.getByRole('checkbox', { name: 'Vary dropout' }).uncheck();
    await page.getByRole('textbox', { name: 'Learning rate values' }).fill('0.001 to 0.1');
    await page.getByRole('textbox', { name: 'Filters values' }).fill('16, 32, 64');
    const t0 = performance.now();
    await page.getByRole('button', { name: 'Start search' }).click();
    const status = page.getByRole('status', { name: 'Search status' });
    await status.getByText(/Search (finished|stopped)/).waitFor({ timeout: 1_800_000 });
    const wallMs = performance.now() - t0;
    const results = page.getByRole('region', { name: 'Search results' });
    const board = results.getByRole('table', { name: 'Search leaderboard' });
    const times = (await board.locator('tbody tr td:nth-last-child(2)').allInnerTexts()).map((t) => Number.parseFloat(t));
    const statuses = await board.locator('tbody tr td:last-child').allInnerTexts();
    const best = (await results.getByText(/Best so far/).innerText().catch(() => '')).replace(/^Best so far: /, '');
    const finished = statuses.filter((s) => s.startsWith('finished')).length;
    const failed = statuses.filter((s) => s.startsWith('failed'));
    const trainer = (await page.getByRole('combobox', { name: 'Backend' }).locator('option:checked').innerText()).trim();
    return { variant, trainer, workers, atOnce, wallMs, finished, failed, meanTrialS: times.reduce((a, b) => a + b, 0) / Math.max(1, times.length), best };
  } finally {
    await browser.close();
  }
}

export async function benchSearch(url, executablePath) {
  if (!existsSync(SMS)) {
    console.log(`Search bench skipped: the SMS Spam Collection is not at ${SMS} (set BENCH_SMS to its sms_spam_clean.csv).`);
    return [];
  }
  console.log(`Hyperparameter search, headless Chromium, ${os.cpus().length} CPU cores (${os.cpus()[0]?.model ?? '?'}): SMS Spam Collection (5,574 texts), Tiny, Random search of ${TRIALS} trials × ${EPOCHS} epochs, 1 or 2 at once`);
  console.log('trainer                                 trials/min   mean trial   finished   best');
  const out = [];
  for (const variant of VARIANTS) {
    try {
      const r = await searchOnce(url, executablePath, variant);
      out.push(r);
      const name = `${r.trainer}${r.workers ? `, ${r.workers} worker${r.workers === '1' ? '' : 's'}` : ''}, ${r.atOnce} at once`;
      console.log(`${name.padEnd(40)}${((r.finished / r.wallMs) * 60_000).toFixed(1).padStart(10)}${`${r.meanTrialS.toFixed(1)} s`.padStart(13)}${`${r.finished}/${TRIALS}`.padStart(11)}   ${r.best}`);
      if (r.failed.length) console.log(`  failed trials: ${r.failed.join(' | ')}`);
    } catch (error) {
      console.log(`${variant.padEnd(40)}failed: ${error.message.split('\n')[0]}`);
    }
  }
  return out;
}

// Alone: serve dist/ and run.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const preview = await startPreview(4323, { build: true });
  try {
    await benchSearch(preview.url, chromiumPath);
  } finally {
    preview.stop();
  }
}
