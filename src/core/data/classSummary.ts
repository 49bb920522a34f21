/**
 * Class lists that stay readable and cheap to draw with thousands of classes: the largest
 * classes first, the rest summed as "other", and the full list one page at a time.
 */

/** Class indices by count, largest first (ties keep class order). */
export function classesByCount(counts: readonly number[]): number[] {
  const order = Array.from({ length: counts.length }, (_, i) => i);
  return order.sort((a, b) => counts[b] - counts[a] || a - b);
}

/** The classes shown by name, and the rest summed. */
export interface ClassSummary {
  /** Class indices shown one by one: the largest `limit`, or every class in class order when there are few. */
  shown: number[];
  /** The classes not shown one by one (empty when every class is shown). */
  other: number[];
  /** Examples of the other classes together. */
  otherCount: number;
}

/**
 * Every class in class order when there are at most `limit + 1` (an "other" row of one class
 * would hide a name for nothing); otherwise the `limit` largest and the rest as "other".
 */
export function summariseClasses(counts: readonly number[], limit: number): ClassSummary {
  if (counts.length <= limit + 1) return { shown: Array.from({ length: counts.length }, (_, i) => i), other: [], otherCount: 0 };
  const order = classesByCount(counts);
  const other = order.slice(limit);
  let otherCount = 0;
  for (const c of other) otherCount += counts[c];
  return { shown: order.slice(0, limit), other, otherCount };
}

/** One page of a list: its items and where it sits ("Classes 101–200 of 10,000"). */
export function pageOf<T>(items: readonly T[], page: number, size: number): { items: T[]; page: number; pages: number; from: number; to: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const from = p * size;
  const to = Math.min(items.length, from + size);
  return { items: items.slice(from, to), page: p, pages, from: from + 1, to };
}

/** Largest value of a data-sized array without spreading it into arguments. */
export function maxCount(counts: readonly number[]): number {
  let max = 0;
  for (const c of counts) if (c > max) max = c;
  return max;
}
