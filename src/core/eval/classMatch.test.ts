import { describe, expect, it } from 'vitest';
import { labelMapping, sameClasses } from './classMatch';

describe('labelMapping', () => {
  it.each([
    { name: 'same order', model: ['ham', 'spam'], data: ['ham', 'spam'], want: [0, 1] },
    { name: 'other order', model: ['spam', 'ham'], data: ['ham', 'spam'], want: [1, 0] },
    { name: 'a class missing', model: ['a', 'b', 'c'], data: ['a', 'b'], want: null },
    { name: 'a name differs', model: ['a', 'b'], data: ['a', 'x'], want: null },
    { name: 'duplicate model labels', model: ['a', 'a'], data: ['a', 'b'], want: null },
  ])('$name', ({ model, data, want }) => {
    const got = labelMapping(model, data);
    expect(got === null ? null : Array.from(got)).toEqual(want);
    expect(sameClasses(model, data)).toBe(want !== null);
  });
});
