/** Number formatting for the Preprocess views: grouped integers and one-decimal percentages. */
export const count = (n: number): string => n.toLocaleString('en-US');
export const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;
/** "1 token" / "40 tokens". */
export const tokens = (n: number): string => `${count(n)} ${n === 1 ? 'token' : 'tokens'}`;
const WHITESPACE: Record<string, string> = { ' ': 'space', '\t': 'tab', '\n': 'line feed', '\r': 'carriage return', '\u00a0': 'no-break space' };
/** The name of a whitespace token (character mode), which would otherwise read as nothing; null for others. */
export const whitespaceName = (token: string): string | null => WHITESPACE[token] ?? null;
