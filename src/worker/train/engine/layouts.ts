/**
 * The engine keeps convolution kernels as [kernel·dim][paddedFilters] (filters rounded up to
 * the SIMD block, extra columns zero); tfjs as [kernel·dim][filters].
 */
export function toPadded(src: Float32Array, rows: number, filters: number, padded: number, dst: Float32Array): void {
  for (let r = 0; r < rows; r++) dst.set(src.subarray(r * filters, (r + 1) * filters), r * padded);
}

export function fromPadded(src: Float32Array, rows: number, filters: number, padded: number): Float32Array {
  const out = new Float32Array(rows * filters);
  for (let r = 0; r < rows; r++) out.set(src.subarray(r * padded, r * padded + filters), r * filters);
  return out;
}
