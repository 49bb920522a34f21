/**
 * Keras' `Tokenizer.to_json()` / `tokenizer_from_json` for the studio's tokenizer (see
 * tokenizer.ts): byte-compatible with Python's json.dumps, so Python loads what the studio
 * writes and the studio reads what Keras writes.
 */
import { defaultTokenizerConfig, hasStudioExtensions, type TokenizerConfig, type TokenizerState } from './tokenizer';

// JSON, byte-compatible with Python's json.dumps (ensure_ascii, ", " and ": " separators)

/** Characters Python's ensure_ascii writes verbatim: printable ASCII except `"` and `\`. */
const NEEDS_ESCAPE = /[^\x20\x21\x23-\x5b\x5d-\x7e]/;
const NAMED_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** A string literal as Python's json.dumps writes it: everything else as lowercase `\uXXXX`. */
function pyJsonString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const unit = s.charCodeAt(i);
    if (unit >= 0x20 && unit <= 0x7e && ch !== '"' && ch !== '\\') out += ch;
    // Per UTF-16 unit, which is exactly Python's surrogate-pair output for astral code points.
    else out += NAMED_ESCAPES[ch] ?? `\\u${unit.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

function pyJsonScalar(value: string | number | boolean | null): string {
  return typeof value === 'string' ? pyJsonString(value) : String(value);
}

/** A flat dict as Python's json.dumps writes it; keys are stringified like Python's int keys. */
function pyJsonDict(entries: Iterable<readonly [string | number, string | number]>): string {
  const parts: string[] = [];
  for (const [k, v] of entries) parts.push(`${pyJsonString(String(k))}: ${pyJsonScalar(v)}`);
  return `{${parts.join(', ')}}`;
}

/** Same layout as Keras `Tokenizer.to_json()`: the five dictionaries are JSON strings in the config. */
export function tokenizerToJson(state: TokenizerState): string {
  const { config } = state;
  // Keras keeps index_docs (word index -> document count) but it is derived from word_docs.
  const indexDocs: [number, number][] = [];
  for (const [w, docs] of state.wordDocs) {
    const index = state.wordIndex.get(w);
    if (index !== undefined) indexDocs.push([index, docs]);
  }
  const fields: [string, string | number | boolean | null][] = [
    ['num_words', config.numWords],
    ['filters', config.filters],
    ['lower', config.lower],
    ['split', config.split],
    ['char_level', config.charLevel],
    ['oov_token', config.oovToken],
    ['document_count', state.documentCount],
    ['word_counts', pyJsonDict(state.wordCounts)],
    ['word_docs', pyJsonDict(state.wordDocs)],
    ['index_docs', pyJsonDict(indexDocs)],
    ['index_word', pyJsonDict(state.indexWord)],
    ['word_index', pyJsonDict(state.wordIndex)],
  ];
  const body = fields.map(([k, v]) => `${pyJsonString(k)}: ${pyJsonScalar(v)}`).join(', ');
  return `{"class_name": "Tokenizer", "config": {${body}}${studioJson(config)}}`;
}

/** Explains the extra key to whoever opens tokenizer.json in Python. */
const STUDIO_NOTE =
  "Text Classifier Studio preprocessing, ignored by Keras' tokenizer_from_json: normalize, then segment words " +
  '(unicode = ICU word boundaries, e.g. Intl.Segmenter or PyICU), then drop stop_words, before the word_index lookup.';

/**
 * The studio extensions as one extra top-level key "studio" (empty when there are none, so
 * Keras mode stays byte-identical). Keras' tokenizer_from_json reads only the "config" key and
 * passes its scalar keys to Tokenizer(**config), which raises on unknown ones: the extension
 * cannot live inside "config", and beside it Keras never sees it.
 */
function studioJson(config: TokenizerConfig): string {
  if (!hasStudioExtensions(config)) return '';
  const stop = (config.stopWords ?? []).map(pyJsonString).join(', ');
  return (
    `, "studio": {"segmentation": ${pyJsonString(config.segmentation ?? 'keras')}, ` +
    `"normalize": ${pyJsonString(config.normalize ?? 'none')}, "stop_words": [${stop}], "note": ${pyJsonString(STUDIO_NOTE)}}`
  );
}

/** Reads the "studio" key written by studioJson into `tokenizer`; absent means plain Keras. */
function readStudio(studio: unknown, tokenizer: TokenizerConfig): void {
  if (studio === undefined) return;
  if (typeof studio !== 'object' || studio === null || Array.isArray(studio)) throw new Error('Tokenizer JSON: "studio" must be an object');
  const s = studio as Record<string, unknown>;
  for (const key of Object.keys(s)) {
    if (!['segmentation', 'normalize', 'stop_words', 'note'].includes(key)) {
      throw new Error(`Tokenizer JSON: unrecognized studio key ${JSON.stringify(key)} (saved by a newer studio?)`);
    }
  }
  const { segmentation = 'keras', normalize = 'none', stop_words: stopWords = [] } = s;
  if (segmentation !== 'keras' && segmentation !== 'unicode') throw new Error('Tokenizer JSON: studio.segmentation must be "keras" or "unicode"');
  if (normalize !== 'none' && normalize !== 'NFKC') throw new Error('Tokenizer JSON: studio.normalize must be "none" or "NFKC"');
  if (!Array.isArray(stopWords) || !stopWords.every((w) => typeof w === 'string')) {
    throw new Error('Tokenizer JSON: studio.stop_words must be a list of strings');
  }
  if (segmentation === 'unicode') tokenizer.segmentation = 'unicode';
  if (normalize === 'NFKC') tokenizer.normalize = 'NFKC';
  if (stopWords.length > 0) tokenizer.stopWords = stopWords as string[];
}

/**
 * Reads a flat JSON object's entries in document order. JSON.parse cannot be used for this:
 * JS objects move integer-like keys (words such as "2019", every index_word key) to the front.
 * Duplicate keys keep their first position and last value, like Python's dict.
 */
function parseOrderedFlatObject(json: string, what: string): Map<string, unknown> {
  try {
    JSON.parse(json); // validates the syntax, so the scan below can stay simple
  } catch (e) {
    throw new Error(`Tokenizer JSON: ${what} is not valid JSON (${(e as Error).message})`, { cause: e });
  }
  const out = new Map<string, unknown>();
  let i = 0;
  const skipSpace = (): void => {
    while (i < json.length && ' \t\n\r'.includes(json[i])) i++;
  };
  const readString = (): string => {
    const start = i++;
    while (json[i] !== '"') i += json[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(json.slice(start, i)) as string;
  };
  skipSpace();
  if (json[i] !== '{') throw new Error(`Tokenizer JSON: ${what} must be a JSON object`);
  i++;
  skipSpace();
  if (json[i] === '}') return out;
  for (;;) {
    skipSpace();
    const key = readString();
    skipSpace();
    i++; // ':'
    skipSpace();
    let value: unknown;
    if (json[i] === '"') {
      value = readString();
    } else if (json[i] === '{' || json[i] === '[') {
      throw new Error(`Tokenizer JSON: ${what} must be a flat object, ${JSON.stringify(key)} holds a nested value`);
    } else {
      const start = i;
      while (i < json.length && !',} \t\n\r'.includes(json[i])) i++;
      value = JSON.parse(json.slice(start, i));
    }
    out.set(key, value);
    skipSpace();
    if (json[i++] === '}') return out;
  }
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

function readCounts(config: Record<string, unknown>, key: string): Map<string, number> {
  const result = new Map<string, number>();
  for (const [k, v] of parseOrderedFlatObject(readDictString(config, key), key)) {
    if (!isCount(v)) throw new Error(`Tokenizer JSON: ${key}[${JSON.stringify(k)}] must be a non-negative integer`);
    result.set(k, v);
  }
  return result;
}

function readDictString(config: Record<string, unknown>, key: string): string {
  const v = config[key];
  if (typeof v !== 'string') throw new Error(`Tokenizer JSON: config.${key} must be a JSON-encoded string, as Keras writes it`);
  return v;
}

/** Keras' constructor arguments plus document_count, the only scalar keys Tokenizer(**config) accepts. */
const SCALAR_KEYS = ['num_words', 'filters', 'lower', 'split', 'char_level', 'oov_token', 'document_count'];
const DICT_KEYS = ['word_counts', 'word_docs', 'index_docs', 'index_word', 'word_index'];

function readScalars(config: Record<string, unknown>): { tokenizer: TokenizerConfig; documentCount: number } {
  for (const key of Object.keys(config)) {
    if (!SCALAR_KEYS.includes(key) && !DICT_KEYS.includes(key)) {
      throw new Error(`Tokenizer JSON: unrecognized config key ${JSON.stringify(key)}`);
    }
  }
  const tokenizer = defaultTokenizerConfig();
  // Missing keys take Keras' constructor defaults, as Tokenizer(**config) would.
  const { num_words, filters, lower, split, char_level, oov_token, document_count = 0 } = config;
  if (num_words !== undefined) {
    if (num_words !== null && !(typeof num_words === 'number' && Number.isInteger(num_words))) {
      throw new Error('Tokenizer JSON: config.num_words must be an integer or null');
    }
    tokenizer.numWords = num_words;
  }
  const text = (v: unknown, key: string): string => {
    if (typeof v !== 'string') throw new Error(`Tokenizer JSON: config.${key} must be a string`);
    return v;
  };
  const flag = (v: unknown, key: string): boolean => {
    if (typeof v !== 'boolean') throw new Error(`Tokenizer JSON: config.${key} must be a boolean`);
    return v;
  };
  if (filters !== undefined) tokenizer.filters = text(filters, 'filters');
  if (lower !== undefined) tokenizer.lower = flag(lower, 'lower');
  if (split !== undefined) tokenizer.split = text(split, 'split');
  if (split === '') throw new Error('Tokenizer JSON: config.split must not be empty');
  if (char_level !== undefined) tokenizer.charLevel = flag(char_level, 'char_level');
  if (oov_token !== undefined) tokenizer.oovToken = oov_token === null ? null : text(oov_token, 'oov_token');
  if (!isCount(document_count)) throw new Error('Tokenizer JSON: config.document_count must be a non-negative integer');
  return { tokenizer, documentCount: document_count };
}

/** Like Keras `tokenizer_from_json`; throws an Error saying what is wrong on malformed input. */
export function tokenizerFromJson(json: string): TokenizerState {
  let outer: unknown;
  try {
    outer = JSON.parse(json);
  } catch (e) {
    throw new Error(`Tokenizer JSON is not valid JSON (${(e as Error).message})`, { cause: e });
  }
  if (typeof outer !== 'object' || outer === null || Array.isArray(outer)) {
    throw new Error('Tokenizer JSON must be an object like {"class_name": "Tokenizer", "config": {...}}');
  }
  const config = (outer as Record<string, unknown>).config;
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new Error('Tokenizer JSON has no "config" object');
  }
  const cfg = config as Record<string, unknown>;
  const { tokenizer, documentCount } = readScalars(cfg);
  readStudio((outer as Record<string, unknown>).studio, tokenizer);
  const wordCounts = readCounts(cfg, 'word_counts');
  const wordDocs = readCounts(cfg, 'word_docs');
  readCounts(cfg, 'index_docs'); // validated only: it is derived from word_docs and word_index
  const wordIndex = new Map<string, number>();
  for (const [w, i] of parseOrderedFlatObject(readDictString(cfg, 'word_index'), 'word_index')) {
    if (!(isCount(i) && i > 0)) throw new Error(`Tokenizer JSON: word_index[${JSON.stringify(w)}] must be a positive integer`);
    wordIndex.set(w, i);
  }
  const indexWord = new Map<number, string>();
  for (const [k, w] of parseOrderedFlatObject(readDictString(cfg, 'index_word'), 'index_word')) {
    const index = Number(k);
    if (!/^\d+$/.test(k) || typeof w !== 'string') {
      throw new Error(`Tokenizer JSON: index_word must map integer keys to strings (bad entry ${JSON.stringify(k)})`);
    }
    indexWord.set(index, w);
  }
  return { config: tokenizer, documentCount, wordCounts, wordDocs, wordIndex, indexWord };
}
