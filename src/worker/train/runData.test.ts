import { describe, expect, it } from 'vitest';
import { rowTokens } from '../../core/train/augment';
import { PRESETS } from '../../core/train/presets';
import { defaultTokenizerOptions } from '../../core/text/tokenizerMode';
import type { TrainRequest } from '../../protocol/messages';
import { encodeRun, prepareData } from './runData';

const words = ['good', 'great', 'fine', 'nice', 'bad', 'awful', 'poor', 'sad'];
const dataset = {
  texts: Array.from({ length: 40 }, (_, i) => `${words[(i % 2) * 4 + (i % 4)]} ${words[(i % 2) * 4 + ((i >> 2) % 4)]} text ${i}`),
  labels: Int32Array.from({ length: 40 }, (_, i) => i % 2),
  classes: ['pos', 'neg'],
};
const request = (copies: number, sequenceLength = 8): TrainRequest => ({
  spec: { ...PRESETS[0].spec, sequenceLength },
  config: { ...PRESETS[0].train, validationSplit: 0.2, testSplit: 0.2, seed: 3, augment: { copies, deletion: 0.2, swaps: 1, insertions: 1, dropout: 0.2 } },
  tokenizer: defaultTokenizerOptions(),
});

describe('prepareData with augmentation', () => {
  it('adds copies × training rows to train on; the split, the tokenizer and the held-out rows stay as without it', () => {
    const plain = prepareData(dataset, request(0));
    const run = prepareData(dataset, request(2));
    expect(plain.augmented).toBe(0);
    expect(plain.trainRows).toBe(plain.split.train);
    expect(run.augmented).toBe(2 * run.split.train.length);
    expect(run.trainRows.length).toBe(3 * run.split.train.length);
    expect(Array.from(run.split.train)).toEqual(Array.from(plain.split.train));
    expect(Array.from(run.split.validation)).toEqual(Array.from(plain.split.validation));
    expect(Array.from(run.split.test)).toEqual(Array.from(plain.split.test));
    expect([...run.tokenizer.wordIndex]).toEqual([...plain.tokenizer.wordIndex]);
    const L = run.data.sequenceLength;
    const rows = dataset.texts.length;
    expect(Array.from(run.data.ids.subarray(0, rows * L))).toEqual(Array.from(plain.data.ids));
    expect(run.data.labels.length).toBe(rows + run.augmented);
    // Every added row is trained on, and no held-out row is.
    const heldOut = new Set([...run.split.validation, ...run.split.test]);
    expect(Array.from(run.trainRows).filter((r) => r >= rows)).toHaveLength(run.augmented);
    expect(Array.from(run.trainRows).some((r) => heldOut.has(r))).toBe(false);
    // Without an OOV token, dropout writes 0: the added rows hold training-split ids and 0 only.
    const trainIds = new Set(Array.from(run.split.train).flatMap((r) => rowTokens(run.data.ids, r, L)));
    for (let r = rows; r < rows + run.augmented; r++) expect(rowTokens(run.data.ids, r, L).every((t) => t === 0 || trainIds.has(t))).toBe(true);
  });

  it('augments the given training rows of a fold or trial (encodeRun), never its validation rows', () => {
    const fold = { train: Int32Array.from({ length: 30 }, (_, i) => i + 10), validation: Int32Array.from({ length: 10 }, (_, i) => i), test: new Int32Array(0) };
    const run = encodeRun(dataset, request(1), fold);
    expect(run.augmented).toBe(30);
    expect(Array.from(run.trainRows)).toEqual([...fold.train, ...Array.from({ length: 30 }, (_, k) => 40 + k)]);
    expect(Array.from(run.data.labels.subarray(40))).toEqual(Array.from(fold.train, (r) => dataset.labels[r]));
  });

  it('refuses, before fitting anything, when the copies would not fit in memory', () => {
    expect(() => prepareData(dataset, request(20, 1_000_000))).toThrow(/Augmentation would add 480 training texts \(1,831 MB of token ids\)/);
  });
});
