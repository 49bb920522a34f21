import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, defaultTokenizerConfig, fitTokenizer, textToWordSequence, textsToSequences } from './tokenizer';
import { tokenizerFromJson, tokenizerToJson } from './tokenizerJson';
import type { TokenizerConfig, TokenizerState } from './tokenizer';

// Golden values follow keras_preprocessing 1.1.2's Tokenizer source, worked out by hand.

/**
 * Pairs each case with its name rendered from the case data itself, so names cannot drift from
 * what is checked. Used with '%s' because '$field' titles are truncated by vitest.
 */
function named<T extends object>(cases: T[]): [string, T][] {
  return cases.map((c) => [JSON.stringify(c), c]);
}

const CLASSIC = ['The cat sat on the mat.', 'The dog ate my homework.'];
const CLASSIC_INDEX: [string, number][] = [
  ['the', 1], ['cat', 2], ['sat', 3], ['on', 4], ['mat', 5], ['dog', 6], ['ate', 7], ['my', 8], ['homework', 9],
];

const fit = (texts: string[], overrides: Partial<TokenizerConfig> = {}): TokenizerState =>
  fitTokenizer(texts, defaultTokenizerConfig(overrides));

describe('defaultTokenizerConfig', () => {
  it("has Keras' defaults", () => {
    expect(defaultTokenizerConfig()).toEqual({
      numWords: null,
      filters: '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n',
      lower: true,
      split: ' ',
      charLevel: false,
      oovToken: null,
    });
    // 31 ASCII punctuation marks (all but the apostrophe), tab and newline.
    expect(DEFAULT_FILTERS).toHaveLength(33);
  });
});

describe('textToWordSequence', () => {
  it.each(
    named([
      { text: 'The cat sat on the mat.', config: {}, words: ['the', 'cat', 'sat', 'on', 'the', 'mat'] },
      { text: "don't stop", config: {}, words: ["don't", 'stop'] },
      { text: 'a\tb\nc', config: {}, words: ['a', 'b', 'c'] },
      { text: 'a\r\nb', config: {}, words: ['a\r', 'b'] },
      { text: '  many   spaces  ', config: {}, words: ['many', 'spaces'] },
      { text: '', config: {}, words: [] },
      { text: '...!!!', config: {}, words: [] },
      { text: 'ÉCOLE Straße', config: {}, words: ['école', 'straße'] },
      { text: 'THE Cat', config: { lower: false }, words: ['THE', 'Cat'] },
      { text: 'AaA', config: { filters: 'A' }, words: ['aaa'] },
      { text: 'Hello,World,,hello!', config: { filters: '', split: ',', lower: false }, words: ['Hello', 'World', 'hello!'] },
      { text: 'a|b-c', config: { filters: '|', split: '-' }, words: ['a', 'b', 'c'] },
      { text: 'a::b!c', config: { filters: '!', split: '::' }, words: ['a', 'b', 'c'] },
      { text: 'a!b', config: { filters: '!', split: 'ab' }, words: ['a', 'b'] },
      { text: 'x😀y z', config: { filters: '😀' }, words: ['x', 'y', 'z'] },
      { text: 'x😀y', config: { filters: '\ud83d' }, words: ['x😀y'] },
    ]),
  )('%s', (_name, { text, config, words }) => {
    expect(textToWordSequence(text, defaultTokenizerConfig(config))).toEqual(words);
  });

  it('rejects an empty split like Python str.split', () => {
    expect(() => textToWordSequence('a b', defaultTokenizerConfig({ split: '' }))).toThrow(/split/);
  });
});

describe('fitTokenizer', () => {
  it.each(
    named([
      { texts: CLASSIC, config: {}, wordIndex: CLASSIC_INDEX },
      { texts: CLASSIC, config: { numWords: 3 }, wordIndex: CLASSIC_INDEX },
      { texts: ['x y z z', 'y q'], config: {}, wordIndex: [['y', 1], ['z', 2], ['x', 3], ['q', 4]] },
      { texts: ['b a c a', 'c b d'], config: {}, wordIndex: [['b', 1], ['a', 2], ['c', 3], ['d', 4]] },
      {
        texts: CLASSIC,
        config: { oovToken: '<OOV>' },
        wordIndex: [['<OOV>', 1], ...CLASSIC_INDEX.map(([w, i]) => [w, i + 1])],
      },
      { texts: ['ab a', 'Ba'], config: { charLevel: true }, wordIndex: [['a', 1], ['b', 2], [' ', 3]] },
      { texts: ['a.a'], config: { charLevel: true }, wordIndex: [['a', 1], ['.', 2]] },
      { texts: ['', '...'], config: {}, wordIndex: [] },
      { texts: ['', '...'], config: { oovToken: '<OOV>' }, wordIndex: [['<OOV>', 1]] },
      // dict(zip(['cat', 'cat', 'dog'], [1, 2, 3])): the later index wins, nothing gets 1.
      { texts: ['cat cat dog'], config: { oovToken: 'cat' }, wordIndex: [['cat', 2], ['dog', 3]] },
    ]),
  )('%s', (_name, { texts, config, wordIndex }) => {
    const state = fit(texts, config);
    expect([...state.wordIndex]).toEqual(wordIndex);
    expect([...state.indexWord]).toEqual(wordIndex.map(([w, i]) => [i, w]));
    expect(state.documentCount).toBe(texts.length);
  });

  it('counts every occurrence in wordCounts (first-seen order) and documents in wordDocs', () => {
    const state = fit(CLASSIC);
    expect([...state.wordCounts]).toEqual([
      ['the', 3], ['cat', 1], ['sat', 1], ['on', 1], ['mat', 1], ['dog', 1], ['ate', 1], ['my', 1], ['homework', 1],
    ]);
    expect(state.wordDocs.get('the')).toBe(2);
    expect([...state.wordDocs.values()].every((d, i) => (i === 0 ? d === 2 : d === 1))).toBe(true);
  });

  it('copies the config so later edits to the caller object do not change the state', () => {
    const config = defaultTokenizerConfig();
    const state = fitTokenizer(CLASSIC, config);
    config.lower = false;
    expect(state.config.lower).toBe(true);
  });
});

describe('textsToSequences', () => {
  it.each(
    named([
      { fitOn: CLASSIC, config: {}, texts: CLASSIC, sequences: [[1, 2, 3, 4, 1, 5], [1, 6, 7, 8, 9]] },
      { fitOn: CLASSIC, config: { numWords: 3 }, texts: CLASSIC, sequences: [[1, 2, 1], [1]] },
      { fitOn: CLASSIC, config: { numWords: 0 }, texts: CLASSIC, sequences: [[1, 2, 3, 4, 1, 5], [1, 6, 7, 8, 9]] },
      { fitOn: CLASSIC, config: {}, texts: ['The bird sat'], sequences: [[1, 3]] },
      { fitOn: CLASSIC, config: { oovToken: '<OOV>' }, texts: ['The bird sat'], sequences: [[2, 1, 4]] },
      {
        fitOn: CLASSIC,
        config: { oovToken: '<OOV>', numWords: 3 },
        texts: [...CLASSIC, 'The bird sat'],
        sequences: [[2, 1, 1, 1, 2, 1], [2, 1, 1, 1, 1], [2, 1, 1]],
      },
      { fitOn: ['ab a', 'Ba'], config: { charLevel: true }, texts: ['abc', 'A b'], sequences: [[1, 2], [1, 3, 2]] },
      { fitOn: ['ab a', 'Ba'], config: { charLevel: true, oovToken: '?' }, texts: ['a.'], sequences: [[2, 1]] },
      { fitOn: CLASSIC, config: {}, texts: ['', '!!'], sequences: [[], []] },
      { fitOn: ['cat cat dog'], config: { oovToken: 'cat' }, texts: ['dog bird'], sequences: [[3, 2]] },
      { fitOn: ['THE the'], config: { lower: false }, texts: ['the THE The'], sequences: [[2, 1]] },
    ]),
  )('%s', (_name, { fitOn, config, texts, sequences }) => {
    expect(textsToSequences(fit(fitOn, config), texts)).toEqual(sequences);
  });

  it('grows its scratch buffer for long texts', () => {
    const long = Array.from({ length: 1000 }, (_, i) => (i % 2 ? 'cat' : 'the')).join(' ');
    const [seq] = textsToSequences(fit(CLASSIC), [long]);
    expect(seq).toHaveLength(1000);
    expect(seq.slice(0, 4)).toEqual([1, 2, 1, 2]);
  });
});

// Python json.dumps(..., ensure_ascii=True) of DEFAULT_FILTERS.
const FILTERS_PY = String.raw`"!\"#$%&()*+,-./:;<=>?@[\\]^_` + '`' + String.raw`{|}~\t\n"`;

describe('tokenizerToJson', () => {
  it("writes byte-for-byte what Keras' to_json() writes", () => {
    expect(tokenizerToJson(fit(['b a b']))).toBe(
      '{"class_name": "Tokenizer", "config": {"num_words": null, ' +
        `"filters": ${FILTERS_PY}, "lower": true, "split": " ", "char_level": false, "oov_token": null, "document_count": 1, ` +
        String.raw`"word_counts": "{\"b\": 2, \"a\": 1}", "word_docs": "{\"b\": 1, \"a\": 1}", "index_docs": "{\"1\": 1, \"2\": 1}", ` +
        String.raw`"index_word": "{\"1\": \"b\", \"2\": \"a\"}", "word_index": "{\"b\": 1, \"a\": 2}"}}`,
    );
  });

  it('escapes non-ASCII as lowercase \\uXXXX (surrogate pairs above U+FFFF), like ensure_ascii', () => {
    const json = tokenizerToJson(fit(['Café 日本 café', '😀'], { oovToken: '<OOV>', numWords: 3 }));
    expect(json).toContain(String.raw`"word_counts": "{\"caf\\u00e9\": 2, \"\\u65e5\\u672c\": 1, \"\\ud83d\\ude00\": 1}"`);
    expect(json).toContain(String.raw`"index_word": "{\"1\": \"<OOV>\", \"2\": \"caf\\u00e9\", \"3\": \"\\u65e5\\u672c\", \"4\": \"\\ud83d\\ude00\"}"`);
    expect(json).toMatch(/^[\x20-\x7e]*$/);
  });

  it('has the Keras layout: class_name, config keys in order, the five dictionaries as JSON strings', () => {
    const parsed = JSON.parse(tokenizerToJson(fit(CLASSIC, { numWords: 5, oovToken: '<OOV>' })));
    expect(Object.keys(parsed)).toEqual(['class_name', 'config']);
    expect(parsed.class_name).toBe('Tokenizer');
    const { config } = parsed;
    expect(Object.keys(config)).toEqual([
      'num_words', 'filters', 'lower', 'split', 'char_level', 'oov_token', 'document_count',
      'word_counts', 'word_docs', 'index_docs', 'index_word', 'word_index',
    ]);
    expect(config).toMatchObject({
      num_words: 5, filters: DEFAULT_FILTERS, lower: true, split: ' ', char_level: false, oov_token: '<OOV>', document_count: 2,
    });
    for (const key of ['word_counts', 'word_docs', 'index_docs', 'index_word', 'word_index']) {
      expect(typeof config[key]).toBe('string');
    }
    expect(Object.entries(JSON.parse(config.word_index))).toEqual([['<OOV>', 1], ...CLASSIC_INDEX.map(([w, i]) => [w, i + 1])]);
    expect(JSON.parse(config.index_word)).toEqual({ 1: '<OOV>', 2: 'the', 3: 'cat', 4: 'sat', 5: 'on', 6: 'mat', 7: 'dog', 8: 'ate', 9: 'my', 10: 'homework' });
    expect(JSON.parse(config.index_docs)).toEqual({ 2: 2, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 1, 10: 1 });
    expect(JSON.parse(config.word_counts)).toEqual({ the: 3, cat: 1, sat: 1, on: 1, mat: 1, dog: 1, ate: 1, my: 1, homework: 1 });
  });
});

describe('tokenizerFromJson', () => {
  const PROBES = [...CLASSIC, 'The bird sat on 2019 mats!', 'Ab, ba. 10 x', ''];
  it.each(
    named([
      { fitOn: CLASSIC, config: {} },
      { fitOn: CLASSIC, config: { numWords: 4, oovToken: '<OOV>' } },
      { fitOn: ['ab a', 'Ba'], config: { charLevel: true, lower: false } },
      { fitOn: ['a|b-c', 'C-b'], config: { filters: '|', split: '-', lower: false } },
      { fitOn: ['2019 10 2019 x', 'x "quoted" \\ back'], config: { filters: '' } },
      { fitOn: [], config: { oovToken: '<OOV>' } },
    ]),
  )('round-trips %s', (_name, { fitOn, config }) => {
    const state = fit(fitOn, config);
    const json = tokenizerToJson(state);
    const loaded = tokenizerFromJson(json);
    expect(loaded.config).toEqual(state.config);
    expect(loaded.documentCount).toBe(state.documentCount);
    // Compare as entry lists: order matters (integer-like words must not be moved first).
    expect([...loaded.wordCounts]).toEqual([...state.wordCounts]);
    expect([...loaded.wordDocs]).toEqual([...state.wordDocs]);
    expect([...loaded.wordIndex]).toEqual([...state.wordIndex]);
    expect([...loaded.indexWord]).toEqual([...state.indexWord]);
    expect(textsToSequences(loaded, PROBES)).toEqual(textsToSequences(state, PROBES));
    expect(tokenizerToJson(loaded)).toBe(json);
  });

  it('loads JSON as Python wrote it (word_docs in set order) and keeps that order', () => {
    const python =
      '{"class_name": "Tokenizer", "config": {"num_words": null, ' +
      `"filters": ${FILTERS_PY}, "lower": true, "split": " ", "char_level": false, "oov_token": null, "document_count": 1, ` +
      String.raw`"word_counts": "{\"2019\": 2, \"10\": 1, \"x\": 1}", "word_docs": "{\"x\": 1, \"2019\": 1, \"10\": 1}", ` +
      String.raw`"index_docs": "{\"3\": 1, \"1\": 1, \"2\": 1}", "index_word": "{\"1\": \"2019\", \"2\": \"10\", \"3\": \"x\"}", ` +
      String.raw`"word_index": "{\"2019\": 1, \"10\": 2, \"x\": 3}"}}`;
    const state = tokenizerFromJson(python);
    expect([...state.wordCounts.keys()]).toEqual(['2019', '10', 'x']);
    expect([...state.wordDocs.keys()]).toEqual(['x', '2019', '10']);
    expect(textsToSequences(state, ['x 10 2019'])).toEqual([[3, 2, 1]]);
    expect(tokenizerToJson(state)).toBe(python);
  });

  it('fills missing scalar keys with Keras constructor defaults', () => {
    const minimal = JSON.stringify({
      config: { word_counts: '{"a": 1}', word_docs: '{"a": 1}', index_docs: '{"1": 1}', index_word: '{"1": "a"}', word_index: '{"a": 1}' },
    });
    const state = tokenizerFromJson(minimal);
    expect(state.config).toEqual(defaultTokenizerConfig());
    expect(state.documentCount).toBe(0);
  });

  /** A malformed document: raw text, or the valid classic JSON with config keys replaced or removed. */
  type BadJson = { error: string } & ({ input: string } | { patch: Record<string, unknown> } | { remove: string });
  const render = (bad: BadJson): string => {
    if ('input' in bad) return bad.input;
    const doc = JSON.parse(tokenizerToJson(fit(CLASSIC)));
    if ('patch' in bad) Object.assign(doc.config, bad.patch);
    else delete doc.config[bad.remove];
    return JSON.stringify(doc);
  };
  it.each(
    named<BadJson>([
      { input: 'not json', error: 'not valid JSON' },
      { input: '[]', error: 'must be an object' },
      { input: '{"class_name": "Tokenizer"}', error: 'no "config" object' },
      { remove: 'word_counts', error: 'config.word_counts must be a JSON-encoded string' },
      { patch: { word_counts: { the: 3 } }, error: 'config.word_counts must be a JSON-encoded string' },
      { patch: { word_counts: '{"the": 3' }, error: 'word_counts is not valid JSON' },
      { patch: { word_counts: '["the"]' }, error: 'word_counts must be a JSON object' },
      { patch: { word_counts: '{"the": {"n": 3}}' }, error: 'word_counts must be a flat object' },
      { patch: { word_docs: '{"the": -1}' }, error: 'word_docs["the"] must be a non-negative integer' },
      { patch: { word_index: '{"the": "1"}' }, error: 'word_index["the"] must be a positive integer' },
      { patch: { index_word: '{"one": "the"}' }, error: 'index_word must map integer keys to strings' },
      { patch: { num_words: '3' }, error: 'config.num_words must be an integer or null' },
      { patch: { lower: 'yes' }, error: 'config.lower must be a boolean' },
      { patch: { split: '' }, error: 'config.split must not be empty' },
      { patch: { document_count: 1.5 }, error: 'config.document_count must be a non-negative integer' },
      { patch: { analyzer: null }, error: 'unrecognized config key "analyzer"' },
    ]),
  )('rejects %s', (_name, bad) => {
    expect(() => tokenizerFromJson(render(bad))).toThrow(bad.error);
  });

  it('refuses to encode an unknown word when the oov token has no index (Keras would emit None)', () => {
    const unfitted = JSON.stringify({
      class_name: 'Tokenizer',
      config: { oov_token: '<OOV>', word_counts: '{}', word_docs: '{}', index_docs: '{}', index_word: '{}', word_index: '{}' },
    });
    expect(() => textsToSequences(tokenizerFromJson(unfitted), ['hello'])).toThrow('not in the word index');
  });
});
