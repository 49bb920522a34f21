import { describe, expect, it } from 'vitest';
import { jsonErrorPlace, KeyedRows, parseFastTextLine, splitLabelText } from './lineFormats';

describe('parseFastTextLine', () => {
  it.each([
    ['__label__pos great film', { labels: ['pos'], text: 'great film' }],
    ['__label__a __label__b  two labels ', { labels: ['a', 'b'], text: 'two labels' }],
    ['no label here', { labels: [], text: 'no label here' }],
    ['__label__only', { labels: ['only'], text: '' }],
    ['text then __label__x', { labels: [], text: 'text then __label__x' }],
  ])('%j', (line, expected) => {
    expect(parseFastTextLine(line)).toEqual(expected);
  });
});

describe('splitLabelText', () => {
  it.each([
    ['pos\tgreat', ['pos', 'great']],
    ['pos\ta\tb', ['pos', 'a\tb']],
    ['no tab', ['no tab']],
  ])('%j', (line, expected) => {
    expect(splitLabelText(line)).toEqual(expected);
  });
});

describe('KeyedRows', () => {
  it('lines objects up under the union of their keys, in order of first appearance', () => {
    const rows = new KeyedRows();
    expect(rows.add({ text: 'a', label: 'x' })).toBeNull();
    expect(rows.add({ label: 'y', text: 'b', extra: 3 })).toBeNull();
    expect(rows.add({ text: null, label: ['p', 'q'], extra: { n: 1 } })).toBeNull();
    expect(rows.columns()).toEqual(['text', 'label', 'extra']);
    expect(rows.rows).toEqual([
      ['a', 'x'],
      ['b', 'y', '3'],
      ['', 'p', '{"n":1}'],
    ]);
    expect(rows.listRows).toBe(1);
  });

  it.each([
    [42, 'it is a number, not an object like {"text": "…", "label": "…"}'],
    [null, 'it is null, not an object like {"text": "…", "label": "…"}'],
    ['s', 'it is a string, not an object like {"text": "…", "label": "…"}'],
  ])('refuses %j', (value, message) => {
    expect(new KeyedRows().add(value)).toBe(message);
  });
});

describe('jsonErrorPlace', () => {
  it.each([
    ['[\n  {"a":}\n]', 'line 2, column 8'],
    ['[1 2]', 'line 1, column 4'],
    ['[1,]', 'line 1, column 4'],
    ['{"a": "x\ny"}', 'line 1, column 9'],
    ['[', 'line 1, column 2'],
    ['{"a": tru}', 'line 1, column 7'],
    ['[1] x', 'line 1, column 5'],
    ['{"a": [1, {"b": "\\u00e9"}], "c": -1.5e3, "d": null}', null],
  ])('%j → %j', (text, place) => {
    expect(jsonErrorPlace(text)).toBe(place);
    // The locator agrees with JSON.parse on what is valid.
    if (place === null) expect(() => JSON.parse(text)).not.toThrow();
    else expect(() => JSON.parse(text)).toThrow();
  });
});
