/**
 * Studio extensions to Keras' text handling, for languages Keras' space splitting cannot read:
 * word segmentation by Unicode rules (ICU, through `Intl.Segmenter`), NFKC normalization and an
 * English stop-word list. The Keras tokenizer (tokenizer.ts) calls into these only when its
 * config asks for them, so Keras mode stays byte-exact.
 */
// The worker's project compiles this file without src/core's ambient declarations, so the
// reference brings the 'stopword' module's types along.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./stopword.d.ts" />
import { eng } from 'stopword';

/**
 * English stop words from the `stopword` npm package (its `eng` list: 108 lower-case words such
 * as "the", "a", "and", "of"). Saved models keep their own copy in tokenizer.json,
 * so a later package update cannot change how a saved model reads text.
 */
export const ENGLISH_STOP_WORDS: readonly string[] = Object.freeze([...eng]);

let wordSegmenter: Intl.Segmenter | null = null;

/**
 * One segmenter for every call. The locale is fixed ('en') rather than the runtime default, so
 * the same text gives the same words in every browser whatever its language setting; ICU's
 * dictionaries for Chinese, Japanese, Thai, Lao, Khmer and Burmese apply regardless.
 */
function segmenter(): Intl.Segmenter {
  if (wordSegmenter === null) {
    if (typeof Intl === 'undefined' || typeof Intl.Segmenter !== 'function') {
      throw new Error('Unicode word mode needs Intl.Segmenter (Chrome 87+, Edge 87+, Firefox 125+, Safari 14.1+, Node 16+).');
    }
    wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });
  }
  return wordSegmenter;
}

/** Chunks up to this many UTF-16 units are cached: short ones repeat (words), long ones rarely do. */
const CACHE_CHUNK_LENGTH = 40;
const CACHE_ENTRIES = 50_000;
/** Word-like segments of recently seen chunks (see forEachUnicodeWord); cleared when full. */
const chunkCache = new Map<string, readonly string[]>();

function segmentChunk(chunk: string): readonly string[] {
  const cached = chunk.length <= CACHE_CHUNK_LENGTH ? chunkCache.get(chunk) : undefined;
  if (cached !== undefined) return cached;
  const words: string[] = [];
  for (const part of segmenter().segment(chunk)) {
    if (part.isWordLike) words.push(part.segment);
  }
  if (chunk.length <= CACHE_CHUNK_LENGTH) {
    if (chunkCache.size >= CACHE_ENTRIES) chunkCache.clear();
    chunkCache.set(chunk, words);
  }
  return words;
}

/**
 * Calls `visit` for each word-like segment of `text` (`isWordLike`): words, numbers, and in
 * scripts without spaces the dictionary words ICU finds. Punctuation, spaces and emoji are
 * not word-like and are dropped, as Keras' filters drop punctuation.
 *
 * No Unicode word-break rule joins across ASCII whitespace, so the text is cut there first and
 * each chunk segmented on its own, through a cache: in spaced languages the same words come
 * back all the time, and ICU's per-segment cost dominates otherwise. The result is the same as
 * segmenting the whole text (a seeded fuzz test compares the two).
 */
export function forEachUnicodeWord(text: string, visit: (word: string) => void): void {
  let start = -1;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const unit = i < n ? text.charCodeAt(i) : 32;
    // Space, tab, line feed, vertical tab, form feed, carriage return.
    if (unit === 32 || (unit >= 9 && unit <= 13)) {
      if (start >= 0) {
        const words = segmentChunk(text.slice(start, i));
        for (let w = 0; w < words.length; w++) visit(words[w]);
        start = -1;
      }
    } else if (start < 0) {
      start = i;
    }
  }
}

/** Word-like segments of `text` from one Intl.Segmenter pass over the whole text, without chunks or cache (the reference). */
export function segmenterWords(text: string): string[] {
  const words: string[] = [];
  for (const part of segmenter().segment(text)) {
    if (part.isWordLike) words.push(part.segment);
  }
  return words;
}

/** The word-like segments of `text`, in order (see forEachUnicodeWord). */
export function unicodeWords(text: string): string[] {
  const words: string[] = [];
  forEachUnicodeWord(text, (w) => words.push(w));
  return words;
}

/**
 * Wraps `visit` so that words in `stopWords` (compared lower-cased, so "The" is a stop word
 * even when the tokenizer keeps case) are skipped.
 */
export function skippingStopWords(stopWords: ReadonlySet<string>, lower: boolean, visit: (word: string) => void): (word: string) => void {
  return lower
    ? (w) => {
        if (!stopWords.has(w)) visit(w);
      }
    : (w) => {
        if (!stopWords.has(w.toLowerCase())) visit(w);
      };
}
