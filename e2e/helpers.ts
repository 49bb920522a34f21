import { expect, type Page } from '@playwright/test';

/** Starts collecting main-thread long tasks (ms) on the page; read them with longTasks(). */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
}

export async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
}

/** Opens a step of the rail. */
export async function openStep(page: Page, name: 'Data' | 'Preprocess' | 'Model' | 'Train' | 'Evaluate' | 'Export'): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${name}\\b`) }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

/** Loads a sample by its name in the "Sample dataset" combobox and waits for the summary. */
export async function loadSample(page: Page, optionText: RegExp): Promise<void> {
  await openStep(page, 'Data');
  const select = page.getByRole('combobox', { name: 'Sample dataset' });
  const value = await select.locator('option', { hasText: optionText }).first().getAttribute('value');
  await select.selectOption(value!);
  await page.getByRole('button', { name: 'Load sample', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toBeVisible();
}

/** Number of points a chart's caption reports, e.g. "1,212 batch points (1,000 drawn), 1 epoch point". */
export async function chartPoints(page: Page, name: 'Loss chart' | 'Accuracy chart'): Promise<{ batch: number; epoch: number }> {
  const caption = await page.getByRole('figure', { name }).locator('figcaption').innerText();
  const batch = Number(/([\d,]+) batch points?\b/.exec(caption)?.[1].replaceAll(',', '') ?? NaN);
  const epoch = Number(/([\d,]+) epoch points?\b/.exec(caption)?.[1].replaceAll(',', '') ?? NaN);
  return { batch, epoch };
}

/** Reads a percentage that follows a label in a region's text, e.g. "Validation accuracy 91.7%". */
export async function percentAfter(page: Page, region: string, label: string): Promise<number> {
  const text = await page.getByRole('region', { name: region }).innerText();
  const match = new RegExp(`${label}\\s*([\\d.]+)%`).exec(text);
  if (!match) throw new Error(`No "${label} N%" in ${region}: ${text}`);
  return Number(match[1]) / 100;
}
