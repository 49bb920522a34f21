import { beforeEach, describe, expect, it } from 'vitest';
import type { ActiveModel } from './exportSlice';
import { useStudio } from './store';
import { fixtureSavedModel, resetStore } from './testFixtures';

const store = () => useStudio.getState();
const trained: ActiveModel = { id: 1, name: null, source: 'trained', classes: ['ham', 'spam'], valAccuracy: 0.85, dataset: 'spam.csv', savedAt: null };
const setActive = (active: ActiveModel | null) => useStudio.setState((s) => ({ exporting: { ...s.exporting, active } }));

beforeEach(resetStore);

describe('export slice', () => {
  it('a task shows its busy line in its scope, then its message', () => {
    store().taskFailed('old', 'library');
    store().taskStarted('download', 'Preparing the download…');
    expect(store().exporting).toMatchObject({ busy: 'Preparing the download…', scope: 'download', message: null, error: null });
    store().taskSucceeded('Downloaded "m.zip" (3.4 kB).');
    store().taskEnded();
    expect(store().exporting).toMatchObject({ busy: null, scope: 'download', message: 'Downloaded "m.zip" (3.4 kB).', error: null });
  });

  it.each([
    { scope: undefined, shownIn: 'save' },
    { scope: 'library', shownIn: 'library' },
  ] as const)('taskFailed with scope $scope shows the error in $shownIn', ({ scope, shownIn }) => {
    store().taskStarted('save', 'Saving…');
    store().taskFailed('Quota exceeded', scope);
    expect(store().exporting).toMatchObject({ error: 'Quota exceeded', scope: shownIn });
  });

  it('showExportMessage replaces the error with a message in its scope', () => {
    store().taskFailed('old', 'save');
    store().showExportMessage('library', 'Deleted "m".');
    expect(store().exporting).toMatchObject({ message: 'Deleted "m".', error: null, scope: 'library' });
  });

  it('modelsListed lists the library and the storage figures', () => {
    const saved = [fixtureSavedModel()];
    store().modelsListed(saved, { usage: 1000, quota: 1e9 });
    expect(store().exporting).toMatchObject({ saved, storage: { usage: 1000, quota: 1e9 } });
  });

  it.each([
    { active: trained, after: { ...trained, name: 'spam filter' } },
    { active: null, after: null },
  ])('activeSaved names the active model $active.source', ({ active, after }) => {
    setActive(active);
    store().activeSaved('spam filter');
    expect(store().exporting.active).toEqual(after);
  });

  it.each([
    { active: { ...trained, name: 'old' }, from: 'old', name: 'new' },
    { active: { ...trained, name: 'other' }, from: 'old', name: 'other' },
    { active: trained, from: 'old', name: null },
  ])('renaming "$from" while "$active.name" is active leaves it named $name', ({ active, from, name }) => {
    setActive(active);
    store().activeRenamed(from, 'new');
    expect(store().exporting.active?.name).toBe(name);
  });

  it('quantizationMeasured keeps the report with the model it was measured for', () => {
    const report = { split: 'test' as const, rows: 20, heldOut: 20, elapsedMs: 5, options: [{ mode: 'none' as const, weightsBytes: 4000, accuracy: 0.9, loss: 0.3 }] };
    store().quantizationMeasured(report, trained);
    expect(store().exporting.quantization).toEqual({ report, model: trained });
  });

  it('a comparison shows its progress and drops the late progress of another one', () => {
    store().comparisonProgressed({ previewId: 3, done: 0, total: 0 });
    store().comparisonProgressed({ previewId: 3, done: 128, total: 3000 });
    store().comparisonProgressed({ previewId: 2, done: 900, total: 3000 });
    expect(store().exporting.comparing).toEqual({ previewId: 3, done: 128, total: 3000 });
    store().comparisonEnded('Comparison cancelled.');
    store().comparisonProgressed({ previewId: 3, done: 256, total: 3000 });
    expect(store().exporting).toMatchObject({ comparing: null, compareError: 'Comparison cancelled.', busy: null });
  });

  it('setModelName', () => {
    store().setModelName('my model');
    expect(store().exporting.modelName).toBe('my model');
  });
});
