// The measured effect of "Augment small data" (Train, Advanced settings) on a small dataset: a
// seeded, stratified 1,000-row sample of the SMS Spam Collection (../shared/data, as in the
// tests; the SpamAssassin sample in public/datasets when that folder is absent) is uploaded to
// the built studio in headless Chromium, and the same model trains on the WASM engine with 0, 1,
// 2 and 4 extra copies per text, for each of several seeds (the seed also picks the split: every
// seed is another 800/200 split). Prints validation accuracy, macro F1 (Evaluate's "Per-class
// metrics"), the training time (the Training summary's, first batch to last), the time from Train
// to "Finished" (split, augmentation, tokenizer, training, evaluation) and texts/s for each run, then mean ± sd per
// setting. Figures, not pass/fail. Run alone, under the e2e lock: `node scripts/bench-augment.mjs`
// (serves BENCH_DIST, default dist/, itself). BENCH_AUG_MODELS (default "Tiny"; e.g.
// "Tiny,Keras text CNN"), BENCH_AUG_COPIES (default 0,1,2,4), BENCH_AUG_SEEDS (default 1,2,3),
// BENCH_AUG_ROWS (default 1000) change the runs; BENCH_AUG_EPOCHS_CONTROL=1 adds, per seed, a run
// without copies but with as many epochs as the largest copies setting takes steps (is it the
// copies, or only the extra steps?).
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './lib/mulberry32.mjs';
import { chromiumPath, startPreview } from './lib/preview.mjs';

const list = (v, d) => (v ?? d).split(',').map((s) => s.trim()).filter(Boolean);
const MODELS = list(process.env.BENCH_AUG_MODELS, 'Tiny');
const COPIES = list(process.env.BENCH_AUG_COPIES, '0,1,2,4').map(Number);
const SEEDS = list(process.env.BENCH_AUG_SEEDS, '1,2,3').map(Number);
const ROWS = Number(process.env.BENCH_AUG_ROWS ?? 1000);
const CONTROL = process.env.BENCH_AUG_EPOCHS_CONTROL === '1';
// ../shared/data next to the repository; from a git worktree (wt/NAME) it sits one level higher.
const SMS = [process.env.BENCH_AUG_SMS, '../shared/data', '../../shared/data']
  .filter(Boolean)
  .map((dir) => (dir.endsWith('SMSSpamCollection') ? resolve(dir) : resolve(dir, 'sms_spam_collection/SMSSpamCollection')))
  .find((path) => existsSync(path));
const OUT = resolve('node_modules/.tmp/bench-augment');

/** A CSV field, quoted (texts hold commas and quotes). */
const field = (s) => `"${s.replaceAll('"', '""')}"`;

/** [label, text] rows of the SMS corpus (tab-separated, no header), or of the SpamAssassin sample. */
function sourceRows() {
  if (SMS) {
    const rows = readFileSync(SMS, 'utf8').split('\n').filter(Boolean).map((line) => {
      const tab = line.indexOf('\t');
      return [line.slice(0, tab), line.slice(tab + 1)];
    });
    return { name: 'SMS Spam Collection (../shared/data)', rows };
  }
  // public/datasets/spam-assassin.csv: text,label with quoted texts; parsed by the page when uploaded,
  // so here only its lines are sampled whole (a quoted text may span lines: kept by record).
  const text = readFileSync('public/datasets/spam-assassin.csv', 'utf8');
  const records = [];
  let start = text.indexOf('\n') + 1;
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === '\n' && !quoted) {
      records.push(text.slice(start, i));
      start = i + 1;
    }
  }
  const rows = records.filter(Boolean).map((r) => {
    const comma = r.lastIndexOf(',');
    const raw = r.slice(0, comma);
    return [r.slice(comma + 1), raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw];
  });
  return { name: 'SpamAssassin sample (public/datasets; ../shared/data absent)', rows };
}

/** `n` rows drawn per class in proportion (seeded, seed 2026), as a text,label CSV. */
export function stratifiedSampleCsv(rows, n) {
  const random = mulberry32(2026);
  const byClass = new Map();
  for (const row of rows) byClass.set(row[0], [...(byClass.get(row[0]) ?? []), row]);
  const picked = [];
  for (const [, members] of [...byClass].sort(([a], [b]) => a.localeCompare(b))) {
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j], members[i]];
    }
    picked.push(...members.slice(0, Math.round((n * members.length) / rows.length)));
  }
  const counts = [...byClass.keys()].map((k) => `${k} ${picked.filter((r) => r[0] === k).length}`).join(', ');
  return { csv: `text,label\n${picked.map(([label, text]) => `${field(text)},${label}`).join('\n')}\n`, rows: picked.length, counts };
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs) => (xs.length < 2 ? 0 : Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1)));
const pct = (x) => `${(100 * x).toFixed(1)}%`;
const pm = (xs, f, fsd = f) => `${f(mean(xs))} ± ${fsd(sd(xs))}`;

/** Sets a spinbutton by its name to `value` (the field reports on input). */
const fill = (page, name, value) => page.getByRole('spinbutton', { name, exact: true }).fill(String(value));

async function trainOnce(page, { seed, copies, epochs }) {
  await page.getByRole('tab', { name: /^Train/ }).click();
  await fill(page, 'Seed', seed);
  await fill(page, 'Epochs', epochs);
  // Advanced settings closes when the Train step is left: open it again for the copies.
  if (!(await page.getByRole('spinbutton', { name: 'Extra copies per text' }).isVisible())) await page.getByText('Advanced settings', { exact: true }).click();
  await fill(page, 'Extra copies per text', copies);
  // The last run's summary is marked: a run as short as Tiny's can end between two polls, so
  // "Finished" alone could be the last run's. This run's summary is a new element.
  await page.evaluate(() => document.querySelector('section[aria-label="Training summary"]')?.setAttribute('data-previous-run', ''));
  const fresh = page.locator('section[aria-label="Training summary"]:not([data-previous-run])');
  const t0 = performance.now();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const status = page.getByRole('status', { name: 'Training status' });
  for (;;) {
    const text = (await status.textContent()) ?? '';
    if (/^Finished/.test(text) && (await fresh.count()) > 0) break;
    if (/^Training failed/.test(text)) throw new Error(await page.getByRole('alert').first().innerText());
    await page.waitForTimeout(100);
  }
  const wallMs = performance.now() - t0;
  const statusText = (await status.textContent()) ?? '';
  const summary = await fresh.innerText();
  const accuracy = Number(/Validation accuracy\s*([\d.]+)%/.exec(summary)[1]) / 100;
  const speed = Number(/([\d,]+) texts\/s/.exec(summary)[1].replaceAll(',', ''));
  // The worker's own time from the first batch to the end ("1.2 s in all"; longer runs: "2 min 5 s").
  const inAll = /· (.+) in all/.exec(summary)?.[1] ?? '';
  const trainS = inAll === 'under 0.1 s' ? 0.05 : [...inAll.matchAll(/([\d.]+) (h|min|s)\b/g)].reduce((t, [, n, u]) => t + Number(n) * (u === 'h' ? 3600 : u === 'min' ? 60 : 1), 0) || NaN;
  const trainTexts = Number((/([\d,]+) train\b/.exec(summary)?.[1] ?? 'NaN').replaceAll(',', ''));
  const augmented = Number((/\(([\d,]+) augmented\)/.exec(statusText)?.[1] ?? '0').replaceAll(',', ''));
  // Macro F1 of the same run: Evaluate's table, once its caption shows this run's accuracy.
  await page.getByRole('tab', { name: /^Evaluate/ }).click();
  const table = page.getByRole('table', { name: 'Per-class metrics' });
  await table.locator('caption', { hasText: `accuracy ${(accuracy * 100).toFixed(1)}%` }).waitFor({ timeout: 60_000 });
  const macro = await table.getByRole('row', { name: /^macro average/ }).getByRole('cell').allInnerTexts();
  const f1 = Number(macro[2].replace('%', '')) / 100;
  return { accuracy, f1, wallMs, trainS, speed, trainTexts, augmented };
}

export async function benchAugment(url, executablePath) {
  const source = sourceRows();
  const sample = stratifiedSampleCsv(source.rows, ROWS);
  mkdirSync(OUT, { recursive: true });
  const file = resolve(OUT, `sample-${ROWS}.csv`);
  writeFileSync(file, sample.csv);
  console.log(`Augmentation, headless Chromium, WASM engine: ${sample.rows.toLocaleString('en-US')}-text stratified sample (seed 2026) of the ${source.name}: ${sample.counts}`);
  console.log(`validation split 0.2 (stratified, seeded by the run's seed), no test split; preset epochs and batch size; augmentation defaults (deletion 0.1, 1 swap, 1 insertion, dropout 0.1)`);
  const browser = await chromium.launch({ executablePath, args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  const results = [];
  try {
    for (const model of MODELS) {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url);
      await page.getByRole('region', { name: 'Dataset summary' }).getByText('240 examples').waitFor({ timeout: 60_000 });
      await page.getByLabel('Upload dataset').setInputFiles(file);
      await page.getByRole('region', { name: 'Dataset summary' }).getByText(`${sample.rows.toLocaleString('en-US')} examples`).waitFor({ timeout: 60_000 });
      await page.getByRole('tab', { name: /^Model/ }).click();
      await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: model });
      await page.getByRole('tab', { name: /^Train/ }).click();
      const epochs = Number(await page.getByRole('spinbutton', { name: 'Epochs', exact: true }).inputValue());
      await page.getByRole('combobox', { name: 'Backend' }).selectOption('engine');
      await fill(page, 'Validation split', 0.2);
      await fill(page, 'Test split', 0);
      console.log(`\n${model} (${epochs} epochs)`);
      console.log('seed  copies  epochs  train texts (augmented)  val accuracy  macro F1   training  Train→Finished   texts/s');
      const runs = [...SEEDS.flatMap((seed) => COPIES.map((copies) => ({ seed, copies, epochs })))];
      if (CONTROL) runs.push(...SEEDS.map((seed) => ({ seed, copies: 0, epochs: epochs * (1 + Math.max(...COPIES)) })));
      for (const run of runs) {
        const r = await trainOnce(page, run);
        results.push({ model, ...run, ...r });
        console.log(
          `${String(run.seed).padStart(4)}${String(run.copies).padStart(8)}${String(run.epochs).padStart(8)}${`${r.trainTexts.toLocaleString('en-US')} (${r.augmented.toLocaleString('en-US')})`.padStart(25)}${pct(r.accuracy).padStart(14)}${pct(r.f1).padStart(10)}${`${r.trainS.toFixed(1)} s`.padStart(10)}${`${(r.wallMs / 1000).toFixed(1)} s`.padStart(16)}${r.speed.toLocaleString('en-US').padStart(10)}`,
        );
      }
      if (errors.length) console.log(`page errors: ${errors.join(' | ')}`);
      await page.close();
      console.log(`\n${model}: mean ± sd over seeds ${SEEDS.join(', ')}`);
      console.log('copies  epochs  val accuracy      macro F1          training          Train→Finished    Δ accuracy vs 0 copies (same seed)  Δ macro F1');
      const groups = [...new Set(runs.map((r) => `${r.copies}/${r.epochs}`))];
      const of = (key) => results.filter((r) => r.model === model && `${r.copies}/${r.epochs}` === key);
      const base = of(`0/${epochs}`);
      const points = (x) => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)}`;
      const spread = (x) => (100 * x).toFixed(1);
      for (const key of groups) {
        const rs = of(key);
        const [copies, ep] = key.split('/');
        // Paired by seed: the same split and the same starting weights, with and without copies.
        const delta = (metric) => rs.map((r) => r[metric] - base.find((b) => b.seed === r.seed)[metric]);
        console.log(
          `${copies.padStart(6)}${ep.padStart(8)}  ${pm(rs.map((r) => r.accuracy), pct).padEnd(18)}${pm(rs.map((r) => r.f1), pct).padEnd(18)}${pm(rs.map((r) => r.trainS), (s) => `${s.toFixed(1)} s`).padEnd(18)}${pm(rs.map((r) => r.wallMs / 1000), (s) => `${s.toFixed(1)} s`).padEnd(18)}` +
            `${`${pm(delta('accuracy'), points, spread)} points`.padEnd(36)}${pm(delta('f1'), points, spread)} points`,
        );
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const preview = await startPreview(4331);
  try {
    await benchAugment(preview.url, chromiumPath);
  } finally {
    preview.stop();
  }
}
