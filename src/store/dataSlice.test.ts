import { beforeEach, describe, expect, it } from 'vitest';
import { useStudio } from './store';
import { fixtureSummary, fixtureTable, resetStore } from './testFixtures';

const store = () => useStudio.getState();
const sample = (id: string) => ({ id, name: id, description: '', file: `${id}.csv`, rows: 10, classes: ['a', 'b'], source: '', license: 'CC0', sizeBytes: 100 });

beforeEach(resetStore);

describe('data slice', () => {
  it.each([
    { samples: [sample('spam'), sample('news')], picked: 'spam' },
    { samples: [], picked: '' },
  ])('samplesLoaded lists $samples.length samples and picks "$picked"', ({ samples, picked }) => {
    store().samplesLoaded(samples);
    expect(store().data.samples).toEqual(samples);
    expect(store().data.sampleId).toBe(picked);
  });

  it('selectSample picks a sample', () => {
    store().samplesLoaded([sample('spam'), sample('news')]);
    store().selectSample('news');
    expect(store().data.sampleId).toBe('news');
  });

  it('loadStarted clears what the last load left and shows what is read', () => {
    store().showDataError('bad file');
    store().cancelLoadRequested();
    store().loadProgressed({ bytes: 10, totalBytes: 100, rows: 1 });
    store().loadStarted('news.csv');
    expect(store().data).toMatchObject({ loading: 'news.csv', error: null, notice: null, progress: null, cancelling: false });
  });

  it('tableLoaded maps the guessed columns with the summary in one update', () => {
    const table = fixtureTable({ guess: { text: 2, label: 0 } });
    const summary = fixtureSummary();
    const options = { format: 'csv', delimiter: ';', header: true } as const;
    store().tableLoaded(table, options, { summary, error: null });
    expect(store().data).toMatchObject({ table, ingestOptions: options, textColumns: [2], labelColumn: 0, summary, error: null });
  });

  it('tableLoaded keeps the table when mapping its columns failed', () => {
    store().tableLoaded(fixtureTable(), store().data.ingestOptions, { summary: null, error: 'only one class' });
    expect(store().data).toMatchObject({ table: fixtureTable(), summary: null, error: 'only one class' });
  });

  it.each([
    { cancelling: false, error: 'Not a text file', notice: null },
    { cancelling: true, error: null, notice: 'Not a text file' },
  ])('a failed load while cancelling=$cancelling shows error $error and notice $notice', ({ cancelling, error, notice }) => {
    store().loadStarted('big.csv');
    if (cancelling) store().cancelLoadRequested();
    store().loadFailed('Not a text file');
    expect(store().data).toMatchObject({ error, notice });
  });

  it('loadEnded is no longer busy', () => {
    store().loadStarted('big.csv');
    store().loadProgressed({ bytes: 10, totalBytes: null, rows: 2 });
    store().cancelLoadRequested();
    store().loadEnded();
    expect(store().data).toMatchObject({ loading: null, progress: null, cancelling: false });
  });

  it('a failed load leaves the previous table and summary', () => {
    store().tableLoaded(fixtureTable(), store().data.ingestOptions, { summary: fixtureSummary(), error: null });
    store().loadStarted('other.csv');
    store().loadFailed('broken');
    store().loadEnded();
    expect(store().data.table).toEqual(fixtureTable());
    expect(store().data.summary).toEqual(fixtureSummary());
  });

  it('setColumns clears the error; the summary follows', () => {
    store().summaryFailed('label column has one class');
    expect(store().data).toMatchObject({ summary: null, error: 'label column has one class' });
    store().setColumns([0, 2], 1);
    expect(store().data).toMatchObject({ textColumns: [0, 2], labelColumn: 1, error: null });
    store().summaryReady(fixtureSummary());
    expect(store().data.summary).toEqual(fixtureSummary());
  });

  it('format overrides and drop duplicates', () => {
    store().setIngestOptions({ format: 'tsv', delimiter: '\t', header: false });
    store().setDropDuplicates(true);
    expect(store().data).toMatchObject({ ingestOptions: { format: 'tsv', delimiter: '\t', header: false }, dropDuplicates: true });
  });

  it('a test file read is held; a failed one leaves it and says why; "Split from the data" forgets it', () => {
    const held = { name: 'test.csv', report: { name: 'test.csv', rows: 3, examples: 2, unknownLabels: [{ label: 'x', count: 1 }], skipped: 0, classCounts: [1, 1] }, error: null };
    store().setTestSet('file');
    store().testFileStarted('test.csv');
    expect(store().data.testFileBusy).toBe('Reading the test file “test.csv”…');
    store().testFileLoaded(held);
    expect(store().data).toMatchObject({ testSet: 'file', testFile: held, testFileBusy: null, testFileError: null });
    store().testFileStarted('bad.csv');
    store().testFileFailed('The test file "bad.csv" has no column "title"');
    expect(store().data).toMatchObject({ testFile: held, testFileBusy: null, testFileError: 'The test file "bad.csv" has no column "title"' });
    // Columns mapped again: the held file comes back matched to them (here: no longer fitting).
    const misfit = { name: 'test.csv', report: null, error: 'no column "body"' };
    store().summaryReady(fixtureSummary(), misfit);
    expect(store().data.testFile).toEqual(misfit);
    store().summaryReady(fixtureSummary());
    expect(store().data.testFile).toEqual(misfit);
    store().setTestSet('split');
    expect(store().data).toMatchObject({ testSet: 'split', testFile: null, testFileError: null });
  });
});
