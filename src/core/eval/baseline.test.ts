import { describe, expect, it } from 'vitest';
import { BASELINE_CANCELLED, fitBaseline, maxFeaturesFor, scoreBaseline, trainAndScoreBaseline, type BaselineInput } from './baseline';
import { mulberry32 } from '../random';

const POSITIVE = ['great', 'lovely', 'excellent', 'wonderful', 'superb', 'brilliant'];
const NEGATIVE = ['awful', 'terrible', 'boring', 'dreadful', 'poor', 'horrible'];
const FILLER = ['the', 'film', 'was', 'really', 'quite', 'plot', 'acting', 'music'];

/** Reviews whose class is decided by one sentiment word among shared filler words. */
function reviews(n: number, seed: number): { texts: string[]; labels: number[] } {
  const random = mulberry32(seed);
  const pick = (words: string[]) => words[Math.floor(random() * words.length)];
  const texts: string[] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const words = [pick(FILLER), pick(FILLER), pick(label ? NEGATIVE : POSITIVE), pick(FILLER)];
    texts.push(words.join(' '));
    labels.push(label);
  }
  return { texts, labels };
}

function input(texts: string[], labels: number[], classCount: number, evalShare = 0.25): BaselineInput {
  const cut = Math.floor(texts.length * (1 - evalShare));
  return {
    texts,
    labels,
    classCount,
    trainRows: Array.from({ length: cut }, (_, i) => i),
    evalRows: Array.from({ length: texts.length - cut }, (_, i) => cut + i),
    seed: 1,
  };
}

describe('trainAndScoreBaseline', () => {
  it('gets a separable case 100 % right', () => {
    const { texts, labels } = reviews(200, 3);
    const score = trainAndScoreBaseline(input(texts, labels, 2));
    expect(score.accuracy).toBe(1);
    expect(score.macroF1).toBe(1);
    expect(score.analyzer).toBe('word');
    expect(score.predicted).toHaveLength(50);
    expect(Array.from(score.predicted)).toEqual(labels.slice(150));
  });

  it('gives the same answer every time (and for any seed: it draws no random numbers)', () => {
    const { texts, labels } = reviews(120, 5);
    // Labels partly noisy, so the fit is not trivially perfect.
    const noisy = labels.map((l, i) => (i % 7 === 0 ? 1 - l : l));
    const a = trainAndScoreBaseline(input(texts, noisy, 2));
    const b = trainAndScoreBaseline(input(texts, noisy, 2));
    const c = trainAndScoreBaseline({ ...input(texts, noisy, 2), seed: 99 });
    expect(Array.from(b.predicted)).toEqual(Array.from(a.predicted));
    expect(Array.from(c.predicted)).toEqual(Array.from(a.predicted));
    expect(b.accuracy).toBe(a.accuracy);
  });

  it('reports accuracy and macro F1 of its predictions (hand-checked on three classes)', () => {
    // Three topics; the eval row "ball rain" mentions two, so one eval row is wrong at most.
    const texts = ['ball goal team', 'goal match ball', 'team match goal', 'rain cloud wind', 'wind storm rain', 'cloud storm wind', 'oven bake bread', 'bread flour oven', 'bake flour cake', 'ball goal', 'rain storm', 'oven bread'];
    const labels = [0, 0, 0, 1, 1, 1, 2, 2, 2, 0, 1, 2];
    const score = trainAndScoreBaseline({ ...input(texts, labels, 3), trainRows: [0, 1, 2, 3, 4, 5, 6, 7, 8], evalRows: [9, 10, 11] });
    expect(Array.from(score.predicted)).toEqual([0, 1, 2]);
    expect(score.accuracy).toBe(1);
    expect(score.macroF1).toBe(1);
    const wrongTruth = trainAndScoreBaseline({ ...input(texts, [0, 0, 0, 1, 1, 1, 2, 2, 2, 0, 0, 2], 3), trainRows: [0, 1, 2, 3, 4, 5, 6, 7, 8], evalRows: [9, 10, 11] });
    // Predicted [0, 1, 2] against truth [0, 0, 2]: accuracy 2/3; F1 class 0 = 2·1·0.5/1.5 = 2/3, class 1 = 0, class 2 = 1.
    expect(wrongTruth.accuracy).toBeCloseTo(2 / 3, 12);
    expect(wrongTruth.macroF1).toBeCloseTo((2 / 3 + 0 + 1) / 3, 12);
  });

  it('uses character n-grams for Chinese and learns from them', () => {
    const texts = ['这部电影很好看', '演员很好看', '音乐很好听', '这部电影很难看', '剧情很无聊', '音乐很难听', '故事很好看', '故事很无聊'];
    const labels = [0, 0, 0, 1, 1, 1, 0, 1];
    const score = trainAndScoreBaseline({ ...input(texts, labels, 2), trainRows: [0, 1, 2, 3, 4, 5], evalRows: [6, 7] });
    expect(score.analyzer).toBe('char');
    expect(score.features).toBeGreaterThan(10);
    expect(Array.from(score.predicted)).toEqual([0, 1]);
  });

  it('throws a clear error when cancelled, and reports progress up to 1 otherwise', () => {
    const { texts, labels } = reviews(100, 1);
    expect(() => trainAndScoreBaseline({ ...input(texts, labels, 2), isCancelled: () => true })).toThrow(BASELINE_CANCELLED);
    let polls = 0;
    expect(() => trainAndScoreBaseline({ ...input(texts, labels, 2), isCancelled: () => ++polls > 3 })).toThrow(BASELINE_CANCELLED);
    const seen: number[] = [];
    trainAndScoreBaseline({ ...input(texts, labels, 2), onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
  });

  it('fits once and scores any held-out rows', () => {
    const { texts, labels } = reviews(80, 2);
    const data = input(texts, labels, 2);
    const model = fitBaseline(data);
    expect(model.iterations).toBeGreaterThan(0);
    expect(model.analyzerReason).toMatch(/^Word 1–2-grams/);
    const a = scoreBaseline(model, data, [60, 61, 62]);
    expect(a.predicted).toHaveLength(3);
    expect(scoreBaseline(model, data, []).accuracy).toBe(0);
  });
});

describe('maxFeaturesFor', () => {
  it.each([
    [2, 200_000],
    [20, 50_000],
    [1000, 1000],
  ])('%i classes → at most %i terms', (classes, cap) => expect(maxFeaturesFor(classes)).toBe(cap));

  it('refuses more classes than the budget allows, saying how many it takes', () => {
    const texts = Array.from({ length: 1001 }, (_, i) => `text ${i}`);
    const labels = texts.map((_, i) => i);
    expect(() => trainAndScoreBaseline({ ...input(texts, labels, 1001), classCount: 1001 })).toThrow('The baseline takes at most 1,000 classes; this data has 1,001.');
  });
});
