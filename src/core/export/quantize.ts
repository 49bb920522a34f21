/**
 * Weight quantization in the TensorFlow.js weights-manifest format: each float32 weight is
 * stored as float16 or as uint8 with its own scale and minimum, and the manifest entry's
 * `quantization` field tells `tf.loadLayersModel` how to turn it back into float32
 * (uint8: `value * scale + min`; float16: IEEE 754 half precision).
 */

/** How weights are stored in an exported bundle. */
export type WeightQuantization = 'none' | 'float16' | 'uint8';

export const WEIGHT_QUANTIZATIONS: readonly WeightQuantization[] = ['none', 'float16', 'uint8'];

/** A weights-manifest entry (structurally tfjs' `WeightsManifestEntry`). */
export interface WeightEntry {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32' | 'bool' | 'string' | 'complex64';
  quantization?: { dtype: 'uint8' | 'uint16' | 'float16'; scale?: number; min?: number };
}

/** Bytes per stored value, as tfjs reads them. */
const VALUE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2, complex64: 8 };

/** Number of values of a weight (1 for a scalar). */
export function valueCount(entry: Pick<WeightEntry, 'shape'>): number {
  return entry.shape.reduce((n, d) => n * d, 1);
}

/** Bytes a weight occupies in the weights data, honouring its quantization. */
export function weightBytes(entry: WeightEntry): number {
  if (entry.dtype === 'string') throw new Error(`Weight ${entry.name} holds strings, which have no fixed size.`);
  return valueCount(entry) * VALUE_BYTES[entry.quantization?.dtype ?? entry.dtype];
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE 754 half-precision bits of a number, rounded to nearest, ties to even. */
export function float32ToFloat16Bits(value: number): number {
  f32[0] = value;
  const x = u32[0];
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0); // Infinity or NaN
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00; // too large: Infinity
  if (e <= 0) {
    // Subnormal half (or zero): the bits are round(value / 2^-24), from the 24-bit significand.
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    if (rest > halfway || (rest === halfway && half & 1)) half++;
    return sign | half;
  }
  let half = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  // A carry out of the mantissa correctly bumps the exponent (up to Infinity).
  if (rest > 0x1000 || (rest === 0x1000 && half & 1)) half++;
  return sign | half;
}

/** The number half-precision bits stand for. */
export function float16BitsToFloat32(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >>> 10) & 0x1f;
  const mant = bits & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/**
 * The affine uint8 range of a weight, as the tensorflowjs converter computes it: the range is
 * widened to include 0 and nudged so that 0 is exactly representable.
 */
export function uint8Range(values: Float32Array): { scale: number; min: number } {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < lo) lo = values[i];
    if (values[i] > hi) hi = values[i];
  }
  if (lo === hi) return { scale: 1, min: 0 };
  const scale = (hi - lo) / 255;
  const zeroPoint = Math.round(-lo / scale);
  return { scale, min: -zeroPoint * scale };
}

/** Quantizes one weight's values into `out` (uint8) and returns its manifest fields. */
function toUint8(values: Float32Array, out: Uint8Array): { scale: number; min: number } {
  const { scale, min } = uint8Range(values);
  const max = min + 255 * scale;
  for (let i = 0; i < values.length; i++) {
    const v = Math.min(max, Math.max(min, values[i]));
    out[i] = Math.round((v - min) / scale);
  }
  return { scale, min };
}

/**
 * Rewrites weights data so every float32 weight is stored as `mode`; other dtypes are copied
 * unchanged. Returns the new manifest entries (with `quantization`) and the new data.
 */
export function quantizeWeights<E extends WeightEntry>(entries: readonly E[], data: ArrayBuffer, mode: WeightQuantization): { entries: E[]; data: ArrayBuffer } {
  if (mode === 'none') return { entries: entries.map((e) => ({ ...e })), data: data.slice(0) };
  const outEntries: E[] = [];
  const sizes = entries.map((e) => (e.dtype === 'float32' && !e.quantization ? valueCount(e) * (mode === 'uint8' ? 1 : 2) : weightBytes(e)));
  const out = new ArrayBuffer(sizes.reduce((a, b) => a + b, 0));
  let readAt = 0;
  let writeAt = 0;
  entries.forEach((entry, i) => {
    const inBytes = weightBytes(entry);
    if (readAt + inBytes > data.byteLength) {
      throw new Error(`The weights data ends before weight ${entry.name} (needs ${readAt + inBytes} bytes, has ${data.byteLength}).`);
    }
    if (entry.dtype === 'float32' && !entry.quantization) {
      const values = new Float32Array(data.slice(readAt, readAt + inBytes));
      if (mode === 'uint8') {
        const { scale, min } = toUint8(values, new Uint8Array(out, writeAt, values.length));
        outEntries.push({ ...entry, quantization: { dtype: 'uint8', scale, min } });
      } else {
        const halves = new Uint16Array(values.length);
        for (let j = 0; j < values.length; j++) halves[j] = float32ToFloat16Bits(values[j]);
        new Uint8Array(out, writeAt, sizes[i]).set(new Uint8Array(halves.buffer));
        outEntries.push({ ...entry, quantization: { dtype: 'float16' } });
      }
    } else {
      new Uint8Array(out, writeAt, inBytes).set(new Uint8Array(data, readAt, inBytes));
      outEntries.push({ ...entry });
    }
    readAt += inBytes;
    writeAt += sizes[i];
  });
  return { entries: outEntries, data: out };
}

/**
 * The float32 values tfjs will see for each quantized weight (the same arithmetic as
 * `tf.io.decodeWeights`), keyed by weight name. For tests and size/accuracy previews.
 */
export function dequantizeWeights(entries: readonly WeightEntry[], data: ArrayBuffer): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  let at = 0;
  for (const entry of entries) {
    const bytes = weightBytes(entry);
    const slice = data.slice(at, at + bytes);
    at += bytes;
    const q = entry.quantization;
    if (entry.dtype !== 'float32') continue;
    if (!q) out.set(entry.name, new Float32Array(slice));
    else if (q.dtype === 'float16') out.set(entry.name, Float32Array.from(new Uint16Array(slice), float16BitsToFloat32));
    else {
      const raw = q.dtype === 'uint8' ? new Uint8Array(slice) : new Uint16Array(slice);
      out.set(entry.name, Float32Array.from(raw, (v) => v * q.scale! + q.min!));
    }
  }
  return out;
}
