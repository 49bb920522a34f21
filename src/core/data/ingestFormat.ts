/**
 * The file formats the studio reads, the user's overrides, and detection from the first
 * part of a file. Detection looks at text whose line ends are already normalised to "\n".
 */

/**
 * csv: delimited, `"` quotes fields (RFC 4180). tsv: tab-separated, `"` is an ordinary
 * character. labelText: `label<TAB>text` lines (the first tab splits; later tabs belong to the
 * text). fasttext: `__label__x text` lines. jsonl: one JSON object per line. json: an array of
 * objects (or of arrays).
 */
export type FileFormat = 'csv' | 'tsv' | 'labelText' | 'fasttext' | 'jsonl' | 'json';
export type Delimiter = ',' | ';' | '\t' | '|';

/** What the user asked for; 'auto' means "use what detection found". */
export interface IngestOptions {
  format: FileFormat | 'auto';
  /** Used by csv only (tsv and labelText always split on tabs). */
  delimiter: Delimiter | 'auto';
  /** Used by csv, tsv and labelText. */
  header: boolean | 'auto';
}

export const AUTO_OPTIONS: IngestOptions = { format: 'auto', delimiter: 'auto', header: 'auto' };

export const FORMATS: readonly FileFormat[] = ['csv', 'tsv', 'labelText', 'fasttext', 'jsonl', 'json'];
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

export const FORMAT_NAMES: Record<FileFormat, string> = {
  csv: 'CSV',
  tsv: 'TSV',
  labelText: 'label<TAB>text lines',
  fasttext: 'fastText lines',
  jsonl: 'JSON Lines',
  json: 'JSON',
};

export const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'Comma', ';': 'Semicolon', '\t': 'Tab', '|': 'Pipe' };

/** Formats whose first line may be column names. */
export function formatHasHeader(format: FileFormat): boolean {
  return format === 'csv' || format === 'tsv' || format === 'labelText';
}

export interface Detected {
  format: FileFormat;
  delimiter: Delimiter;
}

const SAMPLE_LINES = 200;

/** How many times `ch` occurs in `line`; for `"`-quoting formats, occurrences inside quotes are skipped. */
function countOutsideQuotes(line: string, ch: string, quotes: boolean): number {
  let n = 0;
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quotes && c === '"') inQuotes = !inQuotes;
    else if (c === ch && !inQuotes) n++;
  }
  return n;
}

/** Share of lines whose count equals the most common count, and that count. */
function consistency(counts: number[]): { mode: number; share: number } {
  const freq = new Map<number, number>();
  for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
  let mode = 0;
  let best = -1;
  for (const [c, f] of freq) if (f > best || (f === best && c > mode)) [mode, best] = [c, f];
  return { mode, share: counts.length ? best / counts.length : 0 };
}

/**
 * Guesses the format from the first part of a file. `complete` says whether `sample` is the
 * whole file (otherwise its last line may be cut and is ignored).
 */
export function detectFormat(sample: string, fileName: string, complete: boolean): Detected {
  const start = sample.trimStart();
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1].toLowerCase() ?? '';
  if (start.startsWith('[')) return { format: 'json', delimiter: ',' };
  if (start.startsWith('{')) {
    if (ext === 'json') return { format: 'json', delimiter: ',' };
    const firstLine = start.slice(0, start.indexOf('\n') >>> 0).trim();
    try {
      const value: unknown = JSON.parse(firstLine);
      if (value && typeof value === 'object') return { format: 'jsonl', delimiter: ',' };
    } catch {
      // A pretty-printed object spans lines: JSON, not JSON Lines.
    }
    return { format: ext === 'jsonl' || ext === 'ndjson' ? 'jsonl' : 'json', delimiter: ',' };
  }
  const all = sample.split('\n');
  if (!complete && all.length > 1) all.pop();
  const lines = all.filter((l) => l.trim() !== '').slice(0, SAMPLE_LINES);
  if (lines.length === 0) return { format: ext === 'tsv' ? 'tsv' : 'csv', delimiter: ext === 'tsv' ? '\t' : ',' };
  if (lines.filter((l) => l.startsWith('__label__')).length >= lines.length / 2) return { format: 'fasttext', delimiter: ',' };

  const tabCounts = lines.map((l) => countOutsideQuotes(l, '\t', false));
  const tab = consistency(tabCounts);
  const withTab = tabCounts.filter((c) => c > 0).length / lines.length;
  const scored = ([',', ';', '|'] as const).map((d) => {
    const c = consistency(lines.map((l) => countOutsideQuotes(l, d, true)));
    return { d, ...c, score: c.mode > 0 ? c.share : 0 };
  });
  const bestOther = scored.reduce((a, b) => (b.score > a.score ? b : a));
  const tabScore = tab.mode > 0 ? tab.share : 0;
  const preferTab = ext === 'tsv' || ext === 'tab' ? withTab >= 0.5 : tabScore >= 0.9 || (withTab >= 0.9 && tabScore >= bestOther.score);
  if (preferTab || (tabScore > bestOther.score && ext !== 'csv')) {
    // Every line has a tab but not always the same number: label<TAB>text whose texts hold tabs.
    if (tab.share < 0.9 && withTab >= 0.9 && looksLikeLabels(lines.map((l) => l.slice(0, l.indexOf('\t') >>> 0)))) {
      return { format: 'labelText', delimiter: '\t' };
    }
    return { format: 'tsv', delimiter: '\t' };
  }
  if (bestOther.score === 0) return { format: 'csv', delimiter: ',' };
  // A .csv name breaks ties in favour of the comma.
  const comma = scored[0];
  const delimiter = ext === 'csv' && comma.score > 0 && comma.score >= bestOther.score - 0.05 ? ',' : bestOther.d;
  return { format: 'csv', delimiter };
}

/** Short first fields with few distinct values, as labels are. */
function looksLikeLabels(fields: string[]): boolean {
  const distinct = new Set(fields);
  return fields.every((f) => f.length <= 40) && distinct.size <= Math.max(20, fields.length / 4);
}

/** The format and delimiter to parse with: each override wins over detection. */
export function resolveFormat(options: IngestOptions, detected: Detected): Detected {
  const format = options.format === 'auto' ? detected.format : options.format;
  let delimiter: Delimiter;
  if (format === 'tsv' || format === 'labelText') delimiter = '\t';
  else delimiter = options.delimiter === 'auto' ? detected.delimiter : options.delimiter;
  return { format, delimiter };
}
