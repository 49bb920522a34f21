/**
 * Series arithmetic for the training charts, pure so the charts only draw: TensorBoard's
 * debiased exponential moving average, and Largest-Triangle-Three-Buckets downsampling so a
 * long run's per-batch series reaches the chart as at most ~1,000 points that keep its shape.
 */

/** One point of a chart series: x (batch step or epoch) and y (loss, accuracy…). */
export interface SeriesPoint {
  x: number;
  y: number;
}

/**
 * TensorBoard's smoothing: an exponential moving average with weight `weight` in [0, 1), debiased
 * so the first points are not pulled towards zero. Non-finite values pass through unsmoothed and
 * do not disturb the average. weight 0 returns the values unchanged.
 */
export function smoothEma(values: readonly number[], weight: number): number[] {
  if (!(weight > 0)) return values.slice();
  const w = Math.min(weight, 0.999);
  const out = new Array<number>(values.length);
  let last = 0;
  let accumulated = 0;
  for (let i = 0; i < values.length; i++) {
    const y = values[i];
    if (!Number.isFinite(y)) {
      out[i] = y;
      continue;
    }
    last = last * w + (1 - w) * y;
    accumulated++;
    out[i] = last / (1 - w ** accumulated);
  }
  return out;
}

/**
 * Largest-Triangle-Three-Buckets (Steinarsson 2013): `threshold` points of `points` (sorted by x)
 * that keep the visual shape: the first and last points, and from each bucket between them the
 * point spanning the largest triangle with its neighbours' choices. Returns the input itself
 * when it is already short enough.
 */
export function downsampleLttb<T extends SeriesPoint>(points: readonly T[], threshold: number): readonly T[] {
  const n = points.length;
  if (threshold >= n || threshold < 3) return points;
  const out: T[] = [points[0]];
  const bucket = (n - 2) / (threshold - 2);
  let a = 0;
  for (let b = 0; b < threshold - 2; b++) {
    const start = Math.floor(b * bucket) + 1;
    const end = Math.min(Math.floor((b + 1) * bucket) + 1, n - 1);
    // The next bucket's average is the third corner of the triangle.
    const nextStart = end;
    const nextEnd = Math.min(Math.floor((b + 2) * bucket) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let i = nextStart; i < nextEnd; i++) {
      avgX += points[i].x;
      avgY += points[i].y;
    }
    const count = Math.max(1, nextEnd - nextStart);
    avgX /= count;
    avgY /= count;
    let best = start;
    let bestArea = -1;
    const { x: ax, y: ay } = points[a];
    for (let i = start; i < end; i++) {
      const area = Math.abs((ax - avgX) * (points[i].y - ay) - (ax - points[i].x) * (avgY - ay));
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    out.push(points[best]);
    a = best;
  }
  out.push(points[n - 1]);
  return out;
}
