import { describe, expect, it } from 'vitest';
import { PRESETS } from '../train/presets';
import { parseSpecFile, specFileText, specFromHash, specFromJson, specToHash } from './specJson';

describe('spec files and links', () => {
  it.each(PRESETS.map((p) => [p.name, p.spec] as const))('%s round-trips through a file and a link', (_name, spec) => {
    expect(parseSpecFile(specFileText(spec))).toEqual(spec);
    expect(specFromHash(specToHash(spec))).toEqual(spec);
  });
  it('accepts a bare spec object too', () => {
    expect(specFromJson(PRESETS[0].spec)).toEqual(PRESETS[0].spec);
  });
  it('no spec in the fragment → null', () => {
    expect(specFromHash('')).toBeNull();
    expect(specFromHash('#other=1')).toBeNull();
  });
  it.each([
    ['not JSON', '{vocab', /^This is not JSON: /],
    ['not an object', '42', /must be a JSON object/],
    ['missing layers', '{"vocabSize":1,"sequenceLength":2,"embeddingDim":3}', /layers must be a list/],
    ['a string where a number belongs', '{"vocabSize":"10","sequenceLength":2,"embeddingDim":3,"layers":[]}', /^vocabSize must be a number \(found "10"\)/],
    ['unknown layer kind', '{"vocabSize":1,"sequenceLength":2,"embeddingDim":3,"layers":[{"kind":"lstm"}]}', /layers\[0\]\.kind "lstm" is not a layer/],
    [
      'bad activation',
      '{"vocabSize":1,"sequenceLength":2,"embeddingDim":3,"layers":[{"kind":"dense","units":3,"activation":"<script>"}]}',
      /layers\[0\]\.activation must be one of relu, tanh, sigmoid, linear/,
    ],
    [
      'kernel sizes not numbers',
      '{"vocabSize":1,"sequenceLength":2,"embeddingDim":3,"layers":[{"kind":"conv1d","filters":3,"kernelSizes":[3,"x"],"activation":"relu"}]}',
      /layers\[0\]\.kernelSizes\[1\] must be a number/,
    ],
  ])('%s is refused with a message naming the field', (_name, text, message) => {
    expect(() => parseSpecFile(text)).toThrow(message);
  });
  it('a damaged link says so', () => {
    expect(() => specFromHash('#spec=%E0%A4%A')).toThrow('The model in this link is damaged');
  });
});
