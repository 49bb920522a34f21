import { describe, expect, it } from 'vitest';
import { downsampleLttb, smoothEma, type SeriesPoint } from './series';

const line = (n: number, f: (x: number) => number): SeriesPoint[] => Array.from({ length: n }, (_, x) => ({ x, y: f(x) }));

describe('smoothEma (TensorBoard)', () => {
  it('leaves values unchanged at weight 0', () => {
    expect(smoothEma([3, 1, 2], 0)).toEqual([3, 1, 2]);
  });

  it('is debiased: a constant series stays constant from the first point', () => {
    for (const y of smoothEma([5, 5, 5, 5], 0.9)) expect(y).toBeCloseTo(5, 12);
  });

  it('matches the hand-computed average', () => {
    // weight 0.5: last = 0.5, 0.5·0.5 + 0.5·3 = 1.75; debias 1 − 0.5, 1 − 0.25.
    const [a, b] = smoothEma([1, 3], 0.5);
    expect(a).toBeCloseTo(1, 12);
    expect(b).toBeCloseTo(1.75 / 0.75, 12);
  });

  it('passes non-finite values through without disturbing the average', () => {
    const out = smoothEma([2, Number.NaN, 2], 0.8);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(2, 12);
  });

  it('damps noise: a smoothed alternating series varies less than the raw one', () => {
    const raw = Array.from({ length: 200 }, (_, i) => (i % 2 ? 1 : 0));
    const smooth = smoothEma(raw, 0.9).slice(50);
    expect(Math.max(...smooth) - Math.min(...smooth)).toBeLessThan(0.2);
  });
});

describe('downsampleLttb', () => {
  it.each([
    [10, 20],
    [10, 10],
    [10, 2],
  ])('returns %i points unchanged for threshold %i', (n, threshold) => {
    const points = line(n, (x) => x * x);
    expect(downsampleLttb(points, threshold)).toBe(points);
  });

  it.each([
    [50_000, 1_000],
    [1_001, 1_000],
    [5_000, 300],
  ])('reduces %i points to exactly %i, first and last kept, x strictly increasing', (n, threshold) => {
    const points = line(n, (x) => Math.sin(x / 50) + (x % 7) / 10);
    const out = downsampleLttb(points, threshold);
    expect(out).toHaveLength(threshold);
    expect(out[0]).toBe(points[0]);
    expect(out.at(-1)).toBe(points.at(-1));
    for (let i = 1; i < out.length; i++) expect(out[i].x).toBeGreaterThan(out[i - 1].x);
  });

  it('keeps a lone spike that plain striding would miss', () => {
    const points = line(10_000, (x) => (x === 4_321 ? 100 : 0));
    expect(downsampleLttb(points, 200).some((p) => p.y === 100)).toBe(true);
  });
});
