// Reading a large file through the real UI: a generated 100,000-row CSV (about 50 MB) is
// uploaded with the "Upload dataset" input of the built studio in headless Chromium. Prints
// rows/s, the time to the Dataset summary, the longest main-thread long task while it loads,
// and peak memory. Figures, not pass/fail. Run by `npm run bench` (BENCH_INGEST=0 skips it),
// or alone: `node scripts/bench-ingest.mjs` (builds dist/ if missing and serves it itself).
//
// Memory: the page and its dedicated worker (where the file is parsed) run in one renderer
// process, so its peak resident set size (VmHWM in /proc/<pid>/status, Linux) is the honest
// figure for "what loading this file costs"; it is printed with the renderer's resident size
// before the upload. The page's own JS heap (CDP Performance.getMetrics, JSHeapUsedSize,
// sampled every 100 ms) is printed too: it shows what reaches the main thread.
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath, startPreview } from './lib/preview.mjs';
import { mulberry32 as random } from './lib/mulberry32.mjs';

const ROWS = Number(process.env.BENCH_INGEST_ROWS ?? 100_000);
const OUT = resolve('node_modules/.tmp/bench-ingest');


const WORDS = 'the a of and to in is was for on that with as it at by from this be are or an have not had but were which their has one more they been also its new when after who other first can would time two people into most years some there about than only over may up made these so'.split(' ');
const TOPICS = ['sports', 'technology', 'cooking', 'weather', 'politics', 'music'];

/**
 * `rows` rows of text,label, about 500 bytes each: words, a comma in every fourth text and a
 * quoted line break in every fiftieth (so the quote-aware reader does real work).
 */
export function generateCsv(rows) {
  const next = random(2024);
  const lines = ['text,label'];
  for (let i = 0; i < rows; i++) {
    const label = TOPICS[Math.floor(next() * TOPICS.length)];
    const words = [label];
    while (words.join(' ').length < 470) words.push(WORDS[Math.floor(next() * WORDS.length)]);
    let text = words.join(' ');
    if (i % 4 === 0) text = text.replace(' ', ', ');
    if (i % 50 === 0) text = text.replace(' ', '\n');
    lines.push(/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}",${label}` : `${text},${label}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Switch that marks this script's browser among other Chromiums on the machine (Chromium ignores it). */
const MARKER = `--bench-ingest-marker=${process.pid}`;

/** Renderer processes started by the browser that carries MARKER: pid, VmRSS and VmHWM in bytes. */
function renderers() {
  const procs = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const ppid = Number(/\)\s+\S+\s+(\d+)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1]);
      procs.push({ pid: Number(pid), ppid, cmd });
    } catch {
      /* the process ended */
    }
  }
  const root = procs.find((p) => p.cmd.includes(MARKER) && !p.cmd.includes('--type='));
  if (!root) return [];
  const mine = new Set([root.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) {
      if (!mine.has(p.pid) && mine.has(p.ppid)) {
        mine.add(p.pid);
        grew = true;
      }
    }
  }
  const out = [];
  for (const p of procs) {
    if (!mine.has(p.pid) || !p.cmd.includes('--type=renderer')) continue;
    try {
      const status = readFileSync(`/proc/${p.pid}/status`, 'utf8');
      const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
      out.push({ pid: p.pid, rss: kb('VmRSS'), hwm: kb('VmHWM') });
    } catch {
      /* the process ended */
    }
  }
  return out;
}

const mb = (n) => `${(n / 1e6).toFixed(0)} MB`;

export async function benchIngest(url, executablePath) {
  mkdirSync(OUT, { recursive: true });
  const file = resolve(OUT, `rows-${ROWS}.csv`);
  if (!existsSync(file)) writeFileSync(file, generateCsv(ROWS));
  const size = statSync(file).size;
  const browser = await chromium.launch({ executablePath, args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', MARKER] });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByRole('region', { name: 'Dataset summary' }).getByText('240 examples').waitFor({ timeout: 60_000 });
    const baseline = renderers().reduce((n, r) => n + r.rss, 0);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    let heapPeak = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const { metrics } = await cdp.send('Performance.getMetrics');
        heapPeak = Math.max(heapPeak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const expected = `${ROWS.toLocaleString('en-US')} examples`;
    await page.evaluate((expectedText) => {
      const w = window;
      w.__bench = { longTasks: [], changeAt: 0, summaryAt: 0 };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.startTime >= w.__bench.changeAt && w.__bench.changeAt > 0) w.__bench.longTasks.push(e.duration);
      }).observe({ type: 'longtask' });
      document.querySelector('#upload').addEventListener('change', () => (w.__bench.changeAt = performance.now()), { capture: true });
      new MutationObserver(() => {
        const summary = document.querySelector('section[aria-label="Dataset summary"]');
        if (!w.__bench.summaryAt && summary?.textContent?.includes(expectedText)) w.__bench.summaryAt = performance.now();
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    }, expected);
    await page.getByLabel('Upload dataset').setInputFiles(file);
    await page.getByRole('region', { name: 'Dataset summary' }).getByText(expected).waitFor({ timeout: 300_000 });
    // Redrawing what depends on the dataset (the pipeline diagram) may follow the summary.
    await page.waitForTimeout(1000);
    sampling = false;
    await sampler;
    const b = await page.evaluate(() => window.__bench);
    const peak = renderers().reduce((n, r) => n + r.hwm, 0);
    const summaryS = (b.summaryAt - b.changeAt) / 1000;
    console.log(`Ingest, headless Chromium: ${ROWS.toLocaleString('en-US')}-row CSV, ${mb(size)}, uploaded through "Upload dataset"`);
    console.log(`  time to Dataset summary      ${summaryS.toFixed(2)} s  (from the input's change event: read, decoded, parsed, columns mapped and checked)`);
    console.log(`  throughput                   ${Math.round(ROWS / summaryS).toLocaleString('en-US')} rows/s, ${(size / 1e6 / summaryS).toFixed(1)} MB/s`);
    console.log(`  longest main-thread task     ${Math.round(Math.max(0, ...b.longTasks))} ms  (${b.longTasks.length} long tasks over 50 ms, from the upload to 1 s after the summary)`);
    console.log(`  renderer peak RSS (VmHWM)    ${mb(peak)}  (page + worker process; ${mb(baseline)} resident before the upload)`);
    console.log(`  page JS heap, peak sampled   ${mb(heapPeak)}  (main thread only, CDP JSHeapUsedSize)`);
    return { rows: ROWS, bytes: size, summaryS, longestTaskMs: Math.max(0, ...b.longTasks), peakRss: peak, heapPeak };
  } finally {
    await browser.close();
  }
}

// Alone: serve dist/ and run.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const preview = await startPreview(4318, { build: true });
  try {
    await benchIngest(preview.url, chromiumPath);
  } finally {
    preview.stop();
  }
}
