import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Tricky and malformed files, generated here, each with the exact message or count it must
 * produce. Errors are role=alert and leave the previous dataset loaded; what the reader noticed
 * is listed under "How the file was read"; checks of the data are in the "Dataset summary".
 */

const latin1 = (s: string) => Buffer.from(s, 'latin1');
const utf8 = (s: string) => Buffer.from(s, 'utf8');
/** UTF-16 little-endian; with the byte-order mark FF FE when `bom`. */
const utf16le = (s: string, bom: boolean) => Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(s, 'utf16le')]);

interface Fixture {
  about: string;
  name: string;
  bytes: Buffer;
  /** role=alert text, exactly. */
  alert?: string | RegExp;
  /** "N examples" in the Dataset summary. */
  examples?: number;
  classes?: number;
  /** Exact items of "How the file was read". */
  notices?: string[];
  /** Exact items of "Data checks" (warnings) that must be there. */
  checks?: string[];
  /** Text that must be in the "Data preview" table. */
  preview?: string;
  /** Selected option of "File format". */
  format?: string;
}

const FIXTURES: Fixture[] = [
  {
    about: 'bad quotes',
    name: 'bad-quotes.csv',
    bytes: utf8('text,label\n"fine" print,pos\nok,neg\n"never closed,neg\nlost,pos\n'),
    examples: 2,
    notices: [
      '1 row(s) have a quoted text followed by more characters (rows 1): the text was read on to the next delimiter. Inside a quoted text, write a quote as "".',
      'The quote that opens a text in row 3 never closes: everything after it was read into that one row. Close the quote, or choose File format "TSV" if quotes in this file are ordinary characters.',
    ],
    checks: ['1 row(s) have too few columns to reach "text" and "label" and were skipped (rows 3).'],
  },
  {
    about: 'ragged rows',
    name: 'ragged.csv',
    bytes: utf8('text,label\ngood film,pos\nbad film\ngreat, really great,pos\nfine,pos,extra\ndull,neg\n'),
    examples: 4,
    notices: [
      '2 row(s) have more than 2 cells: the extra cells are ignored (rows 3, 4). A delimiter inside an unquoted text? Quote such texts, or choose another "Delimiter".',
    ],
    checks: ['1 row(s) have too few columns to reach "text" and "label" and were skipped (rows 2).'],
  },
  { about: 'empty file', name: 'empty.csv', bytes: Buffer.alloc(0), alert: '"empty.csv" is empty: choose a file with a header row and labeled texts.' },
  {
    about: 'only blank lines',
    name: 'blank.csv',
    bytes: utf8('\n  \n\n'),
    alert: '"blank.csv" has no rows: it needs a text and a label on each line or row.',
  },
  {
    about: 'one class',
    name: 'one-class.csv',
    bytes: utf8('text,label\nwin money now,spam\nfree prize,spam\nclaim your reward,spam\n'),
    // Unusable files are refused: the dataset in use stays.
    alert: '"one-class.csv" has only one class ("spam" in "label"): a classifier needs at least two different labels. Choose a file with texts of two or more classes.',
  },
  {
    about: 'binary file (PNG header)',
    name: 'picture.png',
    bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    alert: '"picture.png" is a PNG image, not text. Export it as CSV, TSV, JSON or plain text lines and upload that.',
  },
  {
    about: 'binary file without a signature',
    name: 'blob.bin',
    bytes: Buffer.from([0x61, 0x2c, 0x62, 0x00, 0x0a, 0x00, 0x00, 0x07, 0x13]),
    alert: '"blob.bin" looks binary (it contains NUL bytes), not text. Upload a CSV, TSV, JSON or text file.',
  },
  {
    about: 'Latin-1 text',
    name: 'latin1.csv',
    bytes: latin1('text,label\ncafé crème brûlée,fr\nnaïve façade,en\n'),
    examples: 2,
    notices: ['This file is not valid UTF-8; it was read as Windows-1252 (Latin-1). Check accented letters in the preview.'],
    preview: 'café crème brûlée',
  },
  {
    about: 'UTF-16 LE with BOM',
    name: 'utf16.csv',
    bytes: utf16le('text,label\n日本語のテキスト,ja\nEnglish text,en\nencore du texte,fr\n', true),
    examples: 3,
    notices: ['Decoded as UTF-16 (little-endian).'],
    preview: '日本語のテキスト',
  },
  {
    about: 'UTF-16 LE without BOM',
    name: 'utf16-nobom.csv',
    bytes: utf16le('text,label\nhello there,en\nbonjour tout le monde,fr\n', false),
    examples: 2,
    notices: ['Decoded as UTF-16 (little-endian) without a byte-order mark, recognised by its zero bytes. Check the preview.'],
  },
  {
    about: 'UTF-8 BOM',
    name: 'bom.csv',
    bytes: utf8('\ufefftext,label\nwith a byte order mark,a\nand another row,b\n'),
    examples: 2,
    notices: [],
    preview: 'with a byte order mark',
  },
  {
    about: 'literal quote in TSV',
    name: 'quotes.tsv',
    bytes: utf8('label\ttext\nham\t"Hello there\nspam\tWin "cash" now\nham\tsee you"\n'),
    examples: 3,
    // Read with literal quotes, every row is whole: that the quote-aware count differs changes
    // nothing the user should do, so no notice (the parser's unit tests pin its wording).
    notices: [],
    format: 'Automatic (TSV)',
  },
  {
    about: 'U+0085 inside a text',
    name: 'nel.csv',
    bytes: utf8('text,label\nfirst\u0085line,a\nsecond\u2028line,b\nthird,a\n'),
    examples: 3,
    notices: [],
  },
  {
    about: 'JSON',
    name: 'data.json',
    bytes: utf8(JSON.stringify([{ text: 'good', label: 'pos' }, { text: 'bad', label: 'neg' }, { text: 'fine', label: ['pos', 'meh'] }])),
    examples: 3,
    notices: ['1 row(s) have a list of several values in a field; the first value was used.'],
    format: 'Automatic (JSON)',
  },
  {
    about: 'broken JSON',
    name: 'broken.json',
    bytes: utf8('[{"text": "good", "label": "pos"},\n {"text": "bad", "label": }]'),
    // The part in brackets is the browser's own JSON.parse message.
    alert: /^"broken\.json" is not valid JSON at line 2, column 27 \(.+\)\. Fix it there, or choose another "File format"\.$/,
  },
  {
    about: 'JSON Lines',
    name: 'data.jsonl',
    bytes: utf8('{"text": "good", "label": "pos"}\n{"text": "bad", "label": "neg"}\n[oops\n{"text": "fine", "label": "pos"}\n'),
    examples: 3,
    format: 'Automatic (JSON Lines)',
  },
  {
    about: 'fastText',
    name: 'train.txt',
    bytes: utf8('__label__pos great film\n__label__neg __label__meh dull plot\n__label__pos fine acting\n'),
    examples: 3,
    notices: ['1 line(s) have several __label__ labels; the first label of each was used (lines 2).'],
    format: 'Automatic (fastText lines)',
  },
];

async function upload(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.getByLabel('Upload dataset').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
}

test.describe('bad input', () => {
  test.describe.configure({ mode: 'serial' });
  let page: Page;
  const pageErrors: string[] = [];

  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto('/');
    await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  });
  test.afterAll(async () => {
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  for (const f of FIXTURES) {
    test(`${f.about}: ${f.alert ? 'refused with its message' : `${f.examples} examples`}`, async () => {
      const caption = page.getByRole('table', { name: 'Data preview' }).locator('caption');
      const before = await caption.innerText();
      await upload(page, f.name, f.bytes);
      if (f.examples === undefined) {
        // Refused: the message is an alert, and the previous dataset stays.
        await expect(page.getByRole('alert').filter({ hasText: f.name })).toHaveText(f.alert!);
        await expect(page.getByText(/^Still using “/)).toBeVisible();
        expect(await caption.innerText()).toBe(before);
        return;
      }
      await expect(caption).toContainText(`“${f.name}”`);
      const summary = page.getByRole('region', { name: 'Dataset summary' });
      await expect(summary).toContainText(`${f.examples} examples`);
      if (f.classes !== undefined) await expect(summary).toContainText(`${f.classes} ${f.classes === 1 ? 'class' : 'classes'}`);
      if (f.alert) await expect(summary.getByRole('alert')).toHaveText(f.alert);
      if (f.notices) {
        const list = page.getByRole('list', { name: 'How the file was read' }).getByRole('listitem');
        await expect(list).toHaveText(f.notices);
      }
      for (const check of f.checks ?? []) {
        await expect(page.getByRole('list', { name: 'Data checks' }).getByRole('listitem').filter({ hasText: check })).toHaveText(check);
      }
      if (f.preview) await expect(page.getByRole('table', { name: 'Data preview' })).toContainText(f.preview);
      if (f.format) await expect(page.getByRole('combobox', { name: 'File format' }).locator('option:checked')).toHaveText(f.format);
    });
  }

  test('overrides re-read the file: TSV as CSV, then the header switched off', async () => {
    await upload(page, 'override.tsv', utf8('label\ttext\nham\t"Hello there\nspam\tWin "cash" now\nham\tsee you"\n'));
    const summary = page.getByRole('region', { name: 'Dataset summary' });
    await expect(page.getByRole('table', { name: 'Data preview' }).locator('caption')).toContainText('“override.tsv”');
    await expect(summary).toContainText('3 examples');
    await page.getByRole('combobox', { name: 'File format' }).selectOption('csv');
    await expect(page.getByRole('combobox', { name: 'Delimiter' })).toHaveValue('auto');
    await expect(page.getByRole('combobox', { name: 'Delimiter' }).locator('option:checked')).toHaveText('Automatic (Tab)');
    await expect(summary).toContainText('2 examples');
    await expect(page.getByRole('list', { name: 'How the file was read' }).getByRole('listitem').first()).toHaveText(
      '1 row(s) have a quoted text followed by more characters (rows 1): the text was read on to the next delimiter. Inside a quoted text, write a quote as "".',
    );
    const header = page.getByRole('checkbox', { name: 'First row is a header' });
    await expect(header).toBeChecked();
    await header.uncheck();
    await expect(page.getByRole('table', { name: 'Data preview' }).locator('caption')).toContainText('no header row');
    const textColumns = page.getByRole('group', { name: 'Text columns' }).getByRole('checkbox');
    await expect(textColumns).toHaveCount(2);
    await expect(page.getByRole('group', { name: 'Text columns' }).getByRole('checkbox', { name: 'Column 1', exact: true })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Text columns' }).getByRole('checkbox', { name: 'Column 2', exact: true })).toBeVisible();
  });

  test('"Drop duplicates" removes repeats and conflicting texts in the worker', async () => {
    const rows = ['text,label'];
    for (let i = 0; i < 6; i++) rows.push(`sunny day ${i},weather`, `goal scored ${i},sports`);
    rows.push('same text,weather', 'same text,weather', 'clash,weather', 'clash,sports');
    await upload(page, 'dups.csv', utf8(rows.join('\n')));
    const summary = page.getByRole('region', { name: 'Dataset summary' });
    await expect(summary).toContainText('16 examples');
    const checks = page.getByRole('list', { name: 'Data checks' });
    await expect(checks).toContainText('1 text(s) in "text" appear more than once (1 extra copies; rows 13 = 14).');
    await expect(checks).toContainText('1 text(s) have copies with different labels in "label" (2 rows; rows 15 (weather) = 16 (sports)).');
    await page.getByRole('checkbox', { name: 'Drop duplicates' }).check();
    await expect(summary).toContainText('13 examples');
    await expect(summary).toContainText('3 duplicate rows dropped');
    // The split table counts the 13 kept examples; each class has at least one validation example.
    const total = page.getByRole('table', { name: 'Split' }).getByRole('row', { name: /All classes/ }).getByRole('cell');
    await expect.poll(async () => (await total.allInnerTexts()).reduce((sum, t) => sum + Number(t), 0)).toBe(13);
    expect(Number(await total.nth(1).innerText())).toBeGreaterThanOrEqual(2);
    await page.getByRole('checkbox', { name: 'Drop duplicates' }).uncheck();
    await expect(summary).toContainText('16 examples');
  });
});

const SMS = fileURLToPath(new URL('../../shared/data/sms_spam_collection/SMSSpamCollection', import.meta.url));

test('the real SMS Spam Collection: 5,574 examples, 2 classes, and no notice about its quotes', async ({ page }) => {
  test.skip(!existsSync(SMS), `The shared data folder is absent: ${SMS} (the test reads it from ../shared/data next to the repository).`);
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Dataset summary' })).toContainText('240 examples');
  await upload(page, 'SMSSpamCollection', readFileSync(SMS));
  const summary = page.getByRole('region', { name: 'Dataset summary' });
  await expect(page.getByRole('table', { name: 'Data preview' }).locator('caption')).toContainText('“SMSSpamCollection” (5,574 rows, no header row)');
  await expect(summary).toContainText('5,574 examples');
  await expect(summary).toContainText('2 classes');
  // Read with literal quotes every row is whole: no notice that the two row counts differ (issue 15).
  await expect(page.getByRole('list', { name: 'How the file was read' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Label column' }).locator('option:checked')).toHaveText('Column 1');
  await expect(page.getByRole('list', { name: 'Class distribution' })).toContainText('4,827');
  await expect(page.getByRole('list', { name: 'Class distribution' })).toContainText('747');
});
