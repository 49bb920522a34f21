/**
 * TF-IDF features for the linear baseline: word 1–2-grams, or character 1–3-grams for texts
 * written without spaces between words. The vocabulary and the idf are fitted on the training
 * rows only; every row is L2-normalised. Formulas as scikit-learn's TfidfVectorizer with
 * smooth_idf=True: idf(t) = ln((1 + n) / (1 + df(t))) + 1, tf = raw count, or 1 + ln(count)
 * with sublinear tf.
 */
import { chooseTokenizerMode } from '../text/tokenizerMode';
import { CsrBuilder, type CsrMatrix } from './sparse';

/** 'word': word 1- and 2-grams; 'char': character 1- to 3-grams. */
export type Analyzer = 'word' | 'char';

/** Word tokens as scikit-learn's default token_pattern `(?u)\b\w\w+\b`: two or more word characters. */
const WORD = /[\p{L}\p{N}\p{M}_]{2,}/gu;
const SPACES = /\s+/gu;

/** Calls `visit` with every token of `text` in order, lower-cased: words, or characters (spaces collapsed). */
export function forEachToken(text: string, analyzer: Analyzer, visit: (token: string) => void): void {
  const lower = text.toLowerCase();
  if (analyzer === 'word') {
    for (const m of lower.matchAll(WORD)) visit(m[0]);
    return;
  }
  for (const ch of lower.replace(SPACES, ' ')) visit(ch);
}

/** Longest n-gram of each analyzer, and how n-grams join for display. */
const NGRAM: Readonly<Record<Analyzer, { n: number; joiner: string; base: number }>> = {
  // Keys fold token ids (+1) in this base, so an n-gram is one exact number below 2^53.
  word: { n: 2, joiner: ' ', base: 2 ** 26 },
  char: { n: 3, joiner: '', base: 2 ** 17 },
};

/** Calls `visit` with every term of `text` (repeats included) as its tokens joined: word 1–2-grams or character 1–3-grams. */
export function forEachTerm(text: string, analyzer: Analyzer, visit: (term: string) => void): void {
  const { n, joiner } = NGRAM[analyzer];
  const window: string[] = [];
  forEachToken(text, analyzer, (token) => {
    window.push(token);
    if (window.length > n) window.shift();
    for (let len = 1; len <= window.length; len++) visit(window.slice(window.length - len).join(joiner));
  });
}

/**
 * Walks the n-grams of a text as numeric keys over token ids (ids from `tokenId`; a token
 * without an id breaks the n-grams through it). Numbers instead of joined strings keep the
 * hashing cheap: a bigram costs one multiplication, not a new string.
 */
function forEachKey(text: string, analyzer: Analyzer, tokenId: (token: string) => number | undefined, visit: (key: number) => void): void {
  const { n, base } = NGRAM[analyzer];
  const ids = [0, 0, 0];
  let filled = 0;
  forEachToken(text, analyzer, (token) => {
    const id = tokenId(token);
    if (id === undefined) {
      filled = 0;
      return;
    }
    if (id + 1 >= base) throw new Error(`More than ${base - 2} distinct ${analyzer === 'word' ? 'words' : 'characters'}: too many for the baseline.`);
    ids[2] = ids[1];
    ids[1] = ids[0];
    ids[0] = id + 1;
    filled = Math.min(n, filled + 1);
    let key = 0;
    let scale = 1;
    for (let len = 0; len < filled; len++) {
      key += ids[len] * scale;
      scale *= base;
      visit(key);
    }
  });
}

/** The tokens of a key, joined for display. */
function keyTerm(key: number, analyzer: Analyzer, tokens: readonly string[]): string {
  const { joiner, base } = NGRAM[analyzer];
  const parts: string[] = [];
  for (let k = key; k > 0; k = Math.floor(k / base)) parts.push(tokens[(k % base) - 1]);
  return parts.reverse().join(joiner);
}

/** The analyzer for these training texts, and one sentence of why. */
export function chooseAnalyzer(texts: readonly string[]): { analyzer: Analyzer; reason: string } {
  const mode = chooseTokenizerMode(texts);
  if (mode.mode === 'unicode') return { analyzer: 'char', reason: `Character 1–3-grams: ${mode.reason}` };
  if (mode.mode === 'char') return { analyzer: 'char', reason: `Character 1–3-grams: ${mode.reason}` };
  return { analyzer: 'word', reason: 'Word 1–2-grams: words are separated by spaces.' };
}

export interface TfidfOptions {
  analyzer: Analyzer;
  /** Keep at most this many terms, those in the most training texts (ties: alphabetical). */
  maxFeatures: number;
  /** Drop terms found in fewer training texts than this. */
  minDf: number;
  /** tf = 1 + ln(count) instead of the count. */
  sublinearTf: boolean;
}

/** A fitted vectorizer. Columns are in alphabetical (code-unit) order of their terms. */
export interface TfidfModel {
  options: TfidfOptions;
  /** Column → term: its tokens joined (word bigrams with a space). */
  terms: string[];
  idf: Float64Array;
  /** Every training token → its id (the digits of the keys below). */
  tokenIds: Map<string, number>;
  /** n-gram key (token ids + 1 folded in the analyzer's base) → column. */
  columns: Map<number, number>;
}

/** Called every few hundred texts with the share done (0–1); it may throw to cancel. */
export type Step = (fraction: number) => void;

const STEP_EVERY = 256;

/** Code-unit order, the same everywhere (localeCompare is not). */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A growable Int32Array. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** Fits the vocabulary and idf on `rows` of `texts` (the training rows only). */
export function fitTfidf(texts: readonly string[], rows: ArrayLike<number>, options: TfidfOptions, step: Step = () => {}): TfidfModel {
  return fitTransformTfidf(texts, rows, options, step, false).model;
}

/**
 * Fits on `rows` and, unless `transform` is false, returns their TF-IDF rows too: the terms of
 * each text are remembered while counting, so the training texts are tokenized once, not twice.
 */
export function fitTransformTfidf(
  texts: readonly string[],
  rows: ArrayLike<number>,
  options: TfidfOptions,
  step: Step = () => {},
  transform = true,
): { model: TfidfModel; x: CsrMatrix | null } {
  const { analyzer } = options;
  const tokenIds = new Map<string, number>();
  const tokens: string[] = [];
  const tokenId = (token: string) => {
    let id = tokenIds.get(token);
    if (id === undefined) {
      id = tokens.length;
      tokenIds.set(token, id);
      tokens.push(token);
    }
    return id;
  };
  const termOf = new Map<number, number>();
  const keys: number[] = [];
  const df: number[] = [];
  const lastDoc: number[] = [];
  /** Every text's terms in order (when transforming), and where each text's start. */
  const docTerms = new IntList();
  const docStart = new Int32Array(rows.length + 1);
  for (let d = 0; d < rows.length; d++) {
    if (d % STEP_EVERY === 0) step((transform ? 0.7 : 1) * (d / rows.length));
    forEachKey(texts[rows[d]], analyzer, tokenId, (key) => {
      let term = termOf.get(key);
      if (term === undefined) {
        term = keys.length;
        termOf.set(key, term);
        keys.push(key);
        df.push(0);
        lastDoc.push(-1);
      }
      if (lastDoc[term] !== d) {
        lastDoc[term] = d;
        df[term]++;
      }
      if (transform) docTerms.push(term);
    });
    docStart[d + 1] = docTerms.length;
  }
  const names = new Map<number, string>();
  const name = (term: number) => {
    let text = names.get(term);
    if (text === undefined) names.set(term, (text = keyTerm(keys[term], analyzer, tokens)));
    return text;
  };
  let kept: number[] = [];
  for (let term = 0; term < keys.length; term++) if (df[term] >= options.minDf) kept.push(term);
  if (kept.length > options.maxFeatures) {
    kept.sort((a, b) => df[b] - df[a] || compare(name(a), name(b)));
    kept = kept.slice(0, options.maxFeatures);
  }
  kept.sort((a, b) => compare(name(a), name(b)));
  const columns = new Map<number, number>();
  const columnOf = new Int32Array(keys.length).fill(-1);
  const idf = new Float64Array(kept.length);
  const n = rows.length;
  kept.forEach((term, col) => {
    columns.set(keys[term], col);
    columnOf[term] = col;
    idf[col] = Math.log((1 + n) / (1 + df[term])) + 1;
  });
  const model: TfidfModel = { options, terms: kept.map(name), idf, tokenIds, columns };
  if (!transform) return { model, x: null };
  const writer = new RowWriter(model, rows.length);
  for (let d = 0; d < rows.length; d++) {
    if (d % STEP_EVERY === 0) step(0.7 + 0.3 * (d / rows.length));
    for (let p = docStart[d]; p < docStart[d + 1]; p++) {
      const col = columnOf[docTerms.data[p]];
      if (col >= 0) writer.add(col);
    }
    writer.endRow();
  }
  return { model, x: writer.build() };
}

/** Counts the columns of one text at a time and appends its L2-normalised TF-IDF row. */
class RowWriter {
  private readonly counts: Float64Array;
  private readonly touched: number[] = [];
  private readonly values: number[] = [];
  private readonly out: CsrBuilder;

  constructor(
    private readonly model: TfidfModel,
    rows: number,
  ) {
    this.counts = new Float64Array(model.idf.length);
    this.out = new CsrBuilder(model.idf.length, rows * 16);
  }

  add(col: number): void {
    if (this.counts[col] === 0) this.touched.push(col);
    this.counts[col]++;
  }

  endRow(): void {
    const { counts, touched, values } = this;
    const { idf, options } = this.model;
    touched.sort((a, b) => a - b);
    let norm = 0;
    values.length = 0;
    for (const col of touched) {
      const tf = options.sublinearTf ? 1 + Math.log(counts[col]) : counts[col];
      const v = tf * idf[col];
      values.push(v);
      norm += v * v;
      counts[col] = 0;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < values.length; i++) values[i] *= scale;
    this.out.addRow(touched, values);
    touched.length = 0;
  }

  build(): CsrMatrix {
    return this.out.build();
  }
}

/** TF-IDF rows of `rows` of `texts`, L2-normalised (a text with no known term is an empty row). */
export function transformTfidf(model: TfidfModel, texts: readonly string[], rows: ArrayLike<number>, step: Step = () => {}): CsrMatrix {
  const { columns, tokenIds, options } = model;
  const tokenId = (token: string) => tokenIds.get(token);
  const writer = new RowWriter(model, rows.length);
  for (let r = 0; r < rows.length; r++) {
    if (r % STEP_EVERY === 0) step(r / rows.length);
    forEachKey(texts[rows[r]], options.analyzer, tokenId, (key) => {
      const col = columns.get(key);
      if (col !== undefined) writer.add(col);
    });
    writer.endRow();
  }
  return writer.build();
}
