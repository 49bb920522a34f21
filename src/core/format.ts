/**
 * Number formatting for every panel and message: grouped integers, percentages, plurals,
 * byte sizes and durations. One copy, so the same number reads the same everywhere.
 */

/** 12345 → "12,345". */
export const count = (n: number): string => n.toLocaleString('en-US');

/** 0.9861 → "98.6%"; null or a non-finite share (nothing measured) → "—". */
export const percent = (share: number | null, digits = 1): string =>
  share === null || !Number.isFinite(share) ? '—' : `${(share * 100).toFixed(digits)}%`;

/** "1 token" / "40 tokens" / "1,200 texts". */
export const withUnit = (n: number, unit: string): string => `${count(n)} ${n === 1 ? unit : `${unit}s`}`;

/** Decimal units: "512 bytes", "3.4 kB", "340 kB", "48.3 MB", "1.20 GB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e4) return `${Math.round(bytes / 1e3)} kB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return withUnit(Math.round(bytes), 'byte');
}

/** "12 s", "3 min 20 s", "1 h 05 min". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 90) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
