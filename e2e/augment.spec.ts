import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openStep } from './helpers';

const num = (s: string) => Number(s.replaceAll(',', ''));

test('"Augment small data": a Tiny run with 2 extra copies per text trains on 3× the training texts and says how many were added', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await openStep(page, 'Model');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Tiny' });
  await openStep(page, 'Train');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('2');
  await page.getByRole('combobox', { name: 'Backend' }).selectOption('engine');
  await page.getByText('Advanced settings', { exact: true }).click();
  const group = page.getByRole('group', { name: 'Augment small data' });
  const copies = group.getByRole('spinbutton', { name: 'Extra copies per text' });
  await expect(copies).toHaveValue('0');
  // Off: the strengths wait until there are copies to change.
  await expect(group.getByRole('spinbutton', { name: 'Word deletion' })).toBeDisabled();

  // A wrong strength is named at the field, and Train waits for it.
  await copies.fill('2');
  await group.getByRole('spinbutton', { name: 'Word deletion' }).fill('0.95');
  await expect(group).toContainText('Word deletion must be a chance from 0 to 0.9 (typical: 0.1).');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  // The settings, open and with a problem shown, pass axe (serious and critical).
  const axe = await new AxeBuilder({ page }).include('.advanced-settings').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await group.getByRole('spinbutton', { name: 'Word deletion' }).fill('0.1');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const status = page.getByRole('status', { name: 'Training status' });
  await expect(status).toContainText('Finished', { timeout: 180_000 });
  const counted = /([\d,]+) training texts \(([\d,]+) augmented\), validating on ([\d,]+)\./.exec((await status.textContent()) ?? '');
  expect(counted).not.toBeNull();
  const [all, added, validation] = [num(counted![1]), num(counted![2]), num(counted![3])];
  // 2 copies of each original training text; validation texts are not copied.
  expect(added).toBe(2 * (all - added));
  expect(all - added + validation).toBeLessThanOrEqual(240);
  const summary = page.getByRole('region', { name: 'Training summary' });
  await expect(summary).toContainText(`${all.toLocaleString('en-US')} train (${added.toLocaleString('en-US')} augmented) · ${validation.toLocaleString('en-US')} validation`);
  await expect(summary).toContainText('Validation accuracy');
  expect(pageErrors).toEqual([]);
});
