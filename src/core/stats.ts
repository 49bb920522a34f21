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
