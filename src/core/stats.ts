/** Small statistics shared by the rooms: nearest-rank percentiles and histogram bins. */

/** Texts with `from` to `to` tokens, both inclusive. */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/**
 * Nearest-rank percentile of ascending `sorted`: the smallest value with at least p% of the
 * values at or below it. So a sequence length of p95 truncates at most 5% of the texts.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Bin widths 1, 2, 5, 10, 20, 50, …: the smallest that fits `max + 1` values into `maxBins` bins. */
export function binWidth(max: number, maxBins: number): number {
  const needed = (max + 1) / maxBins;
  for (let scale = 1; ; scale *= 10) {
    for (const m of [1, 2, 5]) if (m * scale >= needed) return m * scale;
  }
}

/**
 * Largest and smallest of `values` by a loop: `Math.max(...values)` passes every value as an
 * argument and overflows the call stack past ~100,000 of them (a class per row, a row per text).
 * Both are -Infinity / Infinity for no values, like Math.max() and Math.min().
 */
export function maxOf(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max;
}

export function minOf(values: ArrayLike<number>): number {
  let min = Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] < min) min = values[i];
  return min;
}

/** Appends `items` to `target` one by one (`push(...items)` overflows the stack on large arrays). */
export function appendAll<T>(target: T[], items: ArrayLike<T>): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
}
