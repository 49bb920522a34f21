import { describe, expect, it } from 'vitest';
import { dequantizeWeights, float16BitsToFloat32, float32ToFloat16Bits, quantizeWeights, uint8Range, weightBytes, type WeightEntry } from './quantize';

describe('float32ToFloat16Bits', () => {
  // Expected bits from numpy: np.float32(v).astype(np.float16).view(np.uint16).
  it.each([
    [1, 0x3c00],
    [-2, 0xc000],
    [0, 0x0000],
    [-0, 0x8000],
    [65504, 0x7bff],
    [65520, 0x7c00],
    [Infinity, 0x7c00],
    [-Infinity, 0xfc00],
    [0.1, 0x2e66],
    [1 / 3, 0x3555],
    [2 ** -14, 0x0400],
    [6.1e-5, 0x03ff],
    [2 ** -24, 0x0001],
    [2 ** -25, 0x0000],
    [3 * 2 ** -25, 0x0002],
    [0.5 + 2 ** -12, 0x3800],
    [1e-9, 0x0000],
  ])('%s → 0x%s', (value, bits) => {
    expect(float32ToFloat16Bits(value)).toBe(bits);
  });

  it('encodes NaN as a NaN', () => {
    expect(Number.isNaN(float16BitsToFloat32(float32ToFloat16Bits(NaN)))).toBe(true);
  });

  it.each([[0x3c00, 1], [0xc000, -2], [0x7bff, 65504], [0x0001, 2 ** -24], [0x2e66, 0.0999755859375], [0x7c00, Infinity]])(
    'decodes 0x%s as %s',
    (bits, value) => {
      expect(float16BitsToFloat32(bits)).toBe(value);
    },
  );

  it('round-trips every finite half exactly', () => {
    for (let bits = 0; bits < 0x10000; bits++) {
      if ((bits & 0x7c00) === 0x7c00) continue;
      expect(float32ToFloat16Bits(float16BitsToFloat32(bits))).toBe(bits);
    }
  });
});

describe('uint8Range', () => {
  it.each([
    { values: [-1, 0, 1], scale: 2 / 255 },
    { values: [0.5, 2], scale: 2 / 255 },
    { values: [-3, -1], scale: 3 / 255 },
  ])('widens $values to include 0 and keeps 0 exact', ({ values, scale }) => {
    const range = uint8Range(Float32Array.from(values));
    expect(range.scale).toBeCloseTo(scale, 12);
    const zero = -range.min / range.scale;
    expect(Math.abs(zero - Math.round(zero))).toBeLessThan(1e-9);
  });

  it('a constant-zero weight gets scale 1', () => {
    expect(uint8Range(new Float32Array(4))).toEqual({ scale: 1, min: 0 });
  });
});

function weights(): { entries: WeightEntry[]; data: ArrayBuffer; values: Map<string, Float32Array> } {
  const kernel = Float32Array.from({ length: 60 }, (_, i) => Math.sin(i) * 0.3);
  const bias = Float32Array.from([0.01, -0.02, 0.5]);
  const steps = Int32Array.from([7]);
  const entries: WeightEntry[] = [
    { name: 'dense/kernel', shape: [20, 3], dtype: 'float32' },
    { name: 'step', shape: [], dtype: 'int32' },
    { name: 'dense/bias', shape: [3], dtype: 'float32' },
  ];
  const data = new Uint8Array(60 * 4 + 4 + 12);
  data.set(new Uint8Array(kernel.buffer), 0);
  data.set(new Uint8Array(steps.buffer), 240);
  data.set(new Uint8Array(bias.buffer), 244);
  return { entries, data: data.buffer, values: new Map([['dense/kernel', kernel], ['dense/bias', bias]]) };
}

describe('quantizeWeights', () => {
  it.each([
    { mode: 'none', bytes: 256 },
    { mode: 'float16', bytes: 60 * 2 + 4 + 3 * 2 },
    { mode: 'uint8', bytes: 60 + 4 + 3 },
  ] as const)('$mode: $bytes bytes, every value within half a step of its format', ({ mode, bytes }) => {
    const w = weights();
    const q = quantizeWeights(w.entries, w.data, mode);
    expect(q.data.byteLength).toBe(bytes);
    expect(q.entries.reduce((n, e) => n + weightBytes(e), 0)).toBe(bytes);
    const back = dequantizeWeights(q.entries, q.data);
    for (const [name, original] of w.values) {
      const restored = back.get(name)!;
      original.forEach((v, i) => {
        const error = Math.abs(restored[i] - v);
        // uint8: half a step of this weight's own range; float16: half an ulp (2^-11 relative).
        const bound = mode === 'float16' ? 2 ** -11 * Math.abs(v) + 2 ** -25 : mode === 'uint8' ? uint8Range(original).scale / 2 + 1e-7 : 0;
        expect(error).toBeLessThanOrEqual(bound);
      });
    }
    // The int32 weight is copied unchanged and never gets a quantization field.
    const step = q.entries.find((e) => e.name === 'step')!;
    expect(step.quantization).toBeUndefined();
    const at = q.entries.slice(0, 1).reduce((n, e) => n + weightBytes(e), 0);
    expect(new Int32Array(q.data.slice(at, at + 4))[0]).toBe(7);
  });

  it('writes the manifest fields tfjs reads', () => {
    const w = weights();
    const q = quantizeWeights(w.entries, w.data, 'uint8');
    expect(q.entries[0].quantization).toMatchObject({ dtype: 'uint8' });
    expect(typeof q.entries[0].quantization!.scale).toBe('number');
    expect(typeof q.entries[0].quantization!.min).toBe('number');
    expect(quantizeWeights(w.entries, w.data, 'float16').entries[2].quantization).toEqual({ dtype: 'float16' });
  });

  it('keeps zero exactly zero in uint8', () => {
    const entries: WeightEntry[] = [{ name: 'w', shape: [3], dtype: 'float32' }];
    const q = quantizeWeights(entries, Float32Array.from([-0.7, 0, 0.31]).buffer, 'uint8');
    expect(dequantizeWeights(q.entries, q.data).get('w')![1]).toBe(0);
  });

  it('names the weight when the data is too short', () => {
    const w = weights();
    expect(() => quantizeWeights(w.entries, w.data.slice(0, 100), 'float16')).toThrow('before weight dense/kernel');
  });
});
