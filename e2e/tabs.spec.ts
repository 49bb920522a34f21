import { expect, test, type Page } from '@playwright/test';
import { openStep } from './helpers';

const savedModels = (page: Page) => page.getByRole('list', { name: 'Saved models' });
const item = (page: Page, name: string) => savedModels(page).getByRole('listitem', { name, exact: true });

async function trainTiny(page: Page): Promise<void> {
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await openStep(page, 'Model');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Tiny' });
  await openStep(page, 'Train');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Training summary' })).toBeVisible({ timeout: 180_000 });
}

async function save(page: Page, name: string): Promise<void> {
  await openStep(page, 'Export');
  await page.getByRole('textbox', { name: 'Model name' }).fill(name);
  await page.getByRole('button', { name: 'Save to browser' }).click();
}

/** Two tabs of one browser share the library: saves, renames and deletes show in both within a second. */
test('the Saved models list follows saves, renames and deletes made in another tab', async ({ context }) => {
  test.setTimeout(300_000);
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto('/');
  await b.goto('/');
  await openStep(b, 'Export');
  await expect(b.getByText('No saved models in this browser yet.')).toBeVisible();

  await trainTiny(a);
  await save(a, 'tab model');
  await expect(a.getByText('Saved "tab model" to this browser.')).toBeVisible();
  await expect(item(b, 'tab model')).toBeVisible({ timeout: 1_000 });

  // Renamed in A: B's list follows.
  await item(a, 'tab model').getByRole('button', { name: 'Rename' }).click();
  await a.getByRole('textbox', { name: 'New name for tab model' }).fill('renamed tab model');
  await a.getByRole('textbox', { name: 'New name for tab model' }).press('Enter');
  await expect(item(a, 'renamed tab model')).toBeVisible();
  await expect(item(b, 'renamed tab model')).toBeVisible({ timeout: 1_000 });
  await expect(item(b, 'tab model')).toHaveCount(0);

  // B loads it, then saving under its name asks before replacing it.
  await item(b, 'renamed tab model').getByRole('button', { name: 'Load', exact: true }).click();
  await expect(b.getByText('Loaded "renamed tab model"')).toBeVisible();
  await save(b, 'renamed tab model');
  const replace = b.getByRole('dialog', { name: 'Replace “renamed tab model”?' });
  await expect(replace).toBeVisible();
  await replace.getByRole('button', { name: 'Cancel' }).click();

  // Deleted in A: B's list drops it.
  await item(a, 'renamed tab model').getByRole('button', { name: 'Delete' }).click();
  await a.getByRole('dialog', { name: 'Delete “renamed tab model”?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(item(a, 'renamed tab model')).toHaveCount(0);
  await expect(item(b, 'renamed tab model')).toHaveCount(0, { timeout: 1_000 });
  await expect(b.getByText('No saved models in this browser yet.')).toBeVisible();
});
