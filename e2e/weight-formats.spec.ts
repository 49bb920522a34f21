import { expect, test } from '@playwright/test';
import { loadSample, openStep } from './helpers';

// Item 4 of issue 15: "Compare weight formats" runs beside the other Export actions with
// progress and Cancel; Save to browser and Download stay enabled all the while.
test('comparing weight formats shows progress and Cancel and never disables Save or Download', async ({ page }) => {
  await page.goto('/');
  await loadSample(page, /First names/);
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('examples');
  // The Keras text CNN, so the comparison lasts long enough on the CPU to be cancelled mid-way.
  await openStep(page, 'Model');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Keras text CNN' });
  await openStep(page, 'Train');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Training summary' })).toBeVisible({ timeout: 150_000 });

  await openStep(page, 'Export');
  await page.getByRole('textbox', { name: 'Model name' }).fill('formats model');
  const save = page.getByRole('button', { name: 'Save to browser' });
  const download = page.getByRole('button', { name: 'Download model' });
  await expect(save).toBeEnabled();
  // Watches every DOM change while the comparison runs: was Save or Download ever disabled by it?
  // (Saving disables both for its own duration: the observer stops looking once Save is pressed.)
  await page.evaluate(() => {
    const w = window as unknown as { __compare: { progress: boolean; saveDisabled: boolean; downloadDisabled: boolean; saving: boolean } };
    w.__compare = { progress: false, saveDisabled: false, downloadDisabled: false, saving: false };
    const button = (name: string) => Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === name);
    new MutationObserver(() => {
      if (w.__compare.saving || !document.querySelector('progress[aria-label="Weight format comparison"]')) return;
      w.__compare.progress = true;
      if (button('Save to browser')?.disabled) w.__compare.saveDisabled = true;
      if (button('Download model')?.disabled) w.__compare.downloadDisabled = true;
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });

  // First comparison: cancelled while it runs.
  await page.getByRole('button', { name: 'Compare weight formats' }).click();
  await expect(page.getByRole('progressbar', { name: 'Weight format comparison' })).toBeVisible();
  await expect(save).toBeEnabled();
  await expect(download).toBeEnabled();
  await page.getByRole('button', { name: 'Cancel the weight format comparison' }).click();
  await expect(page.getByText('Comparison cancelled.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Weight formats' })).toHaveCount(0);

  // Second: runs to the end, and Save works meanwhile.
  await page.getByRole('button', { name: 'Compare weight formats' }).click();
  await expect(page.getByRole('progressbar', { name: 'Weight format comparison' })).toBeVisible();
  await expect(save).toBeEnabled();
  await expect(download).toBeEnabled();
  await page.evaluate(() => {
    (window as unknown as { __compare: { saving: boolean } }).__compare.saving = true;
  });
  await save.click();
  await expect(page.getByText('Saved "formats model" to this browser.')).toBeVisible();
  const table = page.getByRole('table', { name: 'Weight formats' });
  await expect(table.getByRole('row')).toHaveCount(4, { timeout: 60_000 });
  await expect(table).toContainText(/Measured on (the )?[\d,]+ .*test texts held out from training \(.*[\d.]+ s\)/);
  await expect(page.getByRole('progressbar', { name: 'Weight format comparison' })).toHaveCount(0);

  const seen = await page.evaluate(() => (window as unknown as { __compare: { progress: boolean; saveDisabled: boolean; downloadDisabled: boolean } }).__compare);
  expect(seen).toMatchObject({ progress: true, saveDisabled: false, downloadDisabled: false });
});
