import { beforeEach, describe, expect, it } from 'vitest';
import type { PreprocessStats } from '../core/text/preprocessReport';
import { useStudio } from '../store/store';
import { fixtureSummary, resetStore } from '../store/testFixtures';
import { FakePort } from './fakePort';
import { PreprocessStatsRequests } from './preprocessStats';

const store = () => useStudio.getState();
// The client passes the worker's statistics on as they come: a partial object stands for them.
const stats = (trainTexts: number) => ({ trainTexts }) as PreprocessStats;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let port: FakePort;
let requests: PreprocessStatsRequests;

beforeEach(() => {
  resetStore();
  port = new FakePort();
  requests = new PreprocessStatsRequests(port);
});

describe('PreprocessStatsRequests', () => {
  it('asks nothing without a dataset', async () => {
    await requests.refresh();
    expect(port.asked).toEqual([]);
    expect(store().preprocess.loading).toBe(false);
  });

  it('only the newest answer lands, whatever order the answers come in', async () => {
    store().summaryReady(fixtureSummary());
    void requests.refresh();
    void requests.refresh();
    expect(store().preprocess.loading).toBe(true);
    const [older, newer] = port.asked;
    newer.answer({ type: 'preprocessStatsReady', requestId: 2, stats: stats(2), elapsedMs: 5 });
    await settle();
    older.answer({ type: 'preprocessStatsReady', requestId: 1, stats: stats(1), elapsedMs: 9 });
    await settle();
    expect(store().preprocess).toMatchObject({ stats: stats(2), statsMs: 5, loading: false });
  });

  it('an older request failing does not show an error', async () => {
    store().summaryReady(fixtureSummary());
    void requests.refresh();
    void requests.refresh();
    port.asked[0].fail(new Error('stale'));
    await settle();
    expect(store().preprocess.error).toBeNull();
    port.asked[1].fail(new Error('worker busy'));
    await settle();
    expect(store().preprocess).toMatchObject({ error: 'worker busy', loading: false });
  });
});
