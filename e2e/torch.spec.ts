import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openStep } from './helpers';

/**
 * Issue 18: the experiment leaves the browser as a PyTorch project, trains with
 * torch.distributed (2 processes, gloo, CPU) and comes back through "Import model", predicting
 * what PyTorch predicts. Needs Python 3 with torch, numpy and PyICU (.ci/run installs Debian's).
 */

const PYTHON = process.env.STUDIO_PYTHON ?? '/usr/bin/python3';
const DATA = resolve('public/datasets/demo-topics.csv');
const PROBES = [
  'The striker scored twice and the team won the league final',
  'Heavy rain and strong wind are expected tomorrow with a cold front',
  'Slice the onions and fry them slowly in butter',
  'My new laptop has a faster processor and more memory',
];
const TOLERANCE = 1e-5;

/** Full-precision probabilities the studio shows for `text`. */
async function probabilities(page: Page, text: string): Promise<number[]> {
  await openStep(page, 'Evaluate');
  const prediction = page.getByRole('region', { name: 'Prediction' });
  const items = prediction.getByRole('list', { name: 'Class probabilities' }).getByRole('listitem');
  await page.getByRole('textbox', { name: 'Try a text' }).fill(text);
  await expect(items).toHaveCount(0);
  await expect(prediction).toContainText('Predicted:');
  return items.evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-probability'))));
}

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf-8', timeout: 240_000, env: { ...process.env, ...env } });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error || result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`);
  return output;
}

test('training project → torchrun on 2 CPU processes (a worker killed and restarted) → Import model → same predictions as PyTorch', async ({ page }) => {
  test.setTimeout(420_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');

  // A model trained in the studio first, so the project carries its fitted tokenizer.json.
  await openStep(page, 'Train');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Training summary' })).toBeVisible({ timeout: 150_000 });

  await openStep(page, 'Export');
  const button = page.getByRole('button', { name: 'Download training project' });
  await expect(button).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(/^Demo topics.* training project\.zip$/);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  expect(Object.keys(files).sort()).toEqual(
    ['README.md', 'config.json', 'launch.py', 'predict.py', 'requirements.txt', 'studio_data.py', 'studio_model.py', 'studio_text.py', 'tokenizer.json', 'train.py'],
  );
  const dir = mkdtempSync(join(tmpdir(), 'tcs-torch-'));
  for (const [path, bytes] of Object.entries(files)) writeFileSync(join(dir, path), bytes);
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf-8'));
  expect(config).toMatchObject({ labels: ['cooking', 'sports', 'technology', 'weather'], data: { format: 'csv', textColumnName: 'text', labelColumnName: 'label' } });
  expect(readFileSync(join(dir, 'README.md'), 'utf-8')).toContain('torchrun --standalone --nproc_per_node=N train.py --data big.csv');

  // torchrun (launch.py: the same launcher, fixed for torch 1.13 on Python 3.11), 2 processes,
  // gloo on the CPU; the last process dies after epoch 1 and the group resumes from the checkpoint.
  const log = run(
    PYTHON,
    ['launch.py', '--standalone', '--nproc-per-node=2', '--max-restarts=1', 'train.py', '--data', DATA, '--out', 'out', '--epochs', '2', '--backend', 'gloo'],
    dir,
    { TRAIN_FAIL_ONCE_AFTER_EPOCH: '1' },
  );
  expect(log).toContain('2 process(es) on cpu (gloo)');
  expect(log).toContain('resumed from out/checkpoint.pt after epoch 1');
  expect(log).toMatch(/epoch 2\/2 done in .* validation accuracy \d\.\d{4}/);
  // Same split and the same fitting algorithm: train.py's tokenizer is the studio's, byte for byte.
  expect(readFileSync(join(dir, 'out/bundle/tokenizer.json'), 'utf-8')).toBe(readFileSync(join(dir, 'tokenizer.json'), 'utf-8'));

  const probesFile = join(dir, 'probes.txt');
  writeFileSync(probesFile, `${PROBES.join('\n')}\n`);
  const torch = JSON.parse(run(PYTHON, ['predict.py', 'out/bundle.zip', '--texts', probesFile, '--json'], dir)) as { labels: string[]; probabilities: number[][] };
  expect(torch.labels).toEqual(['cooking', 'sports', 'technology', 'weather']);

  // Back into the studio through the UI, unchanged.
  await openStep(page, 'Export');
  await page.getByRole('textbox', { name: 'Import as' }).fill('pytorch model');
  await page.getByLabel('Import model').setInputFiles({ name: 'bundle.zip', mimeType: 'application/zip', buffer: readFileSync(join(dir, 'out/bundle.zip')) });
  await expect(page.getByText('Imported "pytorch model" into the library')).toBeVisible();
  await page.getByRole('list', { name: 'Saved models' }).getByRole('listitem', { name: 'pytorch model', exact: true }).getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByText('Loaded "pytorch model"')).toBeVisible();

  let worst = 0;
  for (const [i, text] of PROBES.entries()) {
    const studio = await probabilities(page, text);
    expect(studio).toHaveLength(4);
    studio.forEach((p, j) => {
      worst = Math.max(worst, Math.abs(p - torch.probabilities[i][j]));
      expect(Math.abs(p - torch.probabilities[i][j]), `text ${i}, class ${j}`).toBeLessThanOrEqual(TOLERANCE);
    });
  }
  console.log(`torch.spec: largest |studio − PyTorch| probability difference ${worst.toExponential(2)} over ${PROBES.length} texts × 4 classes`);
  expect(pageErrors).toEqual([]);
});
