/**
 * Statistics of the Preprocess step, pure functions of the texts and a fitted tokenizer:
 * how many tokens the texts have (histogram, percentiles, the suggested sequence length, how
 * many get truncated) and how well the vocabulary covers them.
 */
import { binWidth, percentile, type HistogramBin } from '../stats';
import { SequenceEncoder, tokenWalker, type TokenizerState } from './tokenizer';

/** Nearest-rank percentiles of token counts per text (each is a count some text has). */
export interface Percentiles {
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LengthStats {
  texts: number;
  /** Mean tokens per text. */
  mean: number;
  percentiles: Percentiles;
  histogram: HistogramBin[];
}

/** Histogram and percentiles of per-text token counts, `sorted` ascending (see sortedCounts). */
export function lengthStats(sorted: ArrayLike<number>, maxBins = 20): LengthStats {
  const n = sorted.length;
  const max = n ? sorted[n - 1] : 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  const width = binWidth(max, maxBins);
  const bins = Math.floor(max / width) + 1;
  const histogram: HistogramBin[] = Array.from({ length: n ? bins : 0 }, (_, b) => ({ from: b * width, to: b * width + width - 1, count: 0 }));
  for (let i = 0; i < n; i++) histogram[Math.floor(sorted[i] / width)].count++;
  return {
    texts: n,
    mean: n ? sum / n : 0,
    percentiles: { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max },
    histogram,
  };
}

/** Number of texts in ascending `sorted` with more than `sequenceLength` tokens (binary search). */
export function truncatedCount(sorted: ArrayLike<number>, sequenceLength: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= sequenceLength) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}

/** Default cap of the suggested sequence length, in tokens: longer rows cost time for little gain. */
export const SEQUENCE_LENGTH_CAP = 1000;

/**
 * The suggested "Sequence length": the p95 token count, at most `cap` and at least `minimum`
 * (the largest convolution kernel, which needs that many positions) and 1.
 */
export function suggestSequenceLength(p95: number, minimum: number, cap = SEQUENCE_LENGTH_CAP): number {
  return Math.max(1, minimum, Math.min(p95, cap));
}

/** Tokens per text after the vocabulary cut-off (what pad_sequences sees), sorted ascending. */
export function sortedCounts(state: TokenizerState, texts: readonly string[]): Int32Array {
  const encoder = new SequenceEncoder(state);
  const counts = new Int32Array(texts.length);
  for (let i = 0; i < texts.length; i++) counts[i] = encoder.encode(texts[i]);
  return counts.sort();
}

export interface VocabularyStats {
  /** Distinct tokens in the training texts (the whole word index, without the oov token). */
  size: number;
  /** Token occurrences in the training texts. */
  occurrences: number;
  /** Keras num_words: indices below it are kept; null keeps all. */
  numWords: number | null;
  /** Distinct tokens that keep their own index. */
  kept: number;
  /** Occurrences of the kept tokens. */
  covered: number;
  /** covered / occurrences, 0–1 (1 when there are no tokens). */
  coverage: number;
  /** Most frequent tokens, ties in first-seen order, with their index and count. */
  top: { token: string; index: number; count: number }[];
}

/** Vocabulary size, the `top` most frequent tokens and the share of occurrences `numWords` keeps. */
export function vocabularyStats(state: TokenizerState, top = 50): VocabularyStats {
  const { numWords, oovToken } = state.config;
  const cutOff = numWords ? numWords : Infinity;
  let occurrences = 0;
  let covered = 0;
  let kept = 0;
  let size = 0;
  const best: VocabularyStats['top'] = [];
  // word_index is in frequency order (oov first), so the first entries are the most frequent.
  for (const [token, index] of state.wordIndex) {
    const count = state.wordCounts.get(token);
    if (count === undefined || token === oovToken) continue;
    size++;
    occurrences += count;
    if (index < cutOff) {
      kept++;
      covered += count;
    }
    if (best.length < top) best.push({ token, index, count });
  }
  return { size, occurrences, numWords, kept, covered, coverage: occurrences ? covered / occurrences : 1, top: best };
}

export interface OovStats {
  /** Token occurrences in the texts. */
  tokens: number;
  /** Occurrences that have no index of their own below num_words (unknown or cut off). */
  outOfVocabulary: number;
  /** outOfVocabulary / tokens, 0–1 (0 when there are no tokens). */
  rate: number;
}

/** Out-of-vocabulary rate of `texts` (e.g. the validation split) under a fitted tokenizer. */
export function oovStats(state: TokenizerState, texts: readonly string[]): OovStats {
  const cutOff = state.config.numWords ? state.config.numWords : Infinity;
  const oov = state.config.oovToken;
  let tokens = 0;
  let outOfVocabulary = 0;
  const walk = tokenWalker(state.config);
  const visit = (t: string): void => {
    tokens++;
    const index = state.wordIndex.get(t);
    if (index === undefined || index >= cutOff || t === oov) outOfVocabulary++;
  };
  for (const text of texts) walk(text, visit);
  return { tokens, outOfVocabulary, rate: tokens ? outOfVocabulary / tokens : 0 };
}
