import { expect, test } from '@playwright/test';
import { openStep } from './helpers';

/** A reload mid-run asks first, and the reloaded page offers the interrupted run's settings and dataset again. */
test('a reload during a run asks first, then offers the interrupted run again', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await openStep(page, 'Model');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Tiny' });
  await openStep(page, 'Train');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('37');
  await page.getByRole('combobox', { name: 'Backend' }).selectOption('webgpu');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // Two epochs done: the best weights so far are kept as a checkpoint.
  await expect(page.getByRole('status', { name: 'Training status' })).toContainText(/epoch [3-9]\/37/, { timeout: 90_000 });

  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(dialogs).toEqual(['beforeunload']);

  const notice = page.getByRole('region', { name: 'Interrupted run' });
  await expect(notice).toContainText('A training run was interrupted');
  await expect(notice).toContainText('37 epochs');
  const checkpoint = 'Checkpoint of an interrupted run (Demo topics (sports, technology, cooking, weather))';
  await expect(notice).toContainText(`are kept as “${checkpoint}” under Saved models`);
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await notice.getByRole('button', { name: /^Restore settings/ }).click();
  await expect(page.getByText(/restored: press Train/)).toBeVisible();
  await openStep(page, 'Train');
  await expect(page.getByRole('spinbutton', { name: 'Epochs' })).toHaveValue('37');
  // The checkpoint is a saved model like any other: it loads.
  await openStep(page, 'Export');
  const item = page.getByRole('list', { name: 'Saved models' }).getByRole('listitem', { name: checkpoint });
  await item.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByText(`Loaded "${checkpoint}"`)).toBeVisible();
  // Offered once: a further reload (no run in progress) neither asks nor shows it.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await expect(page.getByRole('region', { name: 'Interrupted run' })).toHaveCount(0);
  expect(dialogs).toEqual(['beforeunload']);
});
