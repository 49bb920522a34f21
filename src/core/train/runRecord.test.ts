import { describe, expect, it } from 'vitest';
import { PRESETS } from './presets';
import { defaultTokenizerOptions } from '../text/tokenizerMode';
import { keysBeyondLimit, RUN_HISTORY_LIMIT, toRunRecord, type RunSetup } from './runRecord';

const setup: RunSetup = { dataset: 'spam.csv', spec: PRESETS[0].spec, config: PRESETS[0].train, tokenizer: defaultTokenizerOptions() };

describe('toRunRecord', () => {
  it('keeps the setup and the result but leaves out the per-class report and confusion matrix', () => {
    const result = { valAccuracy: 0.9, epochs: [{ epoch: 1 }], validation: { perClass: [] }, confusion: [[1, 0], [0, 1]] };
    const record = toRunRecord(1700000000000, setup, result);
    expect(record).toEqual({ id: 1700000000000, ...setup, result: { valAccuracy: 0.9, epochs: [{ epoch: 1 }] } });
    expect(record.result).not.toHaveProperty('validation');
    expect(record.result).not.toHaveProperty('confusion');
    expect(record).not.toHaveProperty('search');
  });

  it('tags a search trial with its search', () => {
    const search = { startedAt: 1700000000000, method: 'random' as const, trial: 3 };
    expect(toRunRecord(1700000005000, setup, { validation: null, confusion: null }, search)).toEqual({ id: 1700000005000, ...setup, result: {}, search });
  });
});

describe('keysBeyondLimit', () => {
  it.each([
    { keys: [1, 2, 3], limit: 5, drop: [] },
    { keys: [1, 2, 3], limit: 3, drop: [] },
    { keys: [1, 2, 3, 4, 5], limit: 3, drop: [1, 2] },
    { keys: [], limit: 0, drop: [] },
  ])('keeps the newest $limit of $keys, dropping $drop', ({ keys, limit, drop }) => {
    expect(keysBeyondLimit(keys, limit)).toEqual(drop);
  });

  it('keeps 200 runs by default', () => {
    const keys = Array.from({ length: RUN_HISTORY_LIMIT + 2 }, (_, i) => i);
    expect(RUN_HISTORY_LIMIT).toBe(200);
    expect(keysBeyondLimit(keys)).toEqual([0, 1]);
  });
});
