/**
 * out[segment[i]] += rows[i] for every row: the gradient of an embedding lookup (tfjs'
 * UnsortedSegmentSum). O(rows × width), where tfjs 4.22's CPU kernel loops over every segment
 * (every word of the vocabulary) and runs out of memory at vocabulary 10,000.
 * Rows with a segment outside [0, numSegments) are skipped, as TensorFlow does. `out`, when
 * given (e.g. a backend's own zeroed output buffer), receives the sums instead of a new array.
 */
export function scatterAddRows(
  rows: ArrayLike<number>,
  width: number,
  segments: ArrayLike<number>,
  numSegments: number,
  out: Float32Array = new Float32Array(numSegments * width),
): Float32Array {
  if (rows.length !== segments.length * width) {
    throw new Error(`scatterAddRows: ${rows.length} values are not ${segments.length} rows of ${width}.`);
  }
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s < 0 || s >= numSegments) continue;
    const from = i * width;
    const to = s * width;
    for (let j = 0; j < width; j++) out[to + j] += rows[from + j];
  }
  return out;
}
