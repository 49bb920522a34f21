import { beforeEach, describe, expect, it } from 'vitest';
import { useStudio } from '../store/store';
import { fixtureTable, resetStore } from '../store/testFixtures';
import { forgetRun, noteCheckpoint, readInterruptedRun, rememberRun } from './interruptedRun';

/** Node has no localStorage: a Map stands in for it. */
function fakeStorage(): void {
  const items = new Map<string, string>();
  globalThis.localStorage = {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    clear: () => items.clear(),
    key: () => null,
    get length() {
      return items.size;
    },
  };
}

beforeEach(() => {
  resetStore();
  fakeStorage();
});

describe('interrupted run record', () => {
  it('keeps the settings of the run starting now, then its checkpoint, until forgotten', () => {
    useStudio.getState().setTrainConfig({ epochs: 37 });
    rememberRun();
    const run = readInterruptedRun();
    expect(run?.config.epochs).toBe(37);
    expect(run?.dataset).toEqual({ name: '', sampleId: null });
    noteCheckpoint({ name: 'Checkpoint', epoch: 2, valAccuracy: 0.5 });
    expect(readInterruptedRun()?.checkpoint).toEqual({ name: 'Checkpoint', epoch: 2, valAccuracy: 0.5 });
    forgetRun();
    expect(readInterruptedRun()).toBeNull();
  });

  it('keeps the columns by name', () => {
    useStudio.getState().tableLoaded(fixtureTable(), useStudio.getState().data.ingestOptions, { summary: null, error: null });
    useStudio.getState().setColumns([0, 2], 1);
    rememberRun();
    expect(readInterruptedRun()?.dataset).toEqual({ name: 'spam.csv', sampleId: null, textColumns: ['id', 'text'], labelColumn: 'label' });
  });

  it('a record that is not one (hand-edited, another version) is ignored', () => {
    localStorage.setItem('text-classifier-studio.run-in-progress', '{"nonsense": true}');
    expect(readInterruptedRun()).toBeNull();
    localStorage.setItem('text-classifier-studio.run-in-progress', 'not json');
    expect(readInterruptedRun()).toBeNull();
  });
});
