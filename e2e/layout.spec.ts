import { expect, test, type Page } from '@playwright/test';
import { openStep } from './helpers';

const STEPS = ['Data', 'Preprocess', 'Model', 'Train', 'Evaluate', 'Export'] as const;

/** The page's sideways overflow, with the widest elements that stick out past the viewport. */
async function overflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits };
  });
}

async function expectNoSidewaysScroll(page: Page, when: string): Promise<void> {
  for (const step of STEPS) {
    await openStep(page, step);
    const o = await overflow(page);
    expect(o.scrollWidth, `${step} step ${when}: ${o.culprits.join('; ')}`).toBeLessThanOrEqual(o.clientWidth);
  }
}

test.use({ viewport: { width: 375, height: 800 } });

test('at 375 px no step scrolls sideways, before and after training Tiny', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await expectNoSidewaysScroll(page, 'before training');

  await openStep(page, 'Model');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Tiny' });
  await openStep(page, 'Train');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('2');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Training summary' })).toBeVisible({ timeout: 120_000 });
  await expectNoSidewaysScroll(page, 'after training');
});
