// Cross-validation in the built studio (headless Chromium): for each dataset, the preset trains
// on 5 stratified folds (Train step, "Cross-validate") and the script prints the region
// "Cross-validation" as the page shows it: CNN and baseline mean ± standard deviation of
// accuracy and macro F1, each fold's scores, what trained and the time. Figures, not pass/fail.
// Datasets: the samples (demo, spam, sotu, names: "Demo topics", "SpamAssassin", "State of the
// Union", "First names") and the SMS Spam Collection (sms: ../shared/data, uploaded as CSV). Run alone, under the e2e lock:
// `node scripts/bench-cv.mjs` (serves BENCH_DIST, default dist/, itself). BENCH_CV_PRESET
// (default "Tiny"), BENCH_CV_FOLDS (default 5), BENCH_CV_EPOCHS (default: the preset's) and
// BENCH_CV_DATASETS (default "demo,spam,sotu,names,sms") change the runs.
import { chromium } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumPath, startPreview } from './lib/preview.mjs';

const PRESET = process.env.BENCH_CV_PRESET ?? 'Tiny';
const FOLDS = process.env.BENCH_CV_FOLDS ?? '5';
const EPOCHS = process.env.BENCH_CV_EPOCHS;
const DATASETS = (process.env.BENCH_CV_DATASETS ?? 'demo,spam,sotu,names,sms').split(',').map((s) => s.trim());
/** The samples by short name: their option in "Sample dataset" and their row count. */
const SAMPLES = { demo: [/Demo topics/, '240'], spam: [/SpamAssassin/, '5,906'], sotu: [/State of the Union/, '8,757'], names: [/First names/, '7,984'] };
const SMS = ['../shared/data', '../../shared/data'].map((d) => resolve(d, 'sms_spam_collection/SMSSpamCollection')).find((p) => existsSync(p));

/** The SMS corpus (label TAB text, no header) as a text,label CSV. */
function smsCsv() {
  const field = (s) => `"${s.replaceAll('"', '""')}"`;
  const lines = readFileSync(SMS, 'utf8').split('\n').filter(Boolean).map((line) => {
    const tab = line.indexOf('\t');
    return `${field(line.slice(tab + 1))},${line.slice(0, tab)}`;
  });
  return Buffer.from(['text,label', ...lines].join('\n'));
}

const { url, stop } = await startPreview(4375);
const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--enable-unsafe-webgpu'] });
try {
  for (const which of DATASETS) {
    if (which === 'sms' && !SMS) {
      console.log('SMS Spam Collection: not found in ../shared/data, skipped');
      continue;
    }
    const page = await browser.newPage();
    await page.goto(url);
    const summary = page.getByRole('region', { name: 'Dataset summary' });
    await summary.waitFor();
    let name;
    if (which === 'sms') {
      name = 'SMS Spam Collection';
      await page.getByLabel('Upload dataset').setInputFiles({ name: 'sms.csv', mimeType: 'text/csv', buffer: smsCsv() });
      await summary.getByText(/5,5\d\d examples/).waitFor({ timeout: 120_000 });
    } else {
      const [option, rows] = SAMPLES[which];
      const select = page.getByRole('combobox', { name: 'Sample dataset' });
      const value = await select.locator('option', { hasText: option }).first().getAttribute('value');
      name = await select.locator('option', { hasText: option }).first().innerText();
      await select.selectOption(value);
      await page.getByRole('button', { name: 'Load sample', exact: true }).click();
      await summary.getByText(`${rows} examples`).waitFor({ timeout: 120_000 });
    }
    await page.getByRole('tab', { name: /^Model\b/ }).click();
    await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: PRESET });
    await page.getByRole('tab', { name: /^Train\b/ }).click();
    if (EPOCHS) await page.getByRole('spinbutton', { name: 'Epochs' }).fill(EPOCHS);
    await page.getByRole('spinbutton', { name: 'Folds' }).fill(FOLDS);
    const started = Date.now();
    await page.getByRole('button', { name: 'Cross-validate', exact: true }).click();
    const region = page.getByRole('region', { name: 'Cross-validation' });
    await region.getByText(/^Accuracy:/).waitFor({ timeout: 1_800_000 });
    await region.locator('details summary').click();
    console.log(`\n${name} · ${PRESET} · ${FOLDS} folds (${((Date.now() - started) / 1000).toFixed(1)} s from the click)`);
    console.log((await region.locator('.cv-summary').innerText()).trim());
    for (const row of await region.getByRole('table', { name: 'Scores per fold' }).getByRole('row').all()) {
      console.log((await row.locator('th, td').allInnerTexts()).join(' | '));
    }
    console.log((await region.locator('details p').innerText()).trim());
    await page.close();
  }
} finally {
  await browser.close();
  stop();
}
