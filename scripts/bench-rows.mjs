// Many short rows through the real UI: a generated CSV of 1,000,000 rows (about 30 bytes each)
// is uploaded with "Upload dataset" of the built studio in headless Chromium, its Preprocess
// statistics are computed, and the Tiny preset trains on it (one epoch by default). Prints the
// time to the Dataset summary, to the Preprocess statistics, from Train to the Training summary,
// and the longest main-thread task. Figures, not pass/fail. Run by `npm run bench`
// (BENCH_ROWS=0 skips it), or alone: `node scripts/bench-rows.mjs` (builds dist/ if missing).
// BENCH_ROWS_COUNT, BENCH_ROWS_EPOCHS, BENCH_ROWS_BACKEND (default auto) change the run.
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath, startPreview } from './lib/preview.mjs';
import { mulberry32 as random } from './lib/mulberry32.mjs';

const ROWS = Number(process.env.BENCH_ROWS_COUNT ?? 1_000_000);
const EPOCHS = Number(process.env.BENCH_ROWS_EPOCHS ?? 1);
const BACKEND = process.env.BENCH_ROWS_BACKEND ?? 'auto';
const OUT = resolve('node_modules/.tmp/bench-rows');
const TOPICS = ['sport', 'money', 'weather', 'music', 'travel'];
const WORDS = 'goal match price market rain sun song band trip hotel team score bank stock wind cold album tour flight beach'.split(' ');

/** `rows` short rows: a topic word and three other words, then the label (some rows disagree, so it is not trivial). */
export function generateShortRows(rows) {
  const next = random(7);
  const parts = ['text,label\n'];
  for (let i = 0; i < rows; i++) {
    const label = TOPICS[Math.floor(next() * TOPICS.length)];
    const hint = next() < 0.8 ? WORDS[TOPICS.indexOf(label) * 4 + Math.floor(next() * 4)] : WORDS[Math.floor(next() * WORDS.length)];
    parts.push(`${hint} ${WORDS[Math.floor(next() * WORDS.length)]} ${WORDS[Math.floor(next() * WORDS.length)]} ${i % 1000},${label}\n`);
  }
  return parts.join('');
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

export async function benchRows(url, executablePath) {
  mkdirSync(OUT, { recursive: true });
  const file = resolve(OUT, `short-rows-${ROWS}.csv`);
  if (!existsSync(file)) writeFileSync(file, generateShortRows(ROWS));
  const browser = await chromium.launch({ executablePath, args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.getByRole('region', { name: 'Dataset summary' }).getByText('240 examples').waitFor({ timeout: 60_000 });
    await page.evaluate(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    const expected = `${ROWS.toLocaleString('en-US')} examples`;
    let t = performance.now();
    await page.getByLabel('Upload dataset').setInputFiles(file);
    await page.getByRole('region', { name: 'Dataset summary' }).getByText(expected).waitFor({ timeout: 600_000 });
    const loadMs = performance.now() - t;

    t = performance.now();
    await page.getByRole('tab', { name: /^Preprocess/ }).click();
    await page.getByRole('table', { name: 'Token count percentiles' }).getByText(/\d+ tokens/).first().waitFor({ timeout: 600_000 });
    const preprocessMs = performance.now() - t;

    await page.getByRole('tab', { name: /^Model/ }).click();
    await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Tiny' });
    await page.getByRole('tab', { name: /^Train/ }).click();
    await page.getByRole('combobox', { name: 'Backend' }).selectOption(BACKEND);
    await page.getByRole('spinbutton', { name: 'Epochs' }).fill(String(EPOCHS));
    t = performance.now();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const trainSummary = page.getByRole('region', { name: 'Training summary' });
    await trainSummary.waitFor({ timeout: 1_800_000 });
    const trainMs = performance.now() - t;
    const status = await page.getByRole('status', { name: 'Training status' }).innerText();
    const accuracy = /Validation accuracy\s*([\d.]+%)/.exec(await trainSummary.innerText())?.[1] ?? '?';
    const longest = (await page.evaluate(() => window.__longTasks)).reduce((a, b) => Math.max(a, b), 0);
    console.log(`Many rows, headless Chromium: ${ROWS.toLocaleString('en-US')} short rows, ${(statSync(file).size / 1e6).toFixed(0)} MB CSV, uploaded through "Upload dataset"`);
    console.log(`  load to Dataset summary      ${seconds(loadMs)}`);
    console.log(`  Preprocess statistics        ${seconds(preprocessMs)}`);
    console.log(`  Train Tiny, ${EPOCHS} epoch(s), ${BACKEND}   ${seconds(trainMs)}  (Train pressed to Training summary: split, tokenizer, encoding, training, evaluation); validation accuracy ${accuracy}`);
    console.log(`  status                       ${status.split('\n')[0]}`);
    console.log(`  longest main-thread task     ${Math.round(longest)} ms`);
    if (errors.length) console.log(`  page errors: ${errors.join(' | ')}`);
    return { rows: ROWS, loadMs, preprocessMs, trainMs, longestTaskMs: longest };
  } finally {
    await browser.close();
  }
}

// Alone: serve dist/ and run.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const preview = await startPreview(4319, { build: true });
  try {
    await benchRows(preview.url, chromiumPath);
  } finally {
    preview.stop();
  }
}
