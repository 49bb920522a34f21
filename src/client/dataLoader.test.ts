import { beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../protocol/messages';
import { useStudio, type SampleDataset } from '../store/store';
import { fixtureSummary, fixtureTable, resetStore } from '../store/testFixtures';
import { DataLoader } from './dataLoader';
import { FakePort } from './fakePort';

const store = () => useStudio.getState();
const sample = { id: 'demo', name: 'Demo topics', file: 'demo.csv' } as SampleDataset;
const file = (name: string) => ({ name }) as File;
const flush = () => new Promise((r) => setTimeout(r, 0));

let port: FakePort;
let loader: DataLoader;

beforeEach(() => {
  resetStore();
  port = new FakePort();
  loader = new DataLoader(port);
});

/** Answers the n-th request: a table for loadDataset, a summary for mapColumns. */
function answer(n: number, reply: Answer): void {
  port.asked[n].answer(reply);
}

describe('DataLoader: the later action wins', () => {
  it('an earlier load answered after a later one started changes nothing, and is cancelled in the worker', async () => {
    const first = loader.loadFile(file('first.csv'));
    const second = loader.loadFile(file('second.csv'));
    expect(port.sent).toContainEqual({ type: 'cancelLoad', target: 1 });
    answer(0, { type: 'tableLoaded', requestId: 1, table: fixtureTable({ name: 'first.csv' }) });
    await first;
    expect(store().data.table).toBeNull();
    expect(store().data.loading).toBe('second.csv');
    answer(1, { type: 'tableLoaded', requestId: 2, table: fixtureTable({ name: 'second.csv' }) });
    await flush();
    answer(2, { type: 'datasetReady', requestId: 3, summary: fixtureSummary({ examples: 7 }), testFile: null });
    await second;
    expect(store().data.table?.name).toBe('second.csv');
    expect(store().data.summary?.examples).toBe(7);
    expect(store().data.loading).toBeNull();
  });

  it('the first visit sample is skipped once the user chose a file', async () => {
    void loader.loadFile(file('mine.csv'));
    await loader.loadDefaultSample(sample);
    expect(port.asked.map((a) => a.message.type)).toEqual(['loadDataset']);
    expect(store().data.loading).toBe('mine.csv');
  });

  it('a refused file leaves the dataset and says why', async () => {
    const load = loader.loadFile(file('header-only.csv'));
    port.asked[0].fail(new Error('"header-only.csv" has a single row (a header without data?)'));
    await load;
    expect(store().data.error).toMatch(/single row/);
    expect(store().data.table).toBeNull();
  });
});

describe('DataLoader: columns', () => {
  it("a restored run's columns are mapped, by name, when its file is read again", async () => {
    loader.preferColumns('spam.csv', ['id', 'text'], 'label');
    const load = loader.loadFile(file('spam.csv'));
    answer(0, { type: 'tableLoaded', requestId: 1, table: fixtureTable() });
    await flush();
    expect(port.asked[1].message).toMatchObject({ type: 'mapColumns', preprocess: { textColumns: [0, 2], labelColumn: 1 } });
    answer(1, { type: 'datasetReady', requestId: 2, summary: fixtureSummary(), testFile: null });
    await load;
    expect(store().data).toMatchObject({ textColumns: [0, 2], labelColumn: 1 });
    // Only once: the next file gets the guess.
    const next = loader.loadFile(file('spam.csv'));
    answer(2, { type: 'tableLoaded', requestId: 3, table: fixtureTable() });
    await flush();
    expect(port.asked[3].message).toMatchObject({ preprocess: { textColumns: [2], labelColumn: 1 } });
    answer(3, { type: 'datasetReady', requestId: 4, summary: fixtureSummary(), testFile: null });
    await next;
  });

  it('a test file that fails leaves the previous one and says why; "Split from the data" drops it in the worker', async () => {
    const held = { name: 'test.csv', report: { name: 'test.csv', rows: 2, examples: 2, unknownLabels: [], skipped: 0, classCounts: [1, 1] }, error: null };
    await loader.setTestSet('file');
    const first = loader.loadTestFile(file('test.csv'));
    answer(0, { type: 'testFileReady', requestId: 1, testFile: held });
    await first;
    expect(store().data.testFile).toEqual(held);
    const second = loader.loadTestFile(file('bad.csv'));
    port.asked[1].fail(new Error('The test file "bad.csv" has no column "text"'));
    await second;
    expect(store().data).toMatchObject({ testFile: held, testFileError: 'The test file "bad.csv" has no column "text"', testFileBusy: null });
    const back = loader.setTestSet('split');
    expect(port.asked[2].message).toMatchObject({ type: 'loadTestFile', file: null });
    answer(2, { type: 'testFileReady', requestId: 3, testFile: null });
    await back;
    expect(store().data).toMatchObject({ testSet: 'split', testFile: null });
  });

  it('a restarted worker is told the data, then its columns, then the test file (matched against them)', async () => {
    const load = loader.loadFile(file('spam.csv'));
    answer(0, { type: 'tableLoaded', requestId: 1, table: fixtureTable() });
    await flush();
    answer(1, { type: 'datasetReady', requestId: 2, summary: fixtureSummary(), testFile: null });
    await load;
    const testFile = loader.loadTestFile(file('test.csv'));
    answer(2, { type: 'testFileReady', requestId: 3, testFile: { name: 'test.csv', report: null, error: null } });
    await testFile;
    const reload = loader.reloadAfterCrash();
    answer(3, { type: 'tableLoaded', requestId: 4, table: fixtureTable() });
    await flush();
    answer(4, { type: 'datasetReady', requestId: 5, summary: fixtureSummary(), testFile: null });
    await flush();
    answer(5, { type: 'testFileReady', requestId: 6, testFile: null });
    await reload;
    expect(port.asked.slice(3).map((a) => a.message.type)).toEqual(['loadDataset', 'mapColumns', 'loadTestFile']);
  });
});
