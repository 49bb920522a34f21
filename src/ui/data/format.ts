import { formatBytes } from '../../core/modelCost';
import { withUnit } from '../format';

export { count, percent } from '../format';
/** "820 kB", "48.3 MB". */
export const bytes = formatBytes;
/** "1 character" / "250 characters". */
export const chars = (n: number): string => withUnit(n, 'character');
