import { count } from '../../core/format';

/** One histogram bin: values from–to (inclusive) and how many texts fall in it. */
export interface Bin {
  /** First value in the bin, inclusive. */
  from: number;
  /** Last value in the bin, inclusive. */
  to: number;
  count: number;
}

/** "40–59 tokens" for a bin; one value when the bin holds one. */
export const binRange = (b: Bin, format: (v: number) => string) => (b.from === b.to ? format(b.from) : `${count(b.from)}–${format(b.to)}`);
