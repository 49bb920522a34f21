import { expect, test } from '@playwright/test';
import { openStep } from './helpers';

// Item 3 of issue 15: a model loaded from "Saved models" after a reload is the current model
// everywhere: header, Model step, pipeline diagram, Evaluate (its stored metrics).
test('a saved model loaded after a reload is the current model: header, Model step, Evaluate', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await openStep(page, 'Model');
  await expect(page.getByRole('combobox', { name: 'Preset' })).toHaveValue('tiny');
  await openStep(page, 'Train');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('2');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Training summary' })).toBeVisible({ timeout: 150_000 });

  // The run's model answers the playground (warmed when the run ended).
  await openStep(page, 'Evaluate');
  await page.getByRole('textbox', { name: 'Try a text' }).fill('The striker scored twice in the final');
  await expect(page.getByRole('region', { name: 'Prediction' })).toContainText('Predicted:');

  await openStep(page, 'Export');
  await page.getByRole('textbox', { name: 'Model name' }).fill('coherent tiny');
  await page.getByRole('button', { name: 'Save to browser' }).click();
  await expect(page.getByText('Saved "coherent tiny" to this browser.')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  // Another model is being set up when the saved one is loaded.
  await openStep(page, 'Model');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('keras-text-cnn');
  const banner = page.getByRole('banner');
  await expect(banner).not.toContainText('coherent tiny');

  await openStep(page, 'Export');
  await page.getByRole('list', { name: 'Saved models' }).getByRole('listitem', { name: 'coherent tiny', exact: true }).getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByText('Loaded "coherent tiny"')).toBeVisible();

  // Header: the model's name and the dataset it was trained on.
  await expect(banner).toContainText('Model: coherent tiny');
  await expect(banner).toContainText(/trained on Demo topics/);
  // Pipeline diagram: the model's class count.
  await expect(page.getByRole('figure', { name: 'Pipeline diagram' })).toContainText('4 classes');

  // Model step: its spec is the starting point of a new run (an undoable edit).
  await openStep(page, 'Model');
  await expect(page.getByRole('combobox', { name: 'Preset' })).toHaveValue('tiny');
  await expect(page.getByRole('spinbutton', { name: 'Sequence length' })).toHaveValue('40');
  await expect(page.getByRole('spinbutton', { name: /^Filters/ }).first()).toHaveValue('32');
  await expect(page.getByRole('note', { name: "Loaded model's settings" })).toContainText('the loaded model “coherent tiny”: the starting point for a new run');

  // Evaluate: the stored metrics and confusion matrix, said to be stored.
  await openStep(page, 'Evaluate');
  const evaluate = page.getByRole('main');
  await expect(evaluate).toContainText(/Metrics from training on Demo topics.*, \w{3} \d{1,2}, \d{4}/);
  await expect(evaluate).not.toContainText('Metrics are shown for models trained in this session');
  const metrics = page.getByRole('table', { name: 'Per-class metrics' });
  await expect(metrics.getByRole('row')).toHaveCount(1 + 4 + 2);
  await expect(metrics).toContainText('cooking');
  await expect(page.getByRole('table', { name: 'Confusion matrix' }).getByRole('row')).toHaveCount(1 + 4);

  // The labels match the data loaded now: it can be evaluated on it, in the worker.
  await page.getByRole('button', { name: 'Evaluate on the current data' }).click();
  await expect(evaluate).toContainText('Evaluated on the current data');
  await expect(page.getByRole('combobox', { name: 'Evaluation split' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Try a text' }).fill('Rain and strong wind tomorrow');
  await expect(page.getByRole('region', { name: 'Prediction' })).toContainText('Predicted:');
  expect(pageErrors).toEqual([]);
});
