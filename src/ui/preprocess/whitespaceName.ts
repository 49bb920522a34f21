const WHITESPACE: Record<string, string> = { ' ': 'space', '\t': 'tab', '\n': 'line feed', '\r': 'carriage return', '\u00a0': 'no-break space' };
/** The name of a whitespace token (character mode), which would otherwise read as nothing; null for others. */
export const whitespaceName = (token: string): string | null => WHITESPACE[token] ?? null;
