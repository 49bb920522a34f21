import { describe, expect, it } from 'vitest';
import { MAX_DRAWN_BATCHES, positiveRows, stepTitle, trainRows } from './trainRows';

const batches = (n: number) => Array.from({ length: n }, (_, i) => ({ step: i + 1, loss: 1 / (i + 1) + (i % 7) * 0.01, accuracy: Math.min(1, i / n) }));
const epochs = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ epoch: i + 1, loss: 0.5 / (i + 1), accuracy: 0.5 + i * 0.01, valLoss: 0.6 / (i + 1), valAccuracy: 0.4 + i * 0.01 }));

describe('trainRows', () => {
  it('draws at most MAX_DRAWN_BATCHES batch points of a long run and keeps every epoch point', () => {
    const rows = trainRows(batches(20_000), epochs(40), 500, 'loss', 0.6);
    expect(rows.filter((r) => r.batch !== undefined).length).toBeLessThanOrEqual(MAX_DRAWN_BATCHES);
    expect(rows.filter((r) => r.epoch !== undefined).map((r) => r.epoch)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(rows.find((r) => r.epoch === 3)?.step).toBe(1500);
    expect(rows.map((r) => r.step)).toEqual([...rows.map((r) => r.step)].sort((a, b) => a - b));
  });

  it('leaves a short run whole; smoothing 0 draws the raw values', () => {
    const rows = trainRows(batches(5), [], 5, 'accuracy', 0);
    expect(rows.map((r) => r.batch)).toEqual(batches(5).map((b) => b.accuracy));
    expect(rows.map((r) => r.smooth)).toEqual(rows.map((r) => r.batch));
  });

  it('turns non-finite values into gaps, and non-positive ones into gaps on a log axis', () => {
    const rows = trainRows([{ step: 1, loss: Number.NaN, accuracy: 0 }, { step: 2, loss: 0, accuracy: 0 }], [], 2, 'loss', 0);
    expect(rows[0].batch).toBeUndefined();
    expect(rows[1].batch).toBe(0);
    expect(positiveRows(rows)[1].batch).toBeUndefined();
  });
});

describe('stepTitle', () => {
  it.each([
    [57, 40, 'Batch 57 (epoch 2, batch 17 of 40)'],
    [40, 40, 'Batch 40 (epoch 1, batch 40 of 40)'],
    [3, 1, 'Batch 3'],
  ])('step %i with %i batches per epoch reads "%s"', (step, perEpoch, title) => {
    expect(stepTitle(step, perEpoch)).toBe(title);
  });
});
