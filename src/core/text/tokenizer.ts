/**
 * A port of Keras' `Tokenizer` (keras_preprocessing 1.1.2 / tf.keras) that produces the same
 * vocabulary, the same sequences and a `to_json()` that Python's `tokenizer_from_json` loads.
 *
 * Known, documented differences from Python:
 * - Lowercasing uses JS `toLowerCase()`, Python uses `str.lower()`. Both apply the full Unicode
 *   lowercase mapping (incl. final sigma and `İ` -> `i̇`); they can only disagree where the two
 *   runtimes ship different Unicode versions.
 * - Python fills `word_docs` by iterating `set(seq)`, whose order depends on the per-process
 *   string hash seed, so Keras' own `word_docs`/`index_docs` key order is not reproducible.
 *   We use first-seen order; the counts are identical and nothing depends on that order.
 * - Only plain strings are accepted as texts (Keras also accepts lists of tokens) and the
 *   tokenizer is fitted once (Keras lets `fit_on_texts` accumulate over several calls).
 *
 * Studio extensions (Unicode word segmentation, NFKC, stop words; see unicodeText.ts) are
 * optional config fields; without them everything above holds byte for byte.
 */

import { forEachUnicodeWord, skippingStopWords } from './unicodeText';

/** Keras' default `filters`: ASCII punctuation except `'`, plus tab and newline (not `\r`). */
export const DEFAULT_FILTERS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n';

/** Constructor arguments of Keras' `Tokenizer`, same names in camelCase and same defaults. */
export interface TokenizerConfig {
  /**
   * Keep indices below this in sequences (Keras `num_words`); null keeps all. The index itself
   * keeps every word. As in Keras a falsy 0 also keeps all, so `numWords: 3` keeps indices 1, 2.
   */
  numWords: number | null;
  /** Characters (code points) turned into `split` before splitting; ignored when `charLevel`. */
  filters: string;
  /** Lowercase texts before anything else. */
  lower: boolean;
  /** Separator for Python's `str.split(split)`; must not be empty (Python raises then). */
  split: string;
  /** Every character (code point) is a token; `filters` and `split` are not applied. */
  charLevel: boolean;
  /** Token that gets index 1 and replaces unknown and cut-off words in sequences; null drops them. */
  oovToken: string | null;
  // Studio extensions, absent in Keras. Absent means Keras' behaviour, so a config without
  // them is exactly Keras' and its tokenizer.json is byte-identical to Keras' to_json().
  /** How words are found when not `charLevel`: 'unicode' uses Intl.Segmenter word boundaries instead of `filters` + `split`. */
  segmentation?: 'keras' | 'unicode';
  /** Unicode normalization applied to each text first, before `lower` (e.g. full-width "ＡＢＣ" → "ABC"). */
  normalize?: 'NFKC';
  /** Words dropped after splitting, compared lower-cased; not applied at char level. */
  stopWords?: readonly string[];
}

/** True when `config` uses a studio extension, i.e. Keras alone would not reproduce it. */
export function hasStudioExtensions(config: TokenizerConfig): boolean {
  return (config.segmentation ?? 'keras') !== 'keras' || config.normalize !== undefined || (config.stopWords?.length ?? 0) > 0;
}

/** Keras' defaults, optionally overridden. */
export function defaultTokenizerConfig(overrides: Partial<TokenizerConfig> = {}): TokenizerConfig {
  return {
    numWords: null,
    filters: DEFAULT_FILTERS,
    lower: true,
    split: ' ',
    charLevel: false,
    oovToken: null,
    ...overrides,
  };
}

/** Fitted state, plain data (JSON-serializable via tokenizerToJson). */
export interface TokenizerState {
  config: TokenizerConfig;
  /** Number of texts the tokenizer was fitted on. */
  documentCount: number;
  /** Occurrences of each token over all texts; insertion order = first seen, like Keras' OrderedDict. */
  wordCounts: Map<string, number>;
  /** Number of texts containing each token. */
  wordDocs: Map<string, number>;
  /** 1-based; most frequent first; ties keep first-seen order (Python's stable sort); oov at 1 when set. */
  wordIndex: Map<string, number>;
  /** Inverse of `wordIndex`. */
  indexWord: Map<number, string>;
}

// ---------------------------------------------------------------------------------------------
// Splitting

/** `config` compiled for scanning: a lookup table instead of a per-call regex or `translate`. */
interface Splitter {
  readonly filters: string;
  readonly split: string;
  readonly lower: boolean;
  /** 1 for BMP code units that are filter characters or the split character. */
  readonly bmp: Uint8Array;
  /** Filter code points above U+FFFF (surrogate pairs in JS strings). */
  readonly astral: ReadonlySet<number>;
  /** Split as one BMP code unit (fast path), or -1 when split needs Python's generic semantics. */
  readonly splitUnit: number;
}

const splitterCache = new WeakMap<TokenizerConfig, Splitter>();

function getSplitter(config: TokenizerConfig): Splitter {
  const cached = splitterCache.get(config);
  // Configs are plain data that callers may mutate, so check the cached fields still match.
  if (cached && cached.filters === config.filters && cached.split === config.split && cached.lower === config.lower) {
    return cached;
  }
  const { filters, split, lower } = config;
  if (split.length === 0) throw new Error('Tokenizer split must be a non-empty string (Python: "empty separator")');
  const bmp = new Uint8Array(0x10000);
  const astral = new Set<number>();
  // for..of walks code points, which is how Python iterates `filters`.
  for (const ch of filters) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0xffff) astral.add(cp);
    else bmp[cp] = 1;
  }
  const unit = split.charCodeAt(0);
  const isSingleBmp = split.length === 1 && !(unit >= 0xd800 && unit <= 0xdfff);
  if (isSingleBmp) bmp[unit] = 1;
  const splitter: Splitter = { filters, split, lower, bmp, astral, splitUnit: isSingleBmp ? unit : -1 };
  splitterCache.set(config, splitter);
  return splitter;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * Calls `visit` for each word of `text` as Keras' `text_to_word_sequence` would produce it:
 * lower, map every filter character to `split`, `str.split(split)`, drop empty strings.
 */
function forEachWord(text: string, sp: Splitter, visit: (word: string) => void): void {
  const s = sp.lower ? text.toLowerCase() : text;
  const n = s.length;
  if (sp.splitUnit >= 0) {
    // Single-character split: filters and split are all separators, runs of them give only
    // empty strings, which Keras drops. So a word is a maximal run of non-separators.
    const { bmp, astral } = sp;
    let start = 0;
    let i = 0;
    while (i < n) {
      const unit = s.charCodeAt(i);
      let width = 1;
      let isSep: boolean;
      if (isHighSurrogate(unit) && i + 1 < n && isLowSurrogate(s.charCodeAt(i + 1))) {
        // A surrogate pair is one Python code point: only an astral filter can match it.
        width = 2;
        isSep = astral.size > 0 && astral.has(s.codePointAt(i)!);
      } else {
        isSep = bmp[unit] === 1;
      }
      if (isSep) {
        if (i > start) visit(s.slice(start, i));
        start = i + width;
      }
      i += width;
    }
    if (n > start) visit(s.slice(start));
    return;
  }
  // Multi-character split: replacements may combine with neighbouring text into new
  // separators (e.g. split "ab", "a!b" -> "aabb" -> ["a", "b"]), so do literally what Python does.
  let translated = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const isFilter = cp > 0xffff ? sp.astral.has(cp) : sp.bmp[cp] === 1;
    translated += isFilter ? sp.split : ch;
  }
  // JS and Python split on a non-empty string separator identically (left to right, no overlap).
  for (const word of translated.split(sp.split)) {
    if (word.length > 0) visit(word);
  }
}

/**
 * Keras `text_to_word_sequence`: lower (if `config.lower`), translate every filter char to
 * `split`, split on `split`, drop empty strings. Ignores `charLevel`, like the Keras function.
 */
export function textToWordSequence(text: string, config: TokenizerConfig): string[] {
  const words: string[] = [];
  forEachWord(text, getSplitter(config), (w) => words.push(w));
  return words;
}

/** Calls `visit` for each token the Tokenizer sees in a text (words, or characters when char level). */
export type TokenWalker = (text: string, visit: (token: string) => void) => void;

/**
 * Compiles `config` into a TokenWalker: [NFKC] → lower → Keras split, Unicode words or
 * characters → [stop words]. Without studio extensions it is exactly Keras' path.
 */
export function tokenWalker(config: TokenizerConfig): TokenWalker {
  const lower = config.lower;
  let base: TokenWalker;
  if (config.charLevel) {
    // Keras char level: the (lowercased) text itself is the sequence; no filters, no split.
    base = (text, visit) => {
      for (const ch of lower ? text.toLowerCase() : text) visit(ch);
    };
  } else if (config.segmentation === 'unicode') {
    base = (text, visit) => forEachUnicodeWord(lower ? text.toLowerCase() : text, visit);
  } else {
    const sp = getSplitter(config);
    base = (text, visit) => forEachWord(text, sp, visit);
  }
  const stop = !config.charLevel && config.stopWords && config.stopWords.length > 0 ? new Set(config.stopWords) : null;
  const nfkc = config.normalize === 'NFKC';
  if (stop === null && !nfkc) return base;
  return (text, visit) => base(nfkc ? text.normalize('NFKC') : text, stop === null ? visit : skippingStopWords(stop, lower, visit));
}

/** The tokens the Tokenizer sees in `text`, before the vocabulary (any mode, unlike textToWordSequence). */
export function tokenize(text: string, config: TokenizerConfig): string[] {
  const tokens: string[] = [];
  tokenWalker(config)(text, (t) => tokens.push(t));
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Fitting and encoding

/** Keras `fit_on_texts` on a fresh tokenizer. */
export function fitTokenizer(texts: readonly string[], config: TokenizerConfig): TokenizerState {
  const walk = tokenWalker(config);
  // One Map lookup per token: counts plus the last document that counted it (instead of set(seq)).
  const stats = new Map<string, { count: number; docs: number; lastDoc: number }>();
  for (let doc = 0; doc < texts.length; doc++) {
    walk(texts[doc], (w) => {
      const entry = stats.get(w);
      if (entry === undefined) {
        stats.set(w, { count: 1, docs: 1, lastDoc: doc });
      } else {
        entry.count++;
        if (entry.lastDoc !== doc) {
          entry.lastDoc = doc;
          entry.docs++;
        }
      }
    });
  }
  const wordCounts = new Map<string, number>();
  const wordDocs = new Map<string, number>();
  for (const [w, { count, docs }] of stats) {
    wordCounts.set(w, count);
    wordDocs.set(w, docs);
  }
  // Array.prototype.sort is stable (ES2019), like Python's list.sort: ties keep first-seen order.
  const sorted = [...wordCounts.entries()].sort((a, b) => b[1] - a[1]);
  const vocab = config.oovToken === null ? [] : [config.oovToken];
  for (const [w] of sorted) vocab.push(w);
  // Mirrors dict(zip(sorted_voc, range(1, ...))): if the oov token also occurs as a word, the
  // later index wins but the key keeps its first position, exactly as Map.set does.
  const wordIndex = new Map<string, number>();
  for (let i = 0; i < vocab.length; i++) wordIndex.set(vocab[i], i + 1);
  return { config: { ...config }, documentCount: texts.length, wordCounts, wordDocs, wordIndex, indexWord: invert(wordIndex) };
}

function invert(wordIndex: ReadonlyMap<string, number>): Map<number, string> {
  const indexWord = new Map<number, string>();
  for (const [w, i] of wordIndex) indexWord.set(i, w);
  return indexWord;
}

/**
 * Encodes texts one at a time into a reused scratch buffer, for batch hot paths
 * (`textsToSequences`, `encodeTexts`). Implements Keras' `texts_to_sequences_generator`.
 */
export class SequenceEncoder {
  private buffer = new Int32Array(256);
  private count = 0;
  private readonly config: TokenizerConfig;
  private readonly wordIndex: ReadonlyMap<string, number>;
  private readonly walk: TokenWalker;
  private readonly cutOff: number;
  private readonly oovIndex: number | undefined;
  private readonly visit = (w: string): void => this.add(w);

  constructor(state: TokenizerState) {
    this.config = state.config;
    this.wordIndex = state.wordIndex;
    this.walk = tokenWalker(state.config);
    // Keras tests `if num_words and i >= num_words`: null and 0 both mean no cut-off.
    this.cutOff = state.config.numWords ? state.config.numWords : Infinity;
    this.oovIndex = state.config.oovToken === null ? undefined : state.wordIndex.get(state.config.oovToken);
  }

  /** Encodes `text`; the indices are `indices.subarray(0, returned count)` until the next call. */
  encode(text: string): number {
    this.count = 0;
    this.walk(text, this.visit);
    return this.count;
  }

  /** Scratch buffer holding the last encoded sequence (replaced when it grows). */
  get indices(): Int32Array {
    return this.buffer;
  }

  private add(w: string): void {
    const i = this.wordIndex.get(w);
    if (i !== undefined) {
      if (i < this.cutOff) this.push(i);
      else if (this.oovIndex !== undefined) this.push(this.oovIndex);
    } else if (this.config.oovToken !== null) {
      // Keras would append None here (oov token set but never indexed, e.g. an unfitted
      // tokenizer loaded from JSON); an integer sequence cannot hold that, so fail loudly.
      if (this.oovIndex === undefined) {
        throw new Error(`Tokenizer oov token ${JSON.stringify(this.config.oovToken)} is not in the word index`);
      }
      this.push(this.oovIndex);
    }
  }

  private push(index: number): void {
    if (this.count === this.buffer.length) {
      const grown = new Int32Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.count++] = index;
  }
}

/** Keras `texts_to_sequences`: word indices per text, with the `numWords` cut-off and oov handling. */
export function textsToSequences(state: TokenizerState, texts: readonly string[]): number[][] {
  const encoder = new SequenceEncoder(state);
  return texts.map((text) => {
    const n = encoder.encode(text);
    const indices = encoder.indices;
    const seq: number[] = [];
    for (let i = 0; i < n; i++) seq.push(indices[i]);
    return seq;
  });
}
