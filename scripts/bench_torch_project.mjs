// node scripts/bench_torch_project.mjs: the same experiment in the studio and in its PyTorch
// training project (issue 18). Trains the Keras text CNN preset (seed 42, 10 epochs, batch 32,
// validation 0.2) on the SMS Spam Collection in the built studio (headless Chromium, backend
// BENCH_BACKEND, default the WASM engine), downloads "Download training project", then runs
// train.py with 1 process and with 2 (torchrun via launch.py, gloo, CPU) on the same file and
// prints samples/s and validation accuracy of each. Figures, not pass/fail.
//
// Env: BENCH_DATA (default ../shared/data/sms_spam_collection/SMSSpamCollection), BENCH_EPOCHS
// (10), BENCH_BACKEND (engine), BENCH_PROCESSES ("1,2"), BENCH_THREADS (torch threads per
// process; default cores / processes), STUDIO_PYTHON (/usr/bin/python3). Serves the existing
// dist/ (BENCH_BUILD=1 builds it first; BENCH_DIST serves a copy elsewhere) on its own port (4319).
import { spawn, spawnSync, execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { unzipSync } from 'fflate';

const PORT = 4319;
const URL = `http://localhost:${PORT}/`;
const DATA = resolve(process.env.BENCH_DATA ?? '../shared/data/sms_spam_collection/SMSSpamCollection');
const EPOCHS = Number(process.env.BENCH_EPOCHS ?? 10);
const BACKEND = process.env.BENCH_BACKEND ?? 'engine';
const PROCESSES = (process.env.BENCH_PROCESSES ?? '1,2').split(',').map(Number);
const PYTHON = process.env.STUDIO_PYTHON ?? '/usr/bin/python3';
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

if (!existsSync(DATA)) throw new Error(`No ${DATA}: set BENCH_DATA to a label<TAB>text file.`);
if (process.env.BENCH_BUILD === '1' || !existsSync('dist/index.html')) execSync('npm run build', { stdio: 'inherit' });
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', 'localhost', '--port', String(PORT), '--strictPort', '--outDir', process.env.BENCH_DIST ?? 'dist'], { stdio: 'ignore' });
process.on('exit', () => server.kill());
for (let i = 0; ; i++) {
  try {
    if ((await fetch(URL)).ok) break;
  } catch {
    if (i > 100) throw new Error('vite preview did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Trains in the studio; returns its validation accuracy, samples/s and the project's folder. */
async function studio() {
  const browser = await chromium.launch({ executablePath, args: ['--no-first-run', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(URL);
    await page.getByRole('region', { name: 'Dataset summary' }).waitFor();
    await page.getByRole('tab', { name: /^Data\b/ }).click();
    await page.getByLabel('Upload dataset').setInputFiles(DATA);
    await page.getByRole('region', { name: 'Dataset summary' }).getByText(/5,5\d\d examples/).waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: /^Model\b/ }).click();
    await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Keras text CNN' });
    await page.getByRole('tab', { name: /^Train\b/ }).click();
    await page.getByRole('combobox', { name: 'Backend' }).selectOption(BACKEND);
    await page.getByRole('spinbutton', { name: 'Epochs' }).fill(String(EPOCHS));
    const started = Date.now();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const summary = page.getByRole('region', { name: 'Training summary' });
    await summary.waitFor({ timeout: 1_800_000 });
    const seconds = (Date.now() - started) / 1000;
    const text = await summary.innerText();
    const accuracy = Number(/Validation accuracy\s*([\d.]+)%/.exec(text)?.[1]) / 100;
    const rate = /([\d,.]+)\s*texts\/s/.exec(text)?.[1] ?? '?';
    await page.getByRole('tab', { name: /^Export\b/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download training project' }).click()]);
    const dir = mkdtempSync(join(tmpdir(), 'tcs-bench-torch-'));
    for (const [path, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(await download.path()))))) writeFileSync(join(dir, path), bytes);
    return { accuracy, rate, seconds, dir };
  } finally {
    await browser.close();
  }
}

/** train.py with `n` processes; returns its samples/s and validation accuracy from metadata.json. */
function torch(dir, n) {
  const out = `out-${n}`;
  const common = ['train.py', '--data', DATA, '--out', out, '--epochs', String(EPOCHS), '--no-resume', '--log-every', '1000'];
  if (process.env.BENCH_THREADS) common.push('--threads', process.env.BENCH_THREADS);
  const args = n === 1 ? common : ['launch.py', '--standalone', `--nproc-per-node=${n}`, ...common, '--backend', 'gloo'];
  const started = Date.now();
  const run = spawnSync(PYTHON, args, { cwd: dir, encoding: 'utf-8' });
  if (run.status !== 0) throw new Error(`train.py (${n} processes) failed:\n${run.stdout}${run.stderr}`);
  const metadata = JSON.parse(readFileSync(join(dir, out, 'bundle', 'metadata.json'), 'utf-8'));
  return { rate: metadata.metrics.samplesPerSecond, accuracy: metadata.metrics.valAccuracy, seconds: (Date.now() - started) / 1000 };
}

const s = await studio();
console.log(`studio (${BACKEND}): validation accuracy ${(s.accuracy * 100).toFixed(2)}%, ${s.rate} texts/s, ${s.seconds.toFixed(0)} s from Train to summary`);
for (const n of PROCESSES) {
  const t = torch(s.dir, n);
  console.log(
    `train.py, ${n} process${n > 1 ? 'es (torchrun, gloo)' : ''}: validation accuracy ${(t.accuracy * 100).toFixed(2)}%, ${t.rate.toFixed(0)} samples/s while training, ${t.seconds.toFixed(0)} s in all`,
  );
}
process.exit(0);
