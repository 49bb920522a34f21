import { describe, expect, it } from 'vitest';
import { encodeTexts, padSequences } from './padSequences';
import type { PadOptions } from './padSequences';
import { defaultTokenizerConfig, fitTokenizer, textsToSequences } from './tokenizer';
import type { TokenizerConfig } from './tokenizer';

// Golden values follow keras_preprocessing's pad_sequences, worked out by hand.

/**
 * Pairs each case with its name rendered from the case data itself, so names cannot drift from
 * what is checked. Used with '%s' because '$field' titles are truncated by vitest.
 */
function named<T extends object>(cases: T[]): [string, T][] {
  return cases.map((c) => [JSON.stringify(c), c]);
}

/** Splits the flat row-major result back into rows for readable expectations. */
function rows(flat: Int32Array, maxlen: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < flat.length; i += maxlen) out.push([...flat.subarray(i, i + maxlen)]);
  return out;
}

const SEQS = [[1, 2, 3], [4, 5], [], [6, 7, 8, 9, 10]];

describe('padSequences', () => {
  it.each(
    named([
      { options: { maxlen: 3 }, expected: [[1, 2, 3], [0, 4, 5], [0, 0, 0], [8, 9, 10]] },
      { options: { maxlen: 3, padding: 'pre', truncating: 'pre' }, expected: [[1, 2, 3], [0, 4, 5], [0, 0, 0], [8, 9, 10]] },
      { options: { maxlen: 3, padding: 'post' }, expected: [[1, 2, 3], [4, 5, 0], [0, 0, 0], [8, 9, 10]] },
      { options: { maxlen: 3, truncating: 'post' }, expected: [[1, 2, 3], [0, 4, 5], [0, 0, 0], [6, 7, 8]] },
      { options: { maxlen: 3, padding: 'post', truncating: 'post' }, expected: [[1, 2, 3], [4, 5, 0], [0, 0, 0], [6, 7, 8]] },
      { options: { maxlen: 3, value: -1 }, expected: [[1, 2, 3], [-1, 4, 5], [-1, -1, -1], [8, 9, 10]] },
      { options: { maxlen: 1 }, expected: [[3], [5], [0], [10]] },
      { options: { maxlen: 1, truncating: 'post' }, expected: [[1], [4], [0], [6]] },
      {
        options: { maxlen: 6 },
        expected: [[0, 0, 0, 1, 2, 3], [0, 0, 0, 0, 4, 5], [0, 0, 0, 0, 0, 0], [0, 6, 7, 8, 9, 10]],
      },
      {
        options: { maxlen: 6, padding: 'post', value: 9 },
        expected: [[1, 2, 3, 9, 9, 9], [4, 5, 9, 9, 9, 9], [9, 9, 9, 9, 9, 9], [6, 7, 8, 9, 10, 9]],
      },
      // numpy casts the fill value to int32 by truncating toward zero.
      { options: { maxlen: 3, value: 2.7 }, expected: [[1, 2, 3], [2, 4, 5], [2, 2, 2], [8, 9, 10]] },
      { options: { maxlen: 3, value: -1.5 }, expected: [[1, 2, 3], [-1, 4, 5], [-1, -1, -1], [8, 9, 10]] },
    ] as { options: PadOptions; expected: number[][] }[]),
  )('pads [[1,2,3],[4,5],[],[6..10]] with %s', (_name, { options, expected }) => {
    const flat = padSequences(SEQS, options);
    expect(flat).toBeInstanceOf(Int32Array);
    expect(flat).toHaveLength(SEQS.length * options.maxlen);
    expect(rows(flat, options.maxlen)).toEqual(expected);
  });

  it('returns an empty array for no sequences', () => {
    expect(padSequences([], { maxlen: 4 })).toHaveLength(0);
  });

  it.each(
    named([
      { options: { maxlen: 0 }, error: 'maxlen must be a positive integer' },
      { options: { maxlen: 2.5 }, error: 'maxlen must be a positive integer' },
      { options: { maxlen: 3, padding: 'middle' }, error: 'Padding type "middle" not understood' },
      { options: { maxlen: 3, truncating: 'both' }, error: 'Truncating type "both" not understood' },
    ]),
  )('rejects %s', (_name, { options, error }) => {
    expect(() => padSequences(SEQS, options as PadOptions)).toThrow(error);
  });
});

describe('encodeTexts', () => {
  const CORPUS = ['The cat sat on the mat.', 'The dog ate my homework.', 'A bird, a cat and a dog!', '', 'mat mat mat mat mat'];
  const LONG = Array.from({ length: 700 }, (_, i) => ['the', 'cat', 'zebra', 'mat'][i % 4]).join(' ');
  const PROBES = [...CORPUS, 'unknown words only', LONG];

  it.each(
    named([
      { config: {}, options: { maxlen: 4 } },
      { config: { numWords: 4 }, options: { maxlen: 8, padding: 'post' } },
      { config: { oovToken: '<OOV>' }, options: { maxlen: 5, truncating: 'post', value: -1 } },
      { config: { oovToken: '<OOV>', numWords: 3 }, options: { maxlen: 6, padding: 'post', truncating: 'post' } },
      { config: { charLevel: true }, options: { maxlen: 10 } },
      { config: { filters: '', lower: false }, options: { maxlen: 3 } },
      { config: {}, options: { maxlen: 1000 } },
    ] as { config: Partial<TokenizerConfig>; options: PadOptions }[]),
  )('equals padSequences(textsToSequences()) for %s', (_name, { config, options }) => {
    const state = fitTokenizer(CORPUS, defaultTokenizerConfig(config));
    expect(encodeTexts(state, PROBES, options)).toEqual(padSequences(textsToSequences(state, PROBES), options));
  });

  it('encodes the classic example', () => {
    const state = fitTokenizer(CORPUS.slice(0, 2), defaultTokenizerConfig());
    expect(rows(encodeTexts(state, CORPUS.slice(0, 2), { maxlen: 5 }), 5)).toEqual([
      [2, 3, 4, 1, 5],
      [1, 6, 7, 8, 9],
    ]);
  });
});
