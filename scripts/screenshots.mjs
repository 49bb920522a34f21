// npm run screenshots: the README's pictures, taken from the built studio in headless Chromium.
// Saves docs/screenshots/data.png (the sample dataset loaded), train.png (after training the
// default Tiny model) and evaluate.png, at 1440×900. Run `npm run build` first; reuses a server
// already answering on port 4173 (vite preview), else starts one and stops it at the end.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const PORT = 4173;
const URL = `http://localhost:${PORT}/`;
const OUT = 'docs/screenshots';
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function answers() {
  try {
    return (await fetch(URL)).ok;
  } catch {
    return false;
  }
}

let server = null;
if (!(await answers())) {
  if (!existsSync('dist/index.html')) throw new Error('No dist/: run `npm run build` first.');
  // Started with node directly: killing an `npx` wrapper would leave vite running.
  server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', 'localhost', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
  process.on('exit', () => server.kill());
  let up = false;
  for (let i = 0; i < 150 && !up; i++) {
    await new Promise((r) => setTimeout(r, 200));
    up = await answers();
  }
  if (!up) throw new Error(`vite preview did not answer on port ${PORT}`);
}

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath, args: ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  await page.goto(URL);

  /** Opens a step of the left rail, as e2e/helpers.ts does. */
  const openStep = async (name) => {
    await page.getByRole('tab', { name: new RegExp(`^${name}\\b`) }).click();
    await page.getByRole('heading', { level: 2, name }).waitFor();
  };
  const shot = async (name) => {
    // Let Mermaid and the charts settle after the last update.
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${OUT}/${name}.png` });
    console.log(`${OUT}/${name}.png`);
  };

  // The first visit opens with the Demo topics sample loaded.
  await page.getByRole('region', { name: 'Dataset summary' }).getByText(/\d+ examples/).first().waitFor({ timeout: 60_000 });
  await page.getByRole('figure', { name: 'Pipeline diagram' }).locator('svg').waitFor({ timeout: 60_000 });
  await openStep('Data');
  await shot('data');

  // Train the default Tiny model with the default backend (Auto).
  await openStep('Train');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByRole('region', { name: 'Training summary' }).getByText('Validation accuracy').first().waitFor({ timeout: 300_000 });
  // Show the run rather than its settings: the Train button at the top, the charts below it.
  await page.getByRole('button', { name: 'Train', exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot('train');

  await openStep('Evaluate');
  await page.getByRole('table', { name: 'Per-class metrics' }).waitFor({ timeout: 60_000 });
  await page.getByRole('table', { name: 'Confusion matrix' }).waitFor({ timeout: 60_000 });
  await shot('evaluate');
} finally {
  await browser.close();
  server?.kill();
}
