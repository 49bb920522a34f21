/** Number formatting shared by the panels: grouped integers, one-decimal percentages, units. */
export const count = (n: number): string => n.toLocaleString('en-US');
export const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;
/** "1 token" / "40 tokens". */
export const withUnit = (n: number, unit: string): string => `${count(n)} ${n === 1 ? unit : `${unit}s`}`;
