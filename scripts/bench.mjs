// npm run bench: measures the studio as a user runs it, in headless Chromium on the built app.
// Prints training samples/s per preset and backend (steady state: the first batches, which
// compile shaders, are excluded). Figures, not pass/fail: nothing here is a test.
import os from 'node:os';
import { spawn, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { benchExport } from './bench-export.mjs';
import { benchIngest } from './bench-ingest.mjs';
import { benchWasmThreads, withoutIsolation } from './bench-wasm-threads.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4317);
const URL = `http://localhost:${PORT}/`;
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const BASE_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? 30_000);
const STALL_MS = Number(process.env.BENCH_STALL_MS ?? 180_000);

// Tokenizer throughput first (Node only, no browser); BENCH_TOKENIZER=0 skips it.
if (process.env.BENCH_TOKENIZER !== '0') execSync('node scripts/bench-tokenizer.mjs', { stdio: 'inherit' });
// The linear baseline on 10,000 texts and the corpora at hand, against scikit-learn when installed (BENCH_BASELINE=0 skips it).
if (process.env.BENCH_BASELINE !== '0') execSync('node scripts/bench-baseline.mjs', { stdio: 'inherit' });

if (!existsSync('dist/index.html') || process.env.BENCH_BUILD !== '0') {
  execSync('npm run build', { stdio: 'inherit' });
}
// Another server on the port would be measured instead of this build: refuse (BENCH_PORT picks another).
if (await fetch(URL).then(() => true, () => false)) throw new Error(`Something already answers on ${URL}: set BENCH_PORT to a free port.`);
// Started with node directly: killing an `npx` wrapper would leave vite running.
// BENCH_DIST serves a copy of a build (a rebuild of dist/ meanwhile would change files under the bench).
const outDir = process.env.BENCH_DIST ? ['--outDir', process.env.BENCH_DIST] : [];
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', 'localhost', '--port', String(PORT), '--strictPort', ...outDir], { stdio: 'ignore' });
const stop = () => server.kill();
process.on('exit', stop);

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(URL)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('vite preview did not start');
}

/** Parses "epoch 2/10 · batch 5/148" from the Training status into a global step. */
function stepOf(text) {
  // The status's Details say "Now at epoch 2, batch 14/40."
  const m = /epoch (\d+), batch (\d+)\/(\d+)/.exec(text);
  return m ? (Number(m[1]) - 1) * Number(m[3]) + Number(m[2]) : null;
}

/** A field in Train's Advanced settings, opening the disclosure when it is closed. */
async function advanced(page, name) {
  const field = page.getByRole('combobox', { name });
  if (!(await field.isVisible())) await page.getByText('Advanced settings', { exact: true }).click();
  return field;
}

async function measure({ preset, sample, backend, webgpu, fused, workers, isolated = true, wgsl }) {
  const browser = await chromium.launch({ executablePath, args: [...(webgpu ? ['--enable-unsafe-webgpu'] : []), ...BASE_ARGS] });
  try {
    const page = await browser.newPage();
    if (!isolated) await withoutIsolation(page);
    await page.goto(URL);
    await page.getByRole('region', { name: 'Dataset summary' }).waitFor();
    const select = page.getByRole('combobox', { name: 'Sample dataset' });
    const value = await select.locator('option', { hasText: sample }).first().getAttribute('value');
    await select.selectOption(value);
    await page.getByRole('button', { name: 'Load sample', exact: true }).click();
    await page.getByRole('table', { name: 'Data preview' }).locator('caption', { hasText: sample }).waitFor();
    await page.getByRole('region', { name: 'Dataset summary' }).waitFor();
    await page.getByRole('button', { name: 'Load sample', exact: true }).and(page.locator(':enabled')).waitFor();
    await page.getByRole('tab', { name: /^Model/ }).click();
    await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: preset });
    const mflop = Number(/([\d.]+) MFLOP per text to train/.exec(await page.getByRole('region', { name: 'Model summary' }).innerText())?.[1] ?? NaN);
    await page.getByRole('tab', { name: /^Train/ }).click();
    await page.getByRole('combobox', { name: 'Backend' }).selectOption(backend);
    if (backend === 'engine') {
      // Fast enough to finish 10 epochs within the measurement: run long, stop when measured.
      await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1000');
      await (await advanced(page, 'Engine workers')).selectOption(String(workers));
    } else {
      await (await advanced(page, 'Fused convolution + max-pool step')).selectOption(fused ? 'on' : 'off');
      if (backend === 'webgpu' && fused) await (await advanced(page, 'Fused step on WebGPU')).selectOption(wgsl ? 'wgsl' : 'ops');
      // tfjs' WASM backend trains Tiny's 10 epochs in seconds too: run long, stop when measured.
      if (backend === 'wasm') await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1000');
    }
    const batchSize = Number(await page.getByRole('spinbutton', { name: 'Batch size' }).inputValue());
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const status = page.getByRole('status', { name: 'Training status' });
    // textContent: the position sits in the status's closed Details.
    const read = async () => ({ t: performance.now(), text: (await status.textContent()) ?? '' });
    let first = await read();
    const started = performance.now();
    while ((stepOf(first.text) ?? 0) < 3) {
      if (/failed/.test(first.text)) throw new Error(await page.getByRole('alert').first().innerText());
      // A backend that is this slow (or stuck) gets a line saying so instead of holding the bench.
      if (performance.now() - started > STALL_MS) throw new Error(`fewer than 3 batches in ${STALL_MS / 1000} s (status: ${first.text.slice(0, 160)})`);
      await page.waitForTimeout(200);
      first = await read();
    }
    let last = first;
    while (last.t - first.t < MEASURE_MS && !/Finished/.test(last.text)) {
      await page.waitForTimeout(500);
      const next = await read();
      // A finished run shows no step: stop measuring rather than wait for one forever.
      if (/Finished/.test(next.text)) break;
      if (stepOf(next.text) !== null) last = next;
    }
    const steps = stepOf(last.text) - stepOf(first.text);
    const used = /Backend: (\w+)/.exec(last.text)?.[1] ?? '?';
    // Two engine workers say how they exchanged gradients: the bench checks the isolation took.
    const exchange = /gradients exchanged (through shared memory|by message)/.exec(last.text)?.[1];
    if (workers === 2 && exchange !== (isolated ? 'through shared memory' : 'by message')) throw new Error(`gradients exchanged ${exchange ?? "?"} (status: ${last.text.slice(0, 400)})`);
    // tfjs' WASM backend names its threads: "XNNPACK on 2 threads".
    const threads = Number(/XNNPACK on (\d+) thread/.exec(last.text)?.[1] ?? NaN) || undefined;
    // The fused step says what it ran on: a WGSL row that fell back to tfjs ops is not a WGSL figure.
    if (wgsl && !/fused WGSL kernels\./.test(last.text)) throw new Error(`the fused WGSL kernels did not run (status: ${last.text.slice(0, 200)})`);
    await page.getByRole('button', { name: 'Stop', exact: true }).click().catch(() => undefined);
    const samplesPerSecond = (steps * batchSize) / ((last.t - first.t) / 1000);
    return { preset, backend: used, fused, wgsl, workers, isolated, threads, batchSize, steps, samplesPerSecond, gflops: (samplesPerSecond * mflop) / 1000 };
  } finally {
    await browser.close();
  }
}

await waitForServer();
// Each preset on each tfjs backend, with the fused convolution + max-pool step and without it, side
// by side, then on the WASM engine with one and two workers. BENCH_BACKENDS=cpu,engine narrows them.
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'webgpu,webgl,wasm,cpu,engine').split(',');
const PRESET_NAMES = (process.env.BENCH_PRESETS ?? 'Tiny,Keras text CNN,Kim CNN').split(',');
const runs = PRESET_NAMES.flatMap((preset) =>
  BACKENDS.flatMap((backend) =>
    backend === 'engine'
      ? [
          { workers: 1 },
          { workers: 2 },
          // The same two workers on a page that is not cross-origin isolated: gradients by message.
          { workers: 2, isolated: false },
        ].map((engine) => ({ preset, sample: 'SpamAssassin', backend, webgpu: false, fused: true, ...engine }))
      : // tfjs' WASM backend also without isolation: its single-threaded build against the threaded one.
        backend === 'webgpu'
        ? // WebGPU: the fused WGSL kernels, the fused step on tfjs ops (the earlier path) and the standard layers.
          [[true, true], [true, false], [false, false]].map(([fused, wgsl]) => ({ preset, sample: 'SpamAssassin', backend, webgpu: true, fused, wgsl }))
        : (backend === 'wasm' ? [true, false] : [true]).flatMap((isolated) =>
            [true, false].map((fused) => ({ preset, sample: 'SpamAssassin', backend, webgpu: false, fused, isolated })),
          ),
  ),
);
const label = (r) =>
  r.backend === 'engine'
    ? `${r.workers} worker${r.workers > 1 ? 's' : ''}${r.isolated === false ? ' (messages)' : ''}`
    : `${r.wgsl ? 'fused WGSL' : r.fused ? (r.backend === 'webgpu' ? 'fused ops' : 'fused') : 'standard'}${r.backend === 'wasm' ? (r.isolated === false ? ' 1 thread' : ` ${r.threads ?? '?'} threads`) : ''}`;
console.log(`Training speed, headless Chromium (${executablePath ?? 'playwright chromium'}), SpamAssassin sample, ${MEASURE_MS / 1000} s steady state each`);
console.log('preset              backend  step                   batch  batches  samples/s  GFLOP/s (training FLOPs of the standard layers ÷ time)');
const results = [];
for (const run of runs) {
  try {
    const r = await measure(run);
    results.push(r);
    console.log(`${r.preset.padEnd(20)}${r.backend.padEnd(9)}${label(r).padEnd(22)}${String(r.batchSize).padStart(5)}${String(r.steps).padStart(9)}${r.samplesPerSecond.toFixed(1).padStart(11)}${r.gflops.toFixed(3).padStart(9)}`);
  } catch (error) {
    console.log(`${run.preset.padEnd(20)}${run.backend.padEnd(9)}${label(run).padEnd(22)} failed: ${error.message.split('\n')[0]}`);
  }
}
// The reference model trained by PyTorch on this CPU in the same run, when PyTorch is installed.
const torchSeconds = Math.max(5, MEASURE_MS / 1000);
// BENCH_PYTHON first, then python3 on the PATH, then Debian's (apt-get install python3-torch).
const python = [process.env.BENCH_PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean).find((candidate) => {
  try {
    execSync(`${candidate} -c "import torch"`, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
const torchInstalled = python !== undefined;
if (!torchInstalled) {
  console.log('PyTorch: not installed here (no python3 imports torch), so no native comparison this run. pip install torch (or apt-get install python3-torch) to add it.');
}
if (torchInstalled) {
  // Every preset measured above, at PyTorch's best thread count: the ratios are against that best.
  const ids = { Tiny: 'tiny', 'Keras text CNN': 'keras-text-cnn', 'Kim CNN': 'kim-cnn' };
  const wanted = PRESET_NAMES.map((name) => ids[name]).filter(Boolean).join(',');
  try {
    const lines = execSync(`${python} scripts/bench_torch.py ${torchSeconds} 2 ${wanted}`, { encoding: 'utf8' }).trim().split('\n');
    console.log(`PyTorch on this CPU, every thread count from 1 to ${os.cpus().length} timed, the best kept:`);
    for (const torch of lines.map((line) => JSON.parse(line))) {
      const threads = Object.entries(torch.byThreads).map(([t, s]) => `${t} thr ${s}`).join(', ');
      console.log(`${torch.preset.padEnd(20)}${'pytorch'.padEnd(9)}${`${torch.threads} thr`.padEnd(22)}${String(torch.batch).padStart(5)}${''.padStart(9)}${torch.samplesPerSecond.toFixed(1).padStart(11)}   (best of: ${threads}; torch ${torch.torch}, BLAS ${torch.blas})`);
      const engine = results.filter((x) => x.preset === torch.preset && x.backend === 'engine');
      const one = engine.find((x) => x.workers === 1);
      for (const r of results.filter((x) => x.preset === torch.preset)) {
        const vsOne = r.backend === 'engine' && one && r !== one ? `, ${(r.samplesPerSecond / one.samplesPerSecond).toFixed(2)}× one worker` : '';
        console.log(`  ${r.backend} ${label(r)}: ${(r.samplesPerSecond / torch.samplesPerSecond).toFixed(2)}× PyTorch's best${vsOne}`);
      }
    }
  } catch (error) {
    console.log(`PyTorch bench failed: ${error.message.split('\n')[0]}`);
  }
}
// tfjs' WASM backend threaded and not, on inference (BENCH_WASM_THREADS=0 skips it).
if (process.env.BENCH_WASM_THREADS !== '0') {
  await benchWasmThreads(URL, executablePath).catch((error) => console.log(`WASM threads bench failed: ${error.message.split('\n')[0]}`));
}
// Ingest: a 100,000-row CSV uploaded through the UI (BENCH_INGEST=0 skips it).
if (process.env.BENCH_INGEST !== '0') {
  await benchIngest(URL, executablePath).catch((error) => console.log(`Ingest bench failed: ${error.message.split('\n')[0]}`));
}
// Many rows: 1,000,000 short rows load, preprocess and train Tiny (BENCH_ROWS=0 skips it).
if (process.env.BENCH_ROWS !== '0') {
  const { benchRows } = await import('./bench-rows.mjs');
  await benchRows(URL, executablePath).catch((error) => console.log(`Rows bench failed: ${error.message.split('\n')[0]}`));
}
// Export: weight formats, download and import (BENCH_EXPORT=0 skips it).
if (process.env.BENCH_EXPORT !== '0') {
  await benchExport(URL, executablePath).catch((error) => console.log(`Export bench failed: ${error.message.split('\n')[0]}`));
}
// Charts: main-thread long tasks while the Keras text CNN trains with the charts visible (BENCH_CHARTS=0 skips it).
if (process.env.BENCH_CHARTS !== '0') {
  const { benchCharts } = await import('./bench-charts.mjs');
  await benchCharts(URL, executablePath).catch((error) => console.log(`Charts bench failed: ${error.message.split('\n')[0]}`));
}
// Thousands of classes: longest main-thread task with 10,000 labels (BENCH_CLASSES=0 skips it).
if (process.env.BENCH_CLASSES !== '0') {
  const { benchClasses } = await import('./bench-classes.mjs');
  await benchClasses(URL, executablePath).catch((error) => console.log(`Classes bench failed: ${error.message.split('\n')[0]}`));
}
// Hyperparameter search: trials per minute of Tiny on the SMS corpus (BENCH_SEARCH=0 skips it).
if (process.env.BENCH_SEARCH !== '0') {
  const { benchSearch } = await import('./bench-search.mjs');
  await benchSearch(URL, executablePath).catch((error) => console.log(`Search bench failed: ${error.message.split('\n')[0]}`));
}
stop();
process.exit(0);
