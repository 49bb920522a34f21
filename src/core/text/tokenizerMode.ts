/**
 * The tokenizer options a person picks in the Preprocess step (plain data, sent with every
 * training request), the automatic choice of mode from the data, and their translation into
 * a TokenizerConfig.
 */
import { defaultTokenizerConfig, hasStudioExtensions, type TokenizerConfig } from './tokenizer';
import { ENGLISH_STOP_WORDS } from './unicodeText';

/** How texts become tokens: Keras' split on spaces and punctuation, Unicode word segmentation, or characters. */
export type TokenizerMode = 'keras' | 'unicode' | 'char';
/** A mode, or 'auto' to let chooseTokenizerMode decide from the training texts. */
export type TokenizerChoice = 'auto' | TokenizerMode;
export type Normalization = 'none' | 'NFKC';
export type StopWordList = 'none' | 'english';

export const TOKENIZER_MODES: readonly TokenizerMode[] = ['keras', 'unicode', 'char'];
export const MODE_NAMES: Readonly<Record<TokenizerMode, string>> = {
  keras: 'Keras words',
  unicode: 'Unicode words',
  char: 'Characters',
};

/** What the person chose in the Preprocess step. */
export interface TokenizerOptions {
  mode: TokenizerChoice;
  /** Lower-case texts (Keras `lower`). */
  lower: boolean;
  normalize: Normalization;
  /** Drop English stop words (word modes only). */
  stopWords: StopWordList;
}

export function defaultTokenizerOptions(): TokenizerOptions {
  return { mode: 'auto', lower: true, normalize: 'none', stopWords: 'none' };
}

/** Problems with options that arrived as data (from the page or a file); empty when fine. */
export function validateTokenizerOptions(o: TokenizerOptions): string[] {
  const problems: string[] = [];
  if (o.mode !== 'auto' && !TOKENIZER_MODES.includes(o.mode)) problems.push(`Unknown tokenizer mode "${String(o.mode)}".`);
  if (typeof o.lower !== 'boolean') problems.push('Lower-case must be on or off.');
  if (o.normalize !== 'none' && o.normalize !== 'NFKC') problems.push(`Unknown normalization "${String(o.normalize)}".`);
  if (o.stopWords !== 'none' && o.stopWords !== 'english') problems.push(`Unknown stop-word list "${String(o.stopWords)}".`);
  return problems;
}

/**
 * Scripts written without spaces between words, for which ICU (behind Intl.Segmenter) has a
 * word dictionary: Chinese (Han), Japanese (Hiragana, Katakana), Thai, Lao, Khmer, Burmese.
 */
const SPACELESS = ['Han', 'Hiragana', 'Katakana', 'Thai', 'Lao', 'Khmer', 'Myanmar'] as const;
/** One group per spaceless script, then any other letter. Marks of those scripts count too (Thai vowels). */
const SCRIPT_PATTERN = new RegExp(`${SPACELESS.map((s) => `(\\p{Script=${s}})`).join('|')}|(\\p{L})`, 'gu');
/** At least this share of the letters in spaceless scripts switches to Unicode words. */
export const SPACELESS_THRESHOLD = 0.2;
const SAMPLE_TEXTS = 2000;
const SAMPLE_CHARS_PER_TEXT = 2000;

/** What chooseTokenizerMode found and decided. */
export interface ModeChoice {
  mode: TokenizerMode;
  /** One sentence for the UI: what was measured and why that mode. */
  reason: string;
  /** Share of letters in scripts written without spaces, 0–1. */
  spacelessShare: number;
  /** Those scripts with their share of all letters, largest first (only scripts present). */
  scripts: { script: string; share: number }[];
  /** Median count of space-separated words per text. */
  medianWords: number;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * Picks the mode from a sample of the texts (up to 2,000 texts spread over the list, 2,000
 * characters each): Unicode words when at least a fifth of the letters are in scripts written
 * without spaces; characters when most texts are one word (names, codes); Keras otherwise.
 */
export function chooseTokenizerMode(texts: readonly string[]): ModeChoice {
  const step = Math.max(1, Math.ceil(texts.length / SAMPLE_TEXTS));
  const counts = new Array<number>(SPACELESS.length).fill(0);
  let letters = 0;
  const words: number[] = [];
  for (let i = 0; i < texts.length; i += step) {
    const text = texts[i].length > SAMPLE_CHARS_PER_TEXT ? texts[i].slice(0, SAMPLE_CHARS_PER_TEXT) : texts[i];
    words.push(text.split(/\s+/).filter((w) => w.length > 0).length);
    for (const m of text.matchAll(SCRIPT_PATTERN)) {
      letters++;
      for (let g = 0; g < SPACELESS.length; g++) {
        if (m[g + 1] !== undefined) {
          counts[g]++;
          break;
        }
      }
    }
  }
  const spaceless = counts.reduce((a, b) => a + b, 0);
  const spacelessShare = letters ? spaceless / letters : 0;
  const scripts = SPACELESS.map((script, g) => ({ script, share: letters ? counts[g] / letters : 0 }))
    .filter((s) => s.share > 0)
    .sort((a, b) => b.share - a.share);
  words.sort((a, b) => a - b);
  const medianWords = words.length ? words[Math.floor((words.length - 1) / 2)] : 0;
  const base = { spacelessShare, scripts, medianWords };
  if (texts.length === 0 || letters === 0) {
    return { ...base, mode: 'keras', reason: 'There are no letters to look at yet, so Keras mode, the default, splits on spaces and punctuation.' };
  }
  if (spacelessShare >= SPACELESS_THRESHOLD) {
    const named = scripts.slice(0, 3).map((s) => `${s.script} ${pct(s.share)}`).join(', ');
    return {
      ...base,
      mode: 'unicode',
      reason: `${pct(spacelessShare)} of the letters are in scripts written without spaces between words (${named}), so words are found by Unicode word segmentation.`,
    };
  }
  if (medianWords <= 1) {
    return { ...base, mode: 'char', reason: `Most texts are a single word (median ${medianWords} per text), so each character is a token and the model learns from spelling.` };
  }
  return {
    ...base,
    mode: 'keras',
    reason: `Words are separated by spaces (only ${pct(spacelessShare)} of the letters are in scripts written without them), so texts are split on spaces and punctuation exactly as Keras does.`,
  };
}

/** The TokenizerConfig for a mode; extension fields are set only when used, so Keras mode is plain Keras. */
export function tokenizerConfigFor(mode: TokenizerMode, options: TokenizerOptions, numWords: number | null): TokenizerConfig {
  const config = defaultTokenizerConfig({ numWords, lower: options.lower, charLevel: mode === 'char' });
  if (mode === 'unicode') config.segmentation = 'unicode';
  if (options.normalize === 'NFKC') config.normalize = 'NFKC';
  if (options.stopWords === 'english' && mode !== 'char') config.stopWords = ENGLISH_STOP_WORDS;
  return config;
}

/** The options resolved against the training texts: the mode used, the automatic choice, the config. */
export interface ResolvedTokenizer {
  mode: TokenizerMode;
  auto: ModeChoice;
  config: TokenizerConfig;
}

/** Resolves 'auto' with chooseTokenizerMode on the training texts (the automatic choice is always reported). */
export function resolveTokenizer(options: TokenizerOptions, numWords: number | null, trainTexts: readonly string[]): ResolvedTokenizer {
  const problems = validateTokenizerOptions(options);
  if (problems.length) throw new Error(problems.join(' '));
  const auto = chooseTokenizerMode(trainTexts);
  const mode = options.mode === 'auto' ? auto.mode : options.mode;
  return { mode, auto, config: tokenizerConfigFor(mode, options, numWords) };
}

/** How a fitted tokenizer reads text, for metadata.json and the UI. */
export interface TokenizerDescription {
  mode: TokenizerMode;
  lower: boolean;
  normalize: Normalization;
  /** 'custom' when the list is not the current English list (e.g. from an older package). */
  stopWords: StopWordList | 'custom';
  /** False when Keras' tokenizer_from_json alone would not read texts the same way. */
  kerasCompatible: boolean;
}

export function describeTokenizerConfig(config: TokenizerConfig): TokenizerDescription {
  const stop = config.stopWords ?? [];
  const english = stop.length === ENGLISH_STOP_WORDS.length && stop.every((w, i) => w === ENGLISH_STOP_WORDS[i]);
  return {
    mode: config.charLevel ? 'char' : config.segmentation === 'unicode' ? 'unicode' : 'keras',
    lower: config.lower,
    normalize: config.normalize ?? 'none',
    stopWords: stop.length === 0 ? 'none' : english ? 'english' : 'custom',
    kerasCompatible: !hasStudioExtensions(config),
  };
}

/**
 * metadata.json's "preprocessing": how a saved model turns text into its input. The fields
 * after `tokenizer` are absent in bundles saved before the tokenizer modes existed (Keras mode).
 */
export interface PreprocessingMetadata {
  /** pad_sequences maxlen, tokens. */
  sequenceLength: number;
  padding: 'pre';
  truncating: 'pre';
  tokenizer: TokenizerMode;
  lower?: boolean;
  normalize?: Normalization;
  stopWords?: StopWordList | 'custom';
  /** False when tokenizer.json's "studio" key must be applied too (Keras alone reads text differently). */
  kerasCompatible?: boolean;
}

export function preprocessingMetadata(config: TokenizerConfig, sequenceLength: number): PreprocessingMetadata {
  const { mode, ...rest } = describeTokenizerConfig(config);
  return { sequenceLength, padding: 'pre', truncating: 'pre', tokenizer: mode, ...rest };
}
