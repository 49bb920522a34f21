import { describe, expect, it } from 'vitest';
import { binWidth, percentile } from './stats';

function named<T extends object>(cases: T[]): [string, T][] {
  return cases.map((c) => [JSON.stringify(c), c]);
}

/** 1..100: nearest-rank percentiles are the values themselves. */
const HUNDRED = Array.from({ length: 100 }, (_, i) => i + 1);

describe('percentile (nearest rank)', () => {
  it.each(
    named([
      { sorted: HUNDRED, p: 50, value: 50 },
      { sorted: HUNDRED, p: 95, value: 95 },
      { sorted: HUNDRED, p: 99, value: 99 },
      { sorted: HUNDRED, p: 100, value: 100 },
      { sorted: [3, 7, 9, 20], p: 50, value: 7 },
      { sorted: [3, 7, 9, 20], p: 90, value: 20 },
      { sorted: [3, 7, 9, 20], p: 0, value: 3 },
      { sorted: [5], p: 95, value: 5 },
      { sorted: [], p: 95, value: 0 },
    ]),
  )('%s', (_name, { sorted, p, value }) => {
    expect(percentile(sorted, p)).toBe(value);
  });
});

describe('binWidth', () => {
  it.each(
    named([
      { max: 0, bins: 20, width: 1 },
      { max: 19, bins: 20, width: 1 },
      { max: 20, bins: 20, width: 2 },
      { max: 57, bins: 20, width: 5 },
      { max: 199, bins: 20, width: 10 },
      { max: 4000, bins: 20, width: 500 },
    ]),
  )('%s', (_name, { max, bins, width }) => {
    expect(binWidth(max, bins)).toBe(width);
  });
});
