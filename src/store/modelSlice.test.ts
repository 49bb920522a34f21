import { beforeEach, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../core/model/modelSpec';
import { PRESETS } from '../core/train/presets';
import { CUSTOM_PRESET, UNDO_LIMIT } from './modelSlice';
import { useStudio } from './store';
import { resetStore } from './testFixtures';

const store = () => useStudio.getState();
const withVocab = (vocabSize: number): ModelSpec => ({ ...store().model.spec, vocabSize });

beforeEach(resetStore);

describe('model slice', () => {
  it('starts with the first preset and no history', () => {
    const { model } = store();
    expect(model.presetId).toBe(PRESETS[0].id);
    expect(model.spec).toEqual(PRESETS[0].spec);
    expect(model.spec).not.toBe(PRESETS[0].spec);
    expect(model.past).toEqual([]);
    expect(model.future).toEqual([]);
  });

  it('editSpec replaces the spec, marks it custom and pushes the previous version for undo', () => {
    const before = store().model.spec;
    const next = withVocab(1234);
    store().editSpec(next);
    const { model } = store();
    expect(model.spec).toBe(next);
    expect(model.presetId).toBe(CUSTOM_PRESET);
    expect(model.past).toEqual([{ spec: before, presetId: PRESETS[0].id }]);
  });

  it('editSpec with the spec already there changes nothing', () => {
    store().editSpec(store().model.spec, 'other');
    expect(store().model.past).toEqual([]);
    expect(store().model.presetId).toBe(PRESETS[0].id);
  });

  it('undo and redo walk the history both ways', () => {
    const first = store().model.spec;
    const a = withVocab(100);
    store().editSpec(a);
    const b = withVocab(200);
    store().editSpec(b, 'named');

    store().undo();
    expect(store().model.spec).toBe(a);
    expect(store().model.presetId).toBe(CUSTOM_PRESET);
    store().undo();
    expect(store().model.spec).toBe(first);
    expect(store().model.presetId).toBe(PRESETS[0].id);
    expect(store().model.past).toEqual([]);
    expect(store().model.future.map((v) => v.spec)).toEqual([a, b]);

    store().redo();
    store().redo();
    expect(store().model.spec).toBe(b);
    expect(store().model.presetId).toBe('named');
    expect(store().model.future).toEqual([]);
  });

  it.each(['undo', 'redo'] as const)('%s with nothing to go back to changes nothing', (action) => {
    const before = store().model;
    store()[action]();
    expect(store().model).toBe(before);
  });

  it('a new edit after undo drops the redo branch', () => {
    store().editSpec(withVocab(100));
    store().undo();
    expect(store().model.future).toHaveLength(1);
    store().editSpec(withVocab(300));
    expect(store().model.future).toEqual([]);
  });

  it(`keeps at most ${UNDO_LIMIT} versions, dropping the oldest`, () => {
    for (let i = 1; i <= UNDO_LIMIT + 5; i++) store().editSpec(withVocab(1000 + i));
    const { past } = store().model;
    expect(past).toHaveLength(UNDO_LIMIT);
    // The initial spec and the first five edits are gone; the newest kept version is the one before the last edit.
    expect(past[0].spec.vocabSize).toBe(1005);
    expect(past[past.length - 1].spec.vocabSize).toBe(1000 + UNDO_LIMIT + 4);
  });

  it('adjustSpec replaces the spec as custom without an undo entry', () => {
    const next = withVocab(777);
    store().adjustSpec(next);
    expect(store().model.spec).toBe(next);
    expect(store().model.presetId).toBe(CUSTOM_PRESET);
    expect(store().model.past).toEqual([]);
  });

  it('measuring and calibration', () => {
    store().measureStarted();
    expect(store().model.measuring).toBe(true);
    store().setCalibration({ backend: 'wasm', samplesPerSecond: 250, trainFlops: 1e6 });
    store().measureEnded();
    expect(store().model).toMatchObject({ measuring: false, calibration: { backend: 'wasm', samplesPerSecond: 250, trainFlops: 1e6 } });
  });
});
