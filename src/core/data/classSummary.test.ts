import { describe, expect, it } from 'vitest';
import { classesByCount, maxCount, pageOf, summariseClasses } from './classSummary';
import { tooManyClassesCheck } from './datasetChecks';

describe('classSummary', () => {
  it('orders classes by count, ties in class order', () => {
    expect(classesByCount([1, 5, 5, 2])).toEqual([1, 2, 3, 0]);
  });

  it.each([
    { name: 'few classes: all in class order', counts: [3, 9, 1], limit: 2, shown: [0, 1, 2], other: [], otherCount: 0 },
    { name: 'many classes: the largest, the rest as other', counts: [3, 9, 1, 4, 2], limit: 2, shown: [1, 3], other: [0, 4, 2], otherCount: 6 },
  ])('$name', ({ counts, limit, shown, other, otherCount }) => {
    expect(summariseClasses(counts, limit)).toEqual({ shown, other, otherCount });
  });

  it('summarises 10,000 classes quickly', () => {
    const counts = Array.from({ length: 10_000 }, (_, i) => 1 + (i % 7));
    const started = performance.now();
    const s = summariseClasses(counts, 12);
    expect(performance.now() - started).toBeLessThan(50);
    expect(s.shown).toHaveLength(12);
    expect(s.other).toHaveLength(9_988);
    expect(s.otherCount + s.shown.reduce((n, c) => n + counts[c], 0)).toBe(counts.reduce((a, b) => a + b, 0));
  });

  it('pages a list and clamps the page', () => {
    const items = Array.from({ length: 250 }, (_, i) => i);
    expect(pageOf(items, 2, 100)).toMatchObject({ page: 2, pages: 3, from: 201, to: 250 });
    expect(pageOf(items, 9, 100).page).toBe(2);
    expect(pageOf([], 0, 100)).toMatchObject({ items: [], pages: 1, from: 1, to: 0 });
  });

  it('finds the largest count of a big array', () => {
    expect(maxCount(Array.from({ length: 300_000 }, (_, i) => i))).toBe(299_999);
  });
});

describe('too many classes for the data', () => {
  it.each([
    { name: '10,000 classes of 2 examples', classes: 10_000, examples: 20_000, shows: true },
    { name: '4 classes of 1 example (rare, not many)', classes: 4, examples: 4, shows: false },
    { name: '100 classes of 10 examples', classes: 100, examples: 1_000, shows: false },
  ])('$name', ({ classes, examples, shows }) => {
    const check = tooManyClassesCheck(classes, examples);
    expect(check !== null).toBe(shows);
    if (check) expect(check.message).toMatch(/Merge labels.*different Label column/);
  });
});
