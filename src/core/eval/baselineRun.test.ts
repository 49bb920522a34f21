import { describe, expect, it } from 'vitest';
import { baselineBesideCnn, baselineJob, baselineMethod, readBaselineSummary, runBaselineJob } from './baselineRun';

const TEXTS = ['good fun', 'great fun', 'bad dull', 'awful dull', 'good great', 'bad awful', 'fun good', 'dull bad'];
const LABELS = [0, 0, 1, 1, 0, 1, 0, 1];

describe('baselineJob', () => {
  it('copies only the texts of the split, renumbered, and keeps their labels', () => {
    const job = baselineJob(TEXTS, LABELS, 2, { train: [0, 2], validation: [5], test: [6, 7] }, 1);
    expect(job.texts).toEqual(['good fun', 'bad dull', 'bad awful', 'fun good', 'dull bad']);
    expect(Array.from(job.labels)).toEqual([0, 1, 1, 0, 1]);
    expect(Array.from(job.trainRows)).toEqual([0, 1]);
    expect(Array.from(job.validationRows)).toEqual([2]);
    expect(Array.from(job.testRows)).toEqual([3, 4]);
    expect(job.sampledFrom).toBeNull();
  });

  it('fits on a seeded sample of the training rows past the cap', () => {
    const train = Array.from({ length: 100 }, (_, i) => i);
    const texts = train.map((i) => `text ${i}`);
    const labels = train.map((i) => i % 2);
    const a = baselineJob(texts, labels, 2, { train, validation: [], test: [] }, 7, 10);
    const b = baselineJob(texts, labels, 2, { train, validation: [], test: [] }, 7, 10);
    const c = baselineJob(texts, labels, 2, { train, validation: [], test: [] }, 8, 10);
    expect(a.sampledFrom).toBe(100);
    expect(a.texts).toHaveLength(10);
    expect(new Set(a.texts).size).toBe(10);
    expect(b.texts).toEqual(a.texts);
    expect(c.texts).not.toEqual(a.texts);
  });
});

describe('runBaselineJob', () => {
  it('scores validation and test rows and says what it did', () => {
    const job = baselineJob(TEXTS, LABELS, 2, { train: [0, 1, 2, 3], validation: [4, 5], test: [6, 7] }, 1);
    let t = 1000;
    const progress: number[] = [];
    const summary = runBaselineJob(job, () => (t += 5), { onProgress: (f) => progress.push(f) });
    expect(summary.validation).toEqual({ accuracy: 1, macroF1: 1, rows: 2 });
    expect(summary.test).toEqual({ accuracy: 1, macroF1: 1, rows: 2 });
    expect(summary.analyzer).toBe('word');
    expect(summary.method).toBe('TF-IDF of word 1–2-grams + logistic regression (L2, C = 10)');
    expect(summary.trainRows).toBe(4);
    expect(summary.elapsedMs).toBe(5);
    expect(summary.features).toBeGreaterThan(4);
    expect(progress.at(-1)).toBe(1);
  });

  it('has no test score without test rows', () => {
    const job = baselineJob(TEXTS, LABELS, 2, { train: [0, 1, 2, 3], validation: [4, 5], test: [] }, 1);
    expect(runBaselineJob(job, () => 0).test).toBeNull();
  });

  it('names character n-grams in its method', () => {
    expect(baselineMethod('char')).toBe('TF-IDF of character 1–3-grams + logistic regression (L2, C = 10)');
  });
});

describe('readBaselineSummary', () => {
  const summary = runBaselineJob(baselineJob(TEXTS, LABELS, 2, { train: [0, 1, 2, 3], validation: [4, 5], test: [] }, 1), () => 0);

  it('reads back what the studio writes', () => {
    expect(readBaselineSummary(JSON.parse(JSON.stringify(summary)))).toEqual(summary);
  });

  it.each([
    ['absent', undefined],
    ['not an object', 'baseline'],
    ['an accuracy above 1', { ...summary, validation: { ...summary.validation, accuracy: 7 } }],
    ['an unknown analyzer', { ...summary, analyzer: 'bytes' }],
    ['a missing test field', { ...summary, test: undefined }],
    ['a fractional feature count', { ...summary, features: 1.5 }],
  ])('refuses %s', (_name, value) => expect(readBaselineSummary(value)).toBeNull());
});

describe('baselineBesideCnn', () => {
  it.each([
    [2, 1, false],
    [2, 2, false],
    [3, 1, true],
    [4, 2, true],
    [8, 2, true],
  ])('%i cores, a trainer on %i threads → beside: %s', (cores, threads, beside) => expect(baselineBesideCnn(cores, threads)).toBe(beside));
});
