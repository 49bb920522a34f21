// tfjs' WASM backend with its threads (cross-origin isolated page: the threaded SIMD build,
// XNNPACK's threadpool on half the logical cores) against without them (the same app with
// its COOP/COEP headers stripped: the single-threaded SIMD build), measured on inference: the
// Keras text CNN after one epoch on SpamAssassin (trained on Auto, the WASM engine here) scores
// the validation texts in every weight format ("Compare weight formats", on tfjs' WASM backend),
// and the first "Try a text" prediction. Alternates the two, `repeats` times each.
// Used by scripts/bench.mjs (BENCH_WASM_THREADS=0 skips it); alone: node scripts/bench-wasm-threads.mjs URL.
import { chromium } from '@playwright/test';
import { compareFormats, firstPrediction, train } from './bench-export.mjs';

const BASE_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Serves the page without its isolation headers, as a host that does not send them would. */
export async function withoutIsolation(page) {
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = response.headers();
    delete headers['cross-origin-opener-policy'];
    delete headers['cross-origin-embedder-policy'];
    await route.fulfill({ response, headers });
  });
}

async function once(browser, url, isolated) {
  const page = await browser.newPage();
  try {
    if (!isolated) await withoutIsolation(page);
    await page.goto(url);
    await page.getByRole('region', { name: 'Dataset summary' }).waitFor();
    // The page is what it should be: isolated or not.
    if ((await page.evaluate(() => globalThis.crossOriginIsolated)) !== isolated) throw new Error(`crossOriginIsolated is not ${isolated}`);
    await train(page, { sample: 'SpamAssassin', preset: 'Keras text CNN', epochs: 1 });
    const prediction = await firstPrediction(page, 'Congratulations, you won a free prize: click here now');
    const compare = await compareFormats(page);
    return { predictionMs: prediction.ms, compareMs: compare.ms, caption: compare.caption };
  } finally {
    await page.close();
  }
}

export async function benchWasmThreads(url, executablePath, repeats = 2) {
  const browser = await chromium.launch({ executablePath, args: BASE_ARGS });
  try {
    console.log("\ntfjs' WASM backend, threaded (isolated page) against single-threaded (headers stripped): Keras text CNN inference");
    for (let r = 0; r < repeats; r++) {
      for (const isolated of [true, false]) {
        const m = await once(browser, url, isolated);
        console.log(
          `  ${isolated ? `isolated, threaded build` : 'not isolated, single-threaded build'}: compare weight formats ${(m.compareMs / 1000).toFixed(2)} s (${m.caption}); first prediction ${m.predictionMs.toFixed(0)} ms (250 ms debounce included)`,
        );
      }
    }
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { existsSync } = await import('node:fs');
  const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  await benchWasmThreads(process.argv[2] ?? 'http://localhost:4173/', executablePath, Number(process.argv[3] ?? 2));
}
