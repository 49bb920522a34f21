import { describe, expect, it } from 'vitest';
import { chooseAnalyzer, fitTfidf, fitTransformTfidf, forEachTerm, transformTfidf, type TfidfOptions } from './tfidf';
import { csrRow } from './sparse';

const WORD: TfidfOptions = { analyzer: 'word', maxFeatures: 1000, minDf: 1, sublinearTf: false };
// Tokens of two or more word characters, lower-cased: "a" is dropped as scikit-learn does.
const CORPUS = ['The cat sat', 'the DOG, a dog?', 'cat cat'];
const ALL = [0, 1, 2];
// n = 3 documents. df 2: "the", "cat" → idf = ln(4/3) + 1 = 1.2876821; df 1: ln(4/2) + 1 = 1.6931472.
const IDF2 = Math.log(4 / 3) + 1;
const IDF1 = Math.log(2) + 1;

const terms = (text: string, analyzer: 'word' | 'char') => {
  const out: string[] = [];
  forEachTerm(text, analyzer, (t) => out.push(t));
  return out;
};

describe('forEachTerm', () => {
  it('gives word unigrams and bigrams in order, lower-cased, without one-character words', () => {
    expect(terms('The cat, a HAT!', 'word')).toEqual(['the', 'cat', 'the cat', 'hat', 'cat hat']);
  });
  it('gives character 1–3-grams with runs of spaces collapsed', () => {
    expect(terms('Ab  c', 'char')).toEqual(['a', 'b', 'ab', ' ', 'b ', 'ab ', 'c', ' c', 'b c']);
  });
  it('counts a character outside the basic plane as one character', () => {
    expect(terms('😀x', 'char')).toEqual(['😀', 'x', '😀x']);
  });
});

describe('fitTfidf', () => {
  const model = fitTfidf(CORPUS, ALL, WORD);

  it('keeps every term of the training rows, in alphabetical order, with smoothed idf', () => {
    expect(model.terms).toEqual(['cat', 'cat cat', 'cat sat', 'dog', 'dog dog', 'sat', 'the', 'the cat', 'the dog']);
    const idf = Object.fromEntries(model.terms.map((t, i) => [t, model.idf[i]]));
    expect(idf.the).toBeCloseTo(IDF2, 10);
    expect(idf.cat).toBeCloseTo(IDF2, 10);
    expect(idf.dog).toBeCloseTo(IDF1, 10);
    expect(idf['cat sat']).toBeCloseTo(IDF1, 10);
  });

  it('learns from the training rows only', () => {
    const trainOnly = fitTfidf(CORPUS, [0, 2], WORD);
    expect(trainOnly.terms).not.toContain('dog');
    // n = 2 now: "cat" in both → ln(3/3) + 1 = 1.
    expect(trainOnly.idf[trainOnly.terms.indexOf('cat')]).toBeCloseTo(1, 10);
  });

  it('drops terms below the minimum document frequency', () => {
    expect(fitTfidf(CORPUS, ALL, { ...WORD, minDf: 2 }).terms).toEqual(['cat', 'the']);
  });

  it('caps the vocabulary at the terms in most texts, ties alphabetical', () => {
    expect(fitTfidf(CORPUS, ALL, { ...WORD, maxFeatures: 1 }).terms).toEqual(['cat']);
    expect(fitTfidf(CORPUS, ALL, { ...WORD, maxFeatures: 3 }).terms).toEqual(['cat', 'cat cat', 'the']);
  });

  it('holds the same terms forEachTerm walks, in character mode too', () => {
    const texts = ['猫が好き', '犬が好き'];
    const char = fitTfidf(texts, [0, 1], { ...WORD, analyzer: 'char' });
    const expected = new Set([...terms(texts[0], 'char'), ...terms(texts[1], 'char')]);
    expect(new Set(char.terms)).toEqual(expected);
    expect(char.terms).toHaveLength(expected.size);
  });
});

describe('transformTfidf', () => {
  const model = fitTfidf(CORPUS, ALL, WORD);
  const col = (t: string) => model.terms.indexOf(t);

  it('weights counts by idf and L2-normalises each row (values computed by hand)', () => {
    const x = transformTfidf(model, CORPUS, ALL);
    expect(x.rows).toBe(3);
    expect(x.cols).toBe(9);
    // "cat cat": cat tf 2 → 2·1.2876821 = 2.5753641; "cat cat" tf 1 → 1.6931472; norm 3.0820826.
    const third = csrRow(x, 2);
    expect(Object.keys(third).map(Number)).toEqual([col('cat'), col('cat cat')]);
    expect(third[col('cat')]).toBeCloseTo(0.8355915, 6);
    expect(third[col('cat cat')]).toBeCloseTo(0.5493512, 6);
    // "the dog, a dog": the 1, dog 2, "the dog" 1, "dog dog" 1 ("a" is no token).
    const second = csrRow(x, 1);
    const v = [IDF2, 2 * IDF1, IDF1, IDF1];
    const norm = Math.hypot(...v);
    expect(second[col('the')]).toBeCloseTo(v[0] / norm, 6);
    expect(second[col('dog')]).toBeCloseTo(v[1] / norm, 6);
    expect(second[col('dog dog')]).toBeCloseTo(v[3] / norm, 6);
  });

  it('fitting and transforming at once gives the same rows as transforming afterwards', () => {
    const texts = [...CORPUS, 'the cat and the dog', '猫 the bird'];
    const rows = [4, 0, 2, 3];
    const both = fitTransformTfidf(texts, rows, { ...WORD, sublinearTf: true });
    expect(both.model.terms).toEqual(fitTfidf(texts, rows, { ...WORD, sublinearTf: true }).terms);
    expect(both.x).toEqual(transformTfidf(both.model, texts, rows));
    const capped = fitTransformTfidf(texts, rows, { ...WORD, maxFeatures: 2 });
    expect(capped.x).toEqual(transformTfidf(capped.model, texts, rows));
  });

  it('uses 1 + ln(count) with sublinear tf', () => {
    const sub = fitTfidf(CORPUS, ALL, { ...WORD, sublinearTf: true });
    const row = csrRow(transformTfidf(sub, CORPUS, [2]), 0);
    // cat: (1 + ln 2) · 1.2876821 = 2.1802256; "cat cat": 1.6931472.
    expect(row[col('cat')]).toBeCloseTo(0.7898069, 6);
    expect(row[col('cat cat')]).toBeCloseTo(0.6133555, 6);
  });

  it('ignores unseen terms and leaves a text without known terms empty', () => {
    const x = transformTfidf(model, ['the bird sat', 'zebra'], [0, 1]);
    const first = csrRow(x, 0);
    // "the" and "sat" are known, "bird" and both bigrams are not.
    const v = [IDF2, IDF1];
    expect(first[col('the')]).toBeCloseTo(v[0] / Math.hypot(...v), 6);
    expect(first[col('sat')]).toBeCloseTo(v[1] / Math.hypot(...v), 6);
    expect(Object.keys(first)).toHaveLength(2);
    expect(csrRow(x, 1)).toEqual({});
  });

  it('reports progress through its step callback, which can stop it', () => {
    const texts = Array.from({ length: 600 }, (_, i) => `text number ${i}`);
    const rows = texts.map((_, i) => i);
    const seen: number[] = [];
    transformTfidf(fitTfidf(texts, rows, WORD), texts, rows, (f) => seen.push(f));
    expect(seen).toEqual([0, 256 / 600, 512 / 600]);
    expect(() => fitTfidf(texts, rows, WORD, () => { throw new Error('stop'); })).toThrow('stop');
  });
});

describe('chooseAnalyzer', () => {
  it('uses word n-grams for texts with spaces', () => {
    expect(chooseAnalyzer(['the match ended in a draw', 'rain all day tomorrow']).analyzer).toBe('word');
  });
  it.each([
    ['Chinese', ['我喜欢这部电影', '这个产品很差劲', '今天天气很好']],
    ['Thai', ['ฉันชอบหนังเรื่องนี้มาก', 'สินค้านี้แย่มาก']],
    ['single names', ['Anna', 'Peter', 'Maria', 'John']],
  ])('uses character n-grams for %s', (_name, texts) => {
    const choice = chooseAnalyzer(texts);
    expect(choice.analyzer).toBe('char');
    expect(choice.reason).toMatch(/^Character 1–3-grams/);
  });
});
