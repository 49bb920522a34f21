import { describe, expect, it } from 'vitest';
import { count, formatBytes, formatDuration, percent, withUnit } from './format';

describe('format', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [999, '999 bytes'],
    [3_400, '3.4 kB'],
    [340_000, '340 kB'],
    [48_300_000, '48.3 MB'],
    [2_500_000, '2.5 MB'],
    [1_230_000_000, '1.23 GB'],
    [10_737_418_240, '10.74 GB'],
  ])('formatBytes(%d) is %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it.each([
    [0, '0 s'],
    [12.4, '12 s'],
    [89.4, '89 s'],
    [89.6, '1 min 30 s'],
    [200, '3 min 20 s'],
    [3_900, '1 h 05 min'],
  ])('formatDuration(%d) is %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it.each([
    [0.9861, 1, '98.6%'],
    [0.5, 0, '50%'],
    [null, 1, '—'],
    [Number.NaN, 1, '—'],
  ])('percent(%s, %d) is %s', (share, digits, text) => {
    expect(percent(share, digits)).toBe(text);
  });

  it('groups thousands and pluralizes units', () => {
    expect(count(1234567)).toBe('1,234,567');
    expect(withUnit(1, 'text')).toBe('1 text');
    expect(withUnit(1200, 'text')).toBe('1,200 texts');
  });
});
