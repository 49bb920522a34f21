import { describe, expect, it } from 'vitest';
import { argmax, confusionMatrix, majorityRate, metricsFromConfusion } from './metrics';
import type { MetricsReport } from './metrics';

/**
 * Pairs each case with its name rendered from the case data itself, so names cannot drift from
 * what is checked. Used with '%s' because '$field' titles are truncated by vitest.
 */
function named<T extends object>(cases: T[]): [string, T][] {
  return cases.map((c) => [JSON.stringify(c), c]);
}

/** Replaces every number with a close-to matcher; NaN never matches one. */
function approx(value: unknown): unknown {
  if (typeof value === 'number') return expect.closeTo(value, 12);
  if (Array.isArray(value)) return value.map(approx);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, approx(v)]));
  return value;
}

// Every expected value below is worked out by hand from the confusion matrix next to it.
interface Case {
  about: string;
  truth: number[];
  predicted: number[];
  classCount: number;
  matrix: number[][];
  report: MetricsReport;
}

const CASES: Case[] = [
  {
    about: 'three classes, mixed errors (weighted recall equals accuracy)',
    truth: [0, 0, 0, 0, 1, 1, 1, 2, 2, 2],
    predicted: [0, 0, 1, 2, 1, 1, 0, 2, 2, 1],
    classCount: 3,
    // columns: predicted 0, 1, 2 → column sums 3, 4, 3
    matrix: [
      [2, 1, 1],
      [1, 2, 0],
      [0, 1, 2],
    ],
    report: {
      accuracy: 6 / 10,
      perClass: [
        { precision: 2 / 3, recall: 2 / 4, f1: 4 / 7, support: 4 },
        { precision: 2 / 4, recall: 2 / 3, f1: 4 / 7, support: 3 },
        { precision: 2 / 3, recall: 2 / 3, f1: 2 / 3, support: 3 },
      ],
      macro: { precision: 11 / 18, recall: 11 / 18, f1: 38 / 63 },
      // (4·2/3 + 3·1/2 + 3·2/3) / 10 = 37/60; (4·4/7 + 3·4/7 + 3·2/3) / 10 = 6/10
      weighted: { precision: 37 / 60, recall: 6 / 10, f1: 6 / 10 },
      total: 10,
    },
  },
  {
    about: 'class 1 never predicted (precision 0, not NaN) and class 2 absent from the truth (recall 0, support 0)',
    truth: [0, 0, 0, 1, 1],
    predicted: [0, 0, 2, 0, 0],
    classCount: 3,
    matrix: [
      [2, 0, 1],
      [2, 0, 0],
      [0, 0, 0],
    ],
    report: {
      accuracy: 2 / 5,
      perClass: [
        { precision: 2 / 4, recall: 2 / 3, f1: 4 / 7, support: 3 },
        { precision: 0, recall: 0, f1: 0, support: 2 },
        { precision: 0, recall: 0, f1: 0, support: 0 },
      ],
      macro: { precision: 1 / 6, recall: 2 / 9, f1: 4 / 21 },
      weighted: { precision: 3 / 10, recall: 2 / 5, f1: 12 / 35 },
      total: 5,
    },
  },
  {
    about: 'binary, imbalanced: macro and weighted averages differ',
    truth: [0, 0, 0, 0, 0, 0, 1, 1],
    predicted: [0, 0, 0, 0, 0, 1, 1, 0],
    classCount: 2,
    matrix: [
      [5, 1],
      [1, 1],
    ],
    report: {
      accuracy: 6 / 8,
      perClass: [
        { precision: 5 / 6, recall: 5 / 6, f1: 5 / 6, support: 6 },
        { precision: 1 / 2, recall: 1 / 2, f1: 1 / 2, support: 2 },
      ],
      macro: { precision: 2 / 3, recall: 2 / 3, f1: 2 / 3 },
      // (6·5/6 + 2·1/2) / 8 = 6/8
      weighted: { precision: 6 / 8, recall: 6 / 8, f1: 6 / 8 },
      total: 8,
    },
  },
  {
    about: 'perfect predictions',
    truth: [1, 0, 1],
    predicted: [1, 0, 1],
    classCount: 2,
    matrix: [
      [1, 0],
      [0, 2],
    ],
    report: {
      accuracy: 1,
      perClass: [
        { precision: 1, recall: 1, f1: 1, support: 1 },
        { precision: 1, recall: 1, f1: 1, support: 2 },
      ],
      macro: { precision: 1, recall: 1, f1: 1 },
      weighted: { precision: 1, recall: 1, f1: 1 },
      total: 3,
    },
  },
  {
    about: 'no rows at all: zeros everywhere, never NaN',
    truth: [],
    predicted: [],
    classCount: 2,
    matrix: [
      [0, 0],
      [0, 0],
    ],
    report: {
      accuracy: 0,
      perClass: [
        { precision: 0, recall: 0, f1: 0, support: 0 },
        { precision: 0, recall: 0, f1: 0, support: 0 },
      ],
      macro: { precision: 0, recall: 0, f1: 0 },
      weighted: { precision: 0, recall: 0, f1: 0 },
      total: 0,
    },
  },
];

describe('confusionMatrix', () => {
  it.each(named(CASES.map(({ truth, predicted, classCount, matrix }) => ({ truth, predicted, classCount, matrix }))))(
    '%s',
    (_name, { truth, predicted, classCount, matrix }) => {
      expect(confusionMatrix(truth, predicted, classCount)).toEqual(matrix);
      expect(confusionMatrix(Int32Array.from(truth), Int32Array.from(predicted), classCount)).toEqual(matrix);
    },
  );

  it.each(
    named([
      { truth: [0, 1], predicted: [0], error: 'Truth has 2 rows but predictions have 1.' },
      { truth: [], predicted: [1], error: 'Truth has 0 rows but predictions have 1.' },
    ]),
  )('refuses arrays of different lengths: %s', (_name, { truth, predicted, error }) => {
    expect(() => confusionMatrix(truth, predicted, 2)).toThrow(error);
  });
});

describe('metricsFromConfusion', () => {
  it.each(CASES.map((c) => [c.about, c] as const))('%s', (_name, { matrix, report }) => {
    expect(metricsFromConfusion(matrix)).toEqual(approx(report));
  });
});

describe('majorityRate', () => {
  it.each(
    named([
      { labels: [0, 0, 1], classCount: 2, rate: 2 / 3 },
      { labels: [2, 2, 2, 2], classCount: 3, rate: 1 },
      { labels: [0, 1, 2, 3], classCount: 4, rate: 1 / 4 },
      { labels: [1, 0, 1, 0, 2], classCount: 3, rate: 2 / 5 },
      { labels: [], classCount: 2, rate: 0 },
    ]),
  )('%s', (_name, { labels, classCount, rate }) => {
    expect(majorityRate(labels, classCount)).toBeCloseTo(rate, 12);
    expect(majorityRate(Int32Array.from(labels), classCount)).toBeCloseTo(rate, 12);
  });
});

describe('argmax', () => {
  it.each(
    named([
      { values: [0.1, 0.7, 0.2], index: 1 },
      { values: [1, 3, 3, 2], index: 1 },
      { values: [5, 5], index: 0 },
      { values: [-1, -2, -0.5], index: 2 },
      { values: [42], index: 0 },
    ]),
  )('%s (first on ties)', (_name, { values, index }) => {
    expect(argmax(values)).toBe(index);
    expect(argmax(Float32Array.from(values))).toBe(index);
  });

  // A flat batch of probabilities, 3 classes per row: [0.2 0.5 0.3 | 0.4 0.4 0.2 | 0.1 0.1 0.8].
  const BATCH = [0.2, 0.5, 0.3, 0.4, 0.4, 0.2, 0.1, 0.1, 0.8];
  it.each(
    named([
      { offset: 0, length: 3, index: 1 },
      { offset: 3, length: 3, index: 0 },
      { offset: 6, length: 3, index: 2 },
      { offset: 6, length: 2, index: 0 },
      { offset: 1, length: 1, index: 0 },
    ]),
  )('returns the index within the slice %s of a flat batch', (_name, { offset, length, index }) => {
    expect(argmax(BATCH, offset, length)).toBe(index);
  });

  it('scans to the end of the array when only an offset is given', () => {
    expect(argmax(BATCH, 3)).toBe(5); // 0.8 at position 8 = 3 + 5
  });
});
