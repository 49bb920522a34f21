import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openStep } from './helpers';

const STEPS = ['Data', 'Preprocess', 'Model', 'Train', 'Evaluate', 'Export'] as const;

/** Serious and critical axe violations of the page as it is now, one line each. */
async function violations(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${where}: ${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(0, 2).join(' ') ?? ''}`));
}

/** Every step, before and after training Tiny, in the light and the dark theme: no serious or critical violation. */
for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: every step before and after training, ${colorScheme} theme`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.emulateMedia({ colorScheme });
    await page.goto('/');
    await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
    const found: string[] = [];
    const visitAll = async (when: string) => {
      for (const step of STEPS) {
        await openStep(page, step);
        if (step === 'Preprocess') await expect(page.getByRole('table', { name: 'Token count percentiles' })).toBeVisible({ timeout: 60_000 });
        if (step === 'Model') await expect(page.getByRole('figure', { name: 'Model diagram' }).locator('svg')).toBeVisible({ timeout: 60_000 });
        await expect(page.getByRole('figure', { name: 'Pipeline diagram' }).locator('svg')).toBeVisible({ timeout: 60_000 });
        found.push(...(await violations(page, `${step} ${when}`)));
      }
    };
    await visitAll('before training');

    await openStep(page, 'Model');
    await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Tiny' });
    await openStep(page, 'Train');
    await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Training summary' })).toBeVisible({ timeout: 180_000 });
    await openStep(page, 'Evaluate');
    await expect(page.getByRole('table', { name: 'Confusion matrix' })).toBeVisible({ timeout: 60_000 });
    await page.getByRole('textbox', { name: 'Try a text' }).fill('The striker scored twice and the team won the final');
    await expect(page.getByRole('region', { name: 'Prediction' })).toContainText('Predicted:');
    await visitAll('after training');
    expect(found).toEqual([]);
  });
}
