import { describe, expect, it } from 'vitest';
import { averagePrecision, cellMembers, decide, misclassified, positiveScores, precisionRecallCurve } from './evaluation';

const probs3 = new Float32Array([0.7, 0.2, 0.1, 0.1, 0.3, 0.6, 0.4, 0.4, 0.2, 0.2, 0.5, 0.3]);

describe('decide', () => {
  it.each([
    ['argmax over three classes (first on ties)', probs3, 3, null, [0, 2, 0, 1]],
    ['two classes, threshold 0.5', new Float32Array([0.6, 0.4, 0.3, 0.7, 0.5, 0.5]), 2, 0.5, [0, 1, 1]],
    ['two classes, threshold 0.8', new Float32Array([0.6, 0.4, 0.3, 0.7, 0.1, 0.9]), 2, 0.8, [0, 0, 1]],
    ['two classes, threshold 0.2', new Float32Array([0.6, 0.4, 0.9, 0.1]), 2, 0.2, [1, 0]],
    ['threshold ignored for three classes', probs3, 3, 0.9, [0, 2, 0, 1]],
  ])('%s', (_name, probs, k, threshold, expected) => {
    expect(Array.from(decide(probs, k, threshold))).toEqual(expected);
  });
});

describe('cellMembers and misclassified', () => {
  const truth = Int32Array.from([0, 2, 1, 1]);
  const predicted = decide(probs3, 3);
  it.each([
    [0, 0, [0]],
    [1, 0, [2]],
    [1, 1, [3]],
    [2, 2, [1]],
    [2, 0, []],
  ])('true %i predicted %i → rows %j', (t, p, rows) => {
    expect(cellMembers(truth, predicted, t, p)).toEqual(rows);
  });
  it('lists only wrong rows, most confident first, with the confidence of the wrong class', () => {
    const wrong = misclassified(Int32Array.from([1, 0, 1, 2]), predicted, probs3, 3);
    expect(wrong.map((m) => [m.index, m.truth, m.predicted])).toEqual([
      [0, 1, 0],
      [1, 0, 2],
      [3, 2, 1],
      [2, 1, 0],
    ]);
    expect(wrong.map((m) => m.confidence)).toEqual([expect.closeTo(0.7, 6), expect.closeTo(0.6, 6), expect.closeTo(0.5, 6), expect.closeTo(0.4, 6)]);
    expect(misclassified(Int32Array.from([0, 2, 0, 1]), predicted, probs3, 3)).toEqual([]);
  });
});

describe('precisionRecallCurve', () => {
  it('walks thresholds from the highest score down, merging ties', () => {
    const curve = precisionRecallCurve([true, false, true, false], [0.9, 0.8, 0.8, 0.1]);
    expect(curve).toEqual([
      { threshold: Infinity, precision: 1, recall: 0 },
      { threshold: 0.9, precision: 1, recall: 0.5 },
      { threshold: 0.8, precision: 2 / 3, recall: 1 },
      { threshold: 0.1, precision: 0.5, recall: 1 },
    ]);
    expect(averagePrecision(curve)).toBeCloseTo(0.5 * 1 + 0.5 * (2 / 3), 10);
  });
  it('a perfect ranking has average precision 1', () => {
    expect(averagePrecision(precisionRecallCurve([true, true, false], [0.9, 0.8, 0.2]))).toBe(1);
  });
  it('no positives: recall stays 0 and precision is 0 after the start', () => {
    const curve = precisionRecallCurve([false, false], [0.3, 0.2]);
    expect(curve.map((p) => p.recall)).toEqual([0, 0, 0]);
    expect(curve.slice(1).map((p) => p.precision)).toEqual([0, 0]);
    expect(averagePrecision(curve)).toBe(0);
  });
  it('positiveScores reads the second column', () => {
    expect(Array.from(positiveScores(new Float32Array([0.25, 0.75, 0.5, 0.5])))).toEqual([0.75, 0.5]);
  });
});
