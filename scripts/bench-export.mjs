// Export figures (issues 8 and 15), in headless Chromium on the built app. Figures, not pass/fail.
// 1. Tiny, one epoch on Demo topics: first "Try a text" prediction after the run, the
//    weight-format comparison, "Download model" (time, zip size, longest main-thread task while
//    the zip is built), "Import model", then "Save to browser", a reload, "Load" and the first
//    prediction after the load.
// 2. Keras text CNN, one epoch on the SpamAssassin sample: first prediction after the run and the
//    weight-format comparison.
// Used by scripts/bench.mjs; alone: node scripts/bench-export.mjs URL [tiny|keras|all].
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const BASE_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const tab = (page, name) => page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();

/**
 * The first "Try a text" prediction. `ready`: first wait until the playground stops saying
 * "Loading model…" (the warm-up), as a user who types a few seconds later would. Returns the
 * wait (ms, from `since`) and the time from typing to the prediction on screen (ms, 250 ms
 * debounce included).
 */
export async function firstPrediction(page, text, { ready = false, since = performance.now() } = {}) {
  await tab(page, 'Evaluate');
  if (ready) await page.getByText('Loading model…').waitFor({ state: 'detached', timeout: 120_000 });
  const readyMs = performance.now() - since;
  const t = performance.now();
  await page.getByRole('textbox', { name: 'Try a text' }).fill(text);
  await page.getByRole('region', { name: 'Prediction' }).getByText('Predicted:').waitFor({ timeout: 120_000 });
  return { readyMs: ready ? readyMs : null, ms: performance.now() - t };
}

const said = (p) => `${p.ms.toFixed(0)} ms${p.readyMs !== null ? ` (typed once the model was ready, ${p.readyMs.toFixed(0)} ms after)` : ' (typed at once)'}`;

/** Clicks "Compare weight formats" and waits for the table: wall time (ms) and the table's rows. */
export async function compareFormats(page) {
  await tab(page, 'Export');
  const t = performance.now();
  await page.getByRole('button', { name: 'Compare weight formats' }).click();
  const table = page.getByRole('table', { name: 'Weight formats' });
  await table.waitFor({ timeout: 600_000 });
  const ms = performance.now() - t;
  const caption = await table.locator('caption').innerText();
  return { ms, rows: await table.getByRole('row').allInnerTexts(), caption };
}

export async function train(page, { sample, preset, epochs }) {
  if (sample) {
    await tab(page, 'Data');
    const select = page.getByRole('combobox', { name: 'Sample dataset' });
    await select.selectOption(await select.locator('option', { hasText: sample }).first().getAttribute('value'));
    await page.getByRole('button', { name: 'Load sample', exact: true }).click();
    await page.getByRole('region', { name: 'Dataset summary' }).getByText(/examples/).first().waitFor();
    await page.getByRole('button', { name: 'Load sample', exact: true }).and(page.locator(':enabled')).waitFor({ timeout: 120_000 });
  }
  if (preset) {
    await tab(page, 'Model');
    await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: preset });
  }
  await tab(page, 'Train');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill(String(epochs));
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByRole('region', { name: 'Training summary' }).waitFor({ timeout: 900_000 });
}

async function benchTiny(browser) {
  const page = await browser.newPage();
  await page.goto(URL_BASE);
  await page.getByRole('region', { name: 'Dataset summary' }).waitFor();
  await train(page, { epochs: 1 });
  const afterRun = await firstPrediction(page, 'The striker scored twice in the final');
  const compare = await compareFormats(page);

  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
  let t = performance.now();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download model' }).click()]);
  const path = await download.path();
  const downloadMs = performance.now() - t;
  const longest = Math.max(0, ...(await page.evaluate(() => window.__longTasks)));
  const zipBytes = readFileSync(path).byteLength;

  t = performance.now();
  await page.getByLabel('Import model').setInputFiles(path);
  await page.getByText(/Imported ".*" into the library/).waitFor();
  const importMs = performance.now() - t;

  await page.getByRole('textbox', { name: 'Model name' }).fill('bench tiny');
  await page.getByRole('button', { name: 'Save to browser' }).click();
  await page.getByText('Saved "bench tiny" to this browser.').waitFor();
  await page.reload();
  await page.getByRole('region', { name: 'Dataset summary' }).waitFor();
  await tab(page, 'Export');
  const loadSaved = async () => {
    await tab(page, 'Export');
    const started = performance.now();
    await page.getByRole('list', { name: 'Saved models' }).getByRole('listitem', { name: 'bench tiny', exact: true }).getByRole('button', { name: 'Load', exact: true }).click();
    await page.getByText('Loaded "bench tiny"').waitFor();
    return { started, ms: performance.now() - started };
  };
  const load = await loadSaved();
  const afterLoad = await firstPrediction(page, 'Heavy rain and strong wind tomorrow');
  await page.reload();
  await page.getByRole('region', { name: 'Dataset summary' }).waitFor();
  const load2 = await loadSaved();
  const afterLoadReady = await firstPrediction(page, 'Slice the onions and fry them slowly', { ready: true, since: load2.started });

  console.log('\nExport, Tiny preset after 1 epoch on Demo topics (headless Chromium, WebGPU on SwiftShader)');
  for (const row of compare.rows) console.log(`  ${row.replace(/\s+/g, ' ').trim()}`);
  console.log(`  first prediction after the run: ${said(afterRun)}; typing to answer, 250 ms debounce included`);
  console.log(`  compare weight formats: ${(compare.ms / 1000).toFixed(1)} s (${compare.caption})`);
  console.log(`  download model (float32): ${downloadMs.toFixed(0)} ms, zip ${(zipBytes / 1e3).toFixed(1)} kB, longest main-thread task ${longest.toFixed(0)} ms`);
  console.log(`  import model (the zip): ${importMs.toFixed(0)} ms`);
  console.log(`  load saved model after a reload: ${load.ms.toFixed(0)} ms; first prediction after the load: ${said(afterLoad)}; after another reload and load: ${said(afterLoadReady)}`);
  await page.close();
}

async function benchKeras(browser) {
  const page = await browser.newPage();
  await page.goto(URL_BASE);
  await page.getByRole('region', { name: 'Dataset summary' }).waitFor();
  const t = performance.now();
  await train(page, { sample: 'SpamAssassin', preset: 'Keras text CNN', epochs: 1 });
  const trainMs = performance.now() - t;
  const afterRun = await firstPrediction(page, 'Congratulations, you won a free prize: click here now');
  const compare = await compareFormats(page);
  console.log('\nExport, Keras text CNN after 1 epoch on SpamAssassin (headless Chromium, WebGPU on SwiftShader)');
  for (const row of compare.rows) console.log(`  ${row.replace(/\s+/g, ' ').trim()}`);
  console.log(`  load + 1 epoch: ${(trainMs / 1000).toFixed(0)} s`);
  console.log(`  first prediction after the run: ${said(afterRun)}; typing to answer, 250 ms debounce included`);
  console.log(`  compare weight formats: ${(compare.ms / 1000).toFixed(1)} s (${compare.caption})`);
  await page.close();
}

let URL_BASE = 'http://localhost:4173/';

export async function benchExport(url, executablePath, which = 'all') {
  URL_BASE = url;
  const browser = await chromium.launch({ executablePath, args: ['--enable-unsafe-webgpu', ...BASE_ARGS] });
  try {
    if (which !== 'keras') await benchTiny(browser);
    if (which !== 'tiny') await benchKeras(browser);
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { existsSync } = await import('node:fs');
  const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  await benchExport(process.argv[2] ?? 'http://localhost:4173/', executablePath, process.argv[3] ?? 'all');
}
