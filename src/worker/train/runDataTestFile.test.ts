import { afterEach, describe, expect, it } from 'vitest';
import { matchTestTable } from '../../core/data/testFile';
import { PRESETS } from '../../core/train/presets';
import { defaultTrainConfig } from '../../core/train/trainConfig';
import { defaultTokenizerOptions } from '../../core/text/tokenizerMode';
import { session } from '../session';
import { dataOf, prepareData } from './runData';

const classes = ['a', 'b'];
const data = {
  texts: Array.from({ length: 20 }, (_, i) => `${i % 2 ? 'beta' : 'alpha'} text number ${i}`),
  labels: Int32Array.from({ length: 20 }, (_, i) => i % 2),
  classes,
};
const request = { spec: PRESETS[0].spec, config: { ...defaultTrainConfig(), validationSplit: 0.2, testSplit: 0.25 }, tokenizer: defaultTokenizerOptions() };

afterEach(() => {
  session.testFile = null;
});

describe('prepareData with a separate test file', () => {
  it('without one, the test split comes from the data', () => {
    const run = prepareData(data, request);
    expect(run.testFile).toBeNull();
    expect(run.split.test.length).toBeGreaterThan(0);
    expect(run.dataset).toBe(data);
  });

  it('with one, the data splits into train and validation only and the test rows are the file, encoded with the run tokenizer', () => {
    const table = { columns: ['text', 'label'], hasHeader: true, rows: [['alpha unseen words', 'a'], ['beta text', 'b'], ['gamma', 'c']] };
    const match = matchTestTable(table, 'test.csv', { textColumns: ['text'], labelColumn: 'label' }, classes);
    session.testFile = { name: 'test.csv', table, match, error: null };
    const run = prepareData(data, request);
    expect(run.testFile).toMatchObject({ name: 'test.csv', examples: 2, unknownLabels: [{ label: 'c', count: 1 }] });
    expect(run.split.train.length + run.split.validation.length).toBe(20);
    expect(Array.from(run.split.test)).toEqual([20, 21]);
    expect(run.dataset.texts.slice(20)).toEqual(['alpha unseen words', 'beta text']);
    expect(Array.from(run.data.labels.subarray(20))).toEqual([0, 1]);
    // The tokenizer was fitted on the training rows only: "unseen" (test file only) has no id.
    expect(run.tokenizer.wordIndex.has('unseen')).toBe(false);
    expect(run.tokenizer.wordIndex.has('alpha')).toBe(true);
    const L = request.spec.sequenceLength;
    const row20 = Array.from(run.data.ids.subarray(20 * L, 21 * L)).filter((id) => id > 0);
    expect(row20).toEqual([run.tokenizer.wordIndex.get('alpha')]);
    // The model describes the data itself, not the test file.
    expect(run.dataRows).toBe(20);
    expect(dataOf(run).texts).toEqual(data.texts);
  });

  it('refuses to train when the held test file no longer fits the data', () => {
    session.testFile = { name: 'test.csv', table: { columns: ['x'], rows: [], hasHeader: true }, match: null, error: 'The test file "test.csv" has no column "text"' };
    expect(() => prepareData(data, request)).toThrow('The test file "test.csv" has no column "text"');
  });
});
