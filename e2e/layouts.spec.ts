import { expect, test, type Page } from '@playwright/test';
import { openStep } from './helpers';

/** A tiny news file: a class column, then a title and a description per row (the layout). */
const TOPICS = {
  business: { titles: ['Shares climb', 'Bank lifts rates', 'Oil prices rise', 'Profits beat forecasts'], words: 'market investors stocks earnings quarter' },
  sports: { titles: ['Late goal wins it', 'Champions crowned', 'Striker signs deal', 'Coach resigns'], words: 'match team season league fans' },
};

function newsCsv(rowsPerClass: number, extra: string[] = []): string {
  const lines = ['class,title,description'];
  for (let i = 0; i < rowsPerClass; i++) {
    for (const [label, topic] of Object.entries(TOPICS)) {
      const title = topic.titles[i % topic.titles.length];
      lines.push(`${label},${title} ${i},"The ${topic.words.split(' ')[i % 5]} story, part ${i}: ${topic.words}"`);
    }
  }
  return [...lines, ...extra].join('\n');
}

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

async function uploadNews(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await page.getByLabel('Upload dataset').setInputFiles(csv('news.csv', newsCsv(12)));
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('24 examples');
}

async function trainTiny(page: Page): Promise<void> {
  await openStep(page, 'Model');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Tiny' });
  await openStep(page, 'Train');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('3');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Training summary' })).toBeVisible({ timeout: 150_000 });
}

test('two text columns: title and description joined in the preview, the label column cannot be one, a Tiny run trains', async ({ page }) => {
  await uploadNews(page);
  const columns = page.getByRole('group', { name: 'Text columns' });
  const title = columns.getByRole('checkbox', { name: 'title', exact: true });
  const description = columns.getByRole('checkbox', { name: 'description', exact: true });
  // Guessed: the longest cells are the text, "class" is the label (and cannot be a text column).
  await expect(description).toBeChecked();
  await expect(title).not.toBeChecked();
  await expect(columns.getByRole('checkbox', { name: 'class', exact: true })).toBeDisabled();

  await title.check();
  // Several text columns: the preview shows the texts as training sees them, joined in column order.
  const used = page.getByRole('table', { name: 'Examples as used' });
  await expect(used.locator('caption')).toContainText('text from “title” + “description” (joined with a space), label from “class”');
  await expect(used.getByRole('row').nth(1)).toContainText('Shares climb 0 The market story, part 0: market investors stocks earnings quarter');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('24 examples');

  // None checked: said at once, and nothing to train on until one is checked again.
  await title.uncheck();
  await description.uncheck();
  await expect(page.getByRole('alert')).toContainText('No text column is checked: check at least one column under "Text columns"');
  await description.check();
  await title.check();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(used.getByRole('row').nth(1)).toContainText('Shares climb 0 The market');

  await trainTiny(page);
  await openStep(page, 'Evaluate');
  // The model reads texts as it was trained: title and description of a new row predict as one text.
  await page.getByLabel('Predict a file').setInputFiles(csv('new.csv', 'title,description\nShares climb,The market story\n'));
  await expect(page.getByRole('status').filter({ hasText: 'Predicted 1 texts from columns “title + description”' })).toBeVisible();
  await page.getByLabel('Predict a file').setInputFiles(csv('other.csv', 'headline,description\nShares climb,The market story\n'));
  await expect(page.getByRole('alert')).toContainText('"other.csv" has no column "title": this model reads its texts from columns "title" and "description"');
});

test('a separate test file: the data splits into train and validation, Evaluate reports on the file, unknown labels are listed', async ({ page }) => {
  await uploadNews(page);
  await page.getByRole('group', { name: 'Text columns' }).getByRole('checkbox', { name: 'title', exact: true }).check();
  const testSet = page.getByRole('radiogroup', { name: 'Test set' });
  await expect(testSet.getByRole('radio', { name: 'Split from the data', exact: true })).toBeChecked();
  await testSet.getByRole('radio', { name: 'Separate file', exact: true }).check();

  // A file without the columns is refused, naming them; nothing else changes.
  await page.getByLabel('Test file').setInputFiles(csv('wrong.csv', 'class,headline\nsports,Late goal\nbusiness,Shares climb\n'));
  await expect(page.getByRole('alert')).toContainText('The test file "wrong.csv" has no columns "title" and "description"');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('24 examples');

  // Two rows of a class the data does not have: reported with their count, left out of the scores.
  const test = newsCsv(3, ['science,Mars probe lands,"A rover, a crater"', 'science,New comet,"Seen tonight"']);
  await page.getByLabel('Test file').setInputFiles(csv('news-test.csv', test));
  const status = page.getByRole('status', { name: 'Test file' });
  await expect(status).toContainText('Test file: news-test.csv · 6 texts to score (of 8 rows)');
  await expect(status).toContainText('2 row(s) have labels that are not classes of the training data and are left out of the scores: "science" (2).');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The split table: no test rows from the data, the file's rows per class instead.
  await expect(page.getByRole('table', { name: 'Split' }).getByRole('row', { name: /All classes/ }).getByRole('cell').nth(2)).toHaveText('6');
  await expect(page.getByText('test from the file “news-test.csv”')).toBeVisible();

  await trainTiny(page);
  await expect(page.getByRole('spinbutton', { name: 'Test split' })).toBeDisabled();
  await openStep(page, 'Evaluate');
  await expect(page.getByRole('combobox', { name: 'Evaluation split' })).toHaveValue('test');
  await expect(page.getByRole('table', { name: 'Per-class metrics' })).toContainText('Test file: news-test.csv · 6 texts');
  await expect(page.getByText('Test file “news-test.csv”: 2 row(s) have labels that are not classes of the training data')).toBeVisible();
});
