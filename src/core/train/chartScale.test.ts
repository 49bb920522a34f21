import { describe, expect, it } from 'vitest';
import { linePath, linearScale, niceTicks } from './chartScale';

/**
 * Pairs each case with its name rendered from the case data itself, so names cannot drift from
 * what is checked. Used with '%s' because '$field' titles are truncated by vitest.
 */
function named<T extends object>(cases: T[]): [string, T][] {
  return cases.map((c) => [JSON.stringify(c), c]);
}

describe('niceTicks', () => {
  // step = the first of 1, 2, 2.5, 5, 10 × 10^floor(log10(raw)) that is ≥ raw = (hi − lo) / count;
  // min and max are lo and hi rounded out to whole steps. Worked out by hand.
  it.each(
    named([
      { lo: 0, hi: 1, count: 5, step: 0.2, values: [0, 0.2, 0.4, 0.6, 0.8, 1] },
      { lo: 0, hi: 100, count: 5, step: 20, values: [0, 20, 40, 60, 80, 100] },
      { lo: 0.3, hi: 2.7, count: 5, step: 0.5, values: [0, 0.5, 1, 1.5, 2, 2.5, 3] },
      { lo: 0, hi: 0.9, count: 4, step: 0.25, values: [0, 0.25, 0.5, 0.75, 1] },
      { lo: 0, hi: 7, count: 5, step: 2, values: [0, 2, 4, 6, 8] },
      { lo: -3, hi: 7, count: 5, step: 2, values: [-4, -2, 0, 2, 4, 6, 8] },
      { lo: 0, hi: 12345, count: 5, step: 2500, values: [0, 2500, 5000, 7500, 10000, 12500] },
      { lo: 0, hi: 9.5, count: 1, step: 10, values: [0, 10] },
      { lo: 0, hi: 1, count: 10, step: 0.1, values: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] },
      { lo: 0.0123, hi: 0.6931, count: 5, step: 0.2, values: [0, 0.2, 0.4, 0.6, 0.8] },
      // Reversed bounds are swapped.
      { lo: 1, hi: 0, count: 5, step: 0.2, values: [0, 0.2, 0.4, 0.6, 0.8, 1] },
      // Flat ranges are padded by 10% of the value, or by 1 around 0.
      { lo: 5, hi: 5, count: 5, step: 0.2, values: [4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6] },
      { lo: -5, hi: -5, count: 5, step: 0.2, values: [-5.6, -5.4, -5.2, -5, -4.8, -4.6, -4.4] },
      { lo: 0, hi: 0, count: 5, step: 0.5, values: [-1, -0.5, 0, 0.5, 1] },
      // A count below 1 is treated as 1.
      { lo: 0, hi: 3, count: 0, step: 5, values: [0, 5] },
    ]),
  )('%s', (_name, { lo, hi, count, step, values }) => {
    const ticks = niceTicks(lo, hi, count);
    expect(ticks.step).toBeCloseTo(step, 12);
    expect(ticks.values).toEqual(values);
    expect(ticks.min).toBeCloseTo(values[0], 12);
    expect(ticks.max).toBeCloseTo(values[values.length - 1], 12);
    expect(ticks.min).toBeLessThanOrEqual(Math.min(lo, hi));
    expect(ticks.max).toBeGreaterThanOrEqual(Math.max(lo, hi));
  });

  it.each(
    named([
      { lo: Number.NaN, hi: 1 },
      { lo: 0, hi: Number.POSITIVE_INFINITY },
      { lo: Number.NEGATIVE_INFINITY, hi: Number.NaN },
    ]),
  )('falls back to the 0–1 axis for non-finite bounds %s', (_name, { lo, hi }) => {
    expect(niceTicks(lo, hi)).toEqual(niceTicks(0, 1));
    expect(niceTicks(0, 1).values).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});

describe('linearScale', () => {
  it.each(
    named([
      { domain: [0, 10], range: [0, 100], points: [[0, 0], [5, 50], [10, 100], [-1, -10], [12, 120]] },
      // SVG y grows downwards: the top of the data maps to pixel 0.
      { domain: [0, 1], range: [200, 0], points: [[0, 200], [0.25, 150], [1, 0]] },
      { domain: [-2, 2], range: [10, 20], points: [[-2, 10], [0, 15], [1, 17.5]] },
      // A zero-width domain maps every value to the middle of the range.
      { domain: [3, 3], range: [0, 100], points: [[3, 50], [-7, 50], [1e9, 50]] },
    ]),
  )('%s', (_name, { domain, range, points }) => {
    const scale = linearScale(domain[0], domain[1], range[0], range[1]);
    for (const [v, px] of points) expect(scale(v)).toBeCloseTo(px, 12);
  });
});

describe('linePath', () => {
  const sx = linearScale(0, 3, 0, 300);
  const sy = linearScale(0, 1, 100, 0);
  it.each(
    named([
      { points: [], d: '' },
      { points: [{ x: 0, y: 0 }], d: 'M0.0,100.0' },
      { points: [{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 3, y: 0.5 }], d: 'M0.0,100.0L100.0,0.0L300.0,50.0' },
      // A non-finite value is a gap: the pen lifts and moves to the next finite point.
      { points: [{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: Number.NaN }, { x: 3, y: 0 }], d: 'M0.0,100.0L100.0,0.0M300.0,100.0' },
      { points: [{ x: Number.POSITIVE_INFINITY, y: 0 }, { x: 1, y: 0.333 }, { x: 2, y: 0.5 }], d: 'M100.0,66.7L200.0,50.0' },
      { points: [{ x: 0, y: Number.NaN }, { x: 1, y: Number.NaN }], d: '' },
    ]),
  )('%s', (_name, { points, d }) => {
    expect(linePath(points, sx, sy)).toBe(d);
  });
});
