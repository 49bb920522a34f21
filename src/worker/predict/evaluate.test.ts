import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { defaultTokenizerConfig, fitTokenizer } from '../../core/text/tokenizer';
import { encodeTexts } from '../../core/text/padSequences';
import type { ModelSpec } from '../../core/model/modelSpec';
import { buildModel } from '../train/buildModel';
import { tokenHighlights } from './evaluate';
import type { ActiveModel } from '../session';

const texts = ['the cat sat on the mat', 'dogs chase cats in the park', 'rain falls on the quiet town', 'a cold wind from the north'];

function active(spec: ModelSpec): ActiveModel {
  const tokenizer = fitTokenizer(texts, defaultTokenizerConfig({ numWords: spec.vocabSize }));
  return {
    model: buildModel(spec, 3, 11),
    tokenizer,
    classes: ['a', 'b', 'c'],
    spec,
    config: {} as ActiveModel['config'],
    result: null,
    datasetName: 't',
    datasetFingerprint: 'f',
    examples: texts.length,
    backend: 'cpu',
  };
}

const conv = { kind: 'conv1d', filters: 5, kernelSizes: [3], activation: 'relu' } as const;
const base: ModelSpec = {
  vocabSize: 40,
  sequenceLength: 12,
  embeddingDim: 6,
  layers: [
    { ...conv, kernelSizes: [3] },
    { kind: 'globalMaxPool' },
    { kind: 'dense', units: 4, activation: 'relu' },
  ],
};

describe('tokenHighlights', () => {
  it.each([
    ['one kernel size', base],
    ['kernel sizes 2 and 3 side by side', { ...base, layers: [{ ...conv, kernelSizes: [2, 3] }, ...base.layers.slice(1)] } as ModelSpec],
    ['dropout and no dense layer', { ...base, layers: [base.layers[0], base.layers[1], { kind: 'dropout', rate: 0.5 }] } as ModelSpec],
  ])('%s: one weight per kept token, in order, and the tokens are the ones the model saw', async (_name, spec) => {
    await tf.setBackend('cpu');
    const a = active(spec);
    const text = 'the cat and the unknownword sat';
    const ids = encodeTexts(a.tokenizer, [text], { maxlen: spec.sequenceLength });
    const highlights = (await tokenHighlights(a, text, ids, 0))!;
    expect(highlights.map((h) => h.token)).toEqual(['the', 'cat', 'the', 'sat']);
    expect(highlights.every((h) => Number.isFinite(h.weight))).toBe(true);
    expect(highlights.some((h) => h.weight !== 0)).toBe(true);
    a.model.dispose();
  });

  it('keeps the last tokens of a text longer than the sequence (truncating "pre")', async () => {
    await tf.setBackend('cpu');
    const a = active({ ...base, sequenceLength: 3, layers: [{ ...conv, kernelSizes: [2] }, ...base.layers.slice(1)] });
    const text = 'the cat sat on the mat';
    const ids = encodeTexts(a.tokenizer, [text], { maxlen: 3 });
    expect((await tokenHighlights(a, text, ids, 1))!.map((h) => h.token)).toEqual(['on', 'the', 'mat']);
    a.model.dispose();
  });

  it('explains nothing for average pooling (no max-pooled filters to read)', async () => {
    await tf.setBackend('cpu');
    const a = active({ ...base, layers: [base.layers[0], { kind: 'globalAvgPool' }] });
    const ids = encodeTexts(a.tokenizer, ['the cat'], { maxlen: base.sequenceLength });
    expect(await tokenHighlights(a, 'the cat', ids, 0)).toBeNull();
    a.model.dispose();
  });

  it('does not leak tensors', async () => {
    await tf.setBackend('cpu');
    const a = active(base);
    const ids = encodeTexts(a.tokenizer, ['the cat sat'], { maxlen: base.sequenceLength });
    await tokenHighlights(a, 'the cat sat', ids, 0);
    const before = tf.memory().numTensors;
    await tokenHighlights(a, 'the cat sat', ids, 2);
    expect(tf.memory().numTensors).toBe(before);
    a.model.dispose();
  });
});
