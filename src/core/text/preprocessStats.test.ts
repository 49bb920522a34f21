import { describe, expect, it } from 'vitest';
import { computePreprocessStats } from './preprocessReport';
import { lengthStats, oovStats, sortedCounts, suggestSequenceLength, truncatedCount, vocabularyStats } from './preprocessStats';
import { defaultTokenizerConfig, fitTokenizer } from './tokenizer';
import type { TokenizerConfig } from './tokenizer';
import { defaultTokenizerOptions } from './tokenizerMode';

function named<T extends object>(cases: T[]): [string, T][] {
  return cases.map((c) => [JSON.stringify(c), c]);
}


describe('lengthStats', () => {
  it('counts texts per bin and reports percentiles and the mean', () => {
    const stats = lengthStats([0, 1, 1, 2, 5, 9], 4);
    expect(stats.histogram).toEqual([
      { from: 0, to: 4, count: 4 },
      { from: 5, to: 9, count: 2 },
    ]);
    expect(stats.percentiles).toEqual({ p50: 1, p90: 9, p95: 9, p99: 9, max: 9 });
    expect(stats.mean).toBe(3);
    expect(stats.texts).toBe(6);
  });

  it('has one bin per length when lengths are few', () => {
    expect(lengthStats([2, 2, 3]).histogram).toEqual([
      { from: 0, to: 0, count: 0 },
      { from: 1, to: 1, count: 0 },
      { from: 2, to: 2, count: 2 },
      { from: 3, to: 3, count: 1 },
    ]);
  });

  it('is empty for no texts', () => {
    expect(lengthStats([])).toEqual({ texts: 0, mean: 0, percentiles: { p50: 0, p90: 0, p95: 0, p99: 0, max: 0 }, histogram: [] });
  });
});

describe('truncatedCount and suggestSequenceLength', () => {
  it.each(
    named([
      { sorted: [1, 2, 3, 3, 10], length: 3, truncated: 1 },
      { sorted: [1, 2, 3, 3, 10], length: 2, truncated: 3 },
      { sorted: [1, 2, 3, 3, 10], length: 10, truncated: 0 },
      { sorted: [1, 2, 3, 3, 10], length: 0, truncated: 5 },
      { sorted: [], length: 5, truncated: 0 },
    ]),
  )('truncatedCount %s', (_name, { sorted, length, truncated }) => {
    expect(truncatedCount(sorted, length)).toBe(truncated);
  });

  it.each(
    named([
      { p95: 57, minimum: 5, suggested: 57 },
      { p95: 2, minimum: 5, suggested: 5 },
      { p95: 4200, minimum: 5, suggested: 1000 },
      { p95: 0, minimum: 0, suggested: 1 },
    ]),
  )('suggestSequenceLength %s', (_name, { p95, minimum, suggested }) => {
    expect(suggestSequenceLength(p95, minimum)).toBe(suggested);
  });
});

// the×3, cat×2, sat, on, mat, dog: 9 occurrences, 6 distinct.
const TRAIN = ['the cat sat on the mat', 'the cat', 'dog'];
const fit = (overrides: Partial<TokenizerConfig>) => fitTokenizer(TRAIN, defaultTokenizerConfig(overrides));

describe('vocabularyStats', () => {
  it.each(
    named([
      { config: {}, kept: 6, covered: 9 },
      { config: { numWords: 3 }, kept: 2, covered: 5 },
      { config: { numWords: 2 }, kept: 1, covered: 3 },
      // The oov token takes index 1, so num_words 3 keeps one real word.
      { config: { numWords: 3, oovToken: '<OOV>' }, kept: 1, covered: 3 },
    ]),
  )('%s', (_name, { config, kept, covered }) => {
    const stats = vocabularyStats(fit(config));
    expect(stats).toMatchObject({ size: 6, occurrences: 9, kept, covered, coverage: covered / 9 });
  });

  it('lists the most frequent tokens with index and count, ties in first-seen order', () => {
    expect(vocabularyStats(fit({ oovToken: '<OOV>' }), 3).top).toEqual([
      { token: 'the', index: 2, count: 3 },
      { token: 'cat', index: 3, count: 2 },
      { token: 'sat', index: 4, count: 1 },
    ]);
  });
});

describe('oovStats', () => {
  it.each(
    named([
      { config: {}, texts: ['the dog ran', 'a cat'], oov: 2, tokens: 5 },
      { config: { numWords: 3 }, texts: ['the dog ran', 'a cat'], oov: 3, tokens: 5 },
      { config: { numWords: 3, oovToken: '<OOV>' }, texts: ['the dog ran', 'a cat'], oov: 4, tokens: 5 },
      { config: {}, texts: [''], oov: 0, tokens: 0 },
    ]),
  )('%s', (_name, { config, texts, oov, tokens }) => {
    expect(oovStats(fit(config), texts)).toEqual({ tokens, outOfVocabulary: oov, rate: tokens ? oov / tokens : 0 });
  });
});

describe('sortedCounts', () => {
  it('counts the tokens each text keeps after the vocabulary cut-off, ascending', () => {
    expect([...sortedCounts(fit({ numWords: 3 }), TRAIN)]).toEqual([0, 2, 3]);
    expect([...sortedCounts(fit({ numWords: 3, oovToken: '<OOV>' }), TRAIN)]).toEqual([1, 2, 6]);
  });
});

describe('computePreprocessStats', () => {
  // Two classes of 10 texts; class 1 has one long text. Validation 20% = 2 rows per class.
  const texts = [
    ...Array.from({ length: 10 }, (_, i) => `sun rain wind day w${i}`),
    ...Array.from({ length: 9 }, (_, i) => `goal match team g${i}`),
    `${'goal '.repeat(80)}g9`,
  ];
  const labels = [...Array<number>(10).fill(0), ...Array<number>(10).fill(1)];
  const request = { tokenizer: defaultTokenizerOptions(), vocabSize: 100, minSequenceLength: 3, validationSplit: 0.2, testSplit: 0, seed: 42 };

  it('fits on the training split only and reports lengths, vocabulary and validation OOV', () => {
    const stats = computePreprocessStats(texts, labels, request);
    expect(stats.trainTexts).toBe(16);
    expect(stats.validationTexts).toBe(4);
    expect(stats.tokenizer).toMatchObject({ mode: 'keras', kerasCompatible: true });
    expect(stats.auto.mode).toBe('keras');
    expect(stats.sortedLengths).toHaveLength(16);
    expect(stats.lengths.texts).toBe(16);
    expect(stats.suggestedSequenceLength).toBe(stats.lengths.percentiles.p95);
    expect(stats.vocabulary.numWords).toBe(100);
    expect(stats.vocabulary.coverage).toBe(1);
    // Each text has one word of its own (w3, g7…): exactly one unseen word per validation text.
    expect(stats.validationOov.outOfVocabulary).toBe(4);
    expect(stats.validationOov.rate).toBe(4 / stats.validationOov.tokens);
  });

  it('says what is wrong with a bad vocabulary size or split', () => {
    expect(() => computePreprocessStats(texts, labels, { ...request, vocabSize: 1 })).toThrow('Vocabulary size must be a whole number of at least 2');
    expect(() => computePreprocessStats(texts, labels, { ...request, validationSplit: 1 })).toThrow('must be ≥ 0 and sum to less than 1');
  });
});
