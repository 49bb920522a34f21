import { describe, expect, it } from 'vitest';
import { encodeTexts } from './padSequences';
import { defaultTokenizerConfig, fitTokenizer, textsToSequences, tokenize } from './tokenizer';
import { tokenizerFromJson, tokenizerToJson } from './tokenizerJson';
import type { TokenizerConfig } from './tokenizer';
import {
  chooseTokenizerMode,
  defaultTokenizerOptions,
  describeTokenizerConfig,
  resolveTokenizer,
  tokenizerConfigFor,
  validateTokenizerOptions,
  type TokenizerMode,
  type TokenizerOptions,
} from './tokenizerMode';
import { mulberry32 } from '../random';
import { ENGLISH_STOP_WORDS, segmenterWords, unicodeWords } from './unicodeText';

// Segmentations are what Node 20's ICU (Intl.Segmenter, word granularity) produces; Chromium
// ships its own ICU, whose dictionaries may differ in rare words.

function named<T extends object>(cases: T[]): [string, T][] {
  return cases.map((c) => [JSON.stringify(c), c]);
}

const config = (mode: TokenizerMode, options: Partial<TokenizerOptions> = {}, numWords: number | null = null): TokenizerConfig =>
  tokenizerConfigFor(mode, { ...defaultTokenizerOptions(), ...options }, numWords);

describe('tokenize in every mode', () => {
  it.each(
    named<{ text: string; mode: TokenizerMode; options?: Partial<TokenizerOptions>; tokens: string[] }>([
      // Chinese and Thai: Keras sees one word, Unicode segmentation finds the words.
      { text: '我爱北京天安门', mode: 'keras', tokens: ['我爱北京天安门'] },
      { text: '我爱北京天安门', mode: 'unicode', tokens: ['我', '爱', '北京', '天安门'] },
      { text: '北京大学的学生在天安门广场', mode: 'unicode', tokens: ['北京', '大学', '的', '学生', '在', '天安门', '广场'] },
      { text: '我爱北京天安门', mode: 'char', tokens: ['我', '爱', '北', '京', '天', '安', '门'] },
      { text: 'สวัสดีครับ', mode: 'keras', tokens: ['สวัสดีครับ'] },
      { text: 'สวัสดีครับ', mode: 'unicode', tokens: ['สวัสดี', 'ครับ'] },
      { text: 'ผมชอบกินข้าวผัด', mode: 'unicode', tokens: ['ผม', 'ชอบ', 'กิน', 'ข้าว', 'ผัด'] },
      // Char mode is Keras char_level: code points, so Thai vowel signs are tokens of their own.
      { text: 'สวัสดี', mode: 'char', tokens: ['ส', 'ว', 'ั', 'ส', 'ด', 'ี'] },
      { text: '東京に住んでいます。', mode: 'unicode', tokens: ['東京', 'に', '住', 'んで', 'い', 'ます'] },
      // Unicode words in a spaced language: punctuation, dashes and emoji are not word-like.
      { text: 'Hello, World! It’s 3.5 km — déjà vu 😀', mode: 'unicode', tokens: ['hello', 'world', 'it’s', '3.5', 'km', 'déjà', 'vu'] },
      { text: 'Hello, World! It’s 3.5 km — déjà vu 😀', mode: 'keras', tokens: ['hello', 'world', 'it’s', '3', '5', 'km', '—', 'déjà', 'vu', '😀'] },
      { text: 'Hello World', mode: 'unicode', options: { lower: false }, tokens: ['Hello', 'World'] },
      // NFKC folds full-width and half-width forms before lower-casing.
      { text: 'ＡＢＣ ｶﾀｶﾅ', mode: 'keras', tokens: ['ａｂｃ', 'ｶﾀｶﾅ'] },
      { text: 'ＡＢＣ ｶﾀｶﾅ', mode: 'keras', options: { normalize: 'NFKC' }, tokens: ['abc', 'カタカナ'] },
      { text: 'ＡＢＣ ｶﾀｶﾅ', mode: 'unicode', options: { normalize: 'NFKC' }, tokens: ['abc', 'カタカナ'] },
      { text: 'ﬁ①', mode: 'char', options: { normalize: 'NFKC' }, tokens: ['f', 'i', '1'] },
      // Stop words: compared lower-cased, in word modes only.
      { text: 'The cat and a dog of mine', mode: 'keras', options: { stopWords: 'english' }, tokens: ['cat', 'dog', 'mine'] },
      { text: 'The cat and a dog', mode: 'keras', options: { stopWords: 'english', lower: false }, tokens: ['cat', 'dog'] },
      { text: 'The cat, and the dog.', mode: 'unicode', options: { stopWords: 'english' }, tokens: ['cat', 'dog'] },
      { text: 'the a', mode: 'char', options: { stopWords: 'english' }, tokens: ['t', 'h', 'e', ' ', 'a'] },
    ]),
  )('%s', (_name, { text, mode, options, tokens }) => {
    expect(tokenize(text, config(mode, options))).toEqual(tokens);
  });

  it('unicodeWords keeps only word-like segments', () => {
    expect(unicodeWords('  «Bonjour», dit-il… 2024!')).toEqual(['Bonjour', 'dit', 'il', '2024']);
  });

  it('cuts at ASCII whitespace (for its cache) without changing what Intl.Segmenter finds in the whole text', () => {
    // Seeded fuzz over the characters where word-break rules are subtle: marks and joiners after
    // spaces, mid-word punctuation, digits, underscores, CJK, Thai, kana, emoji, flags, CR LF.
    const alphabet = [
      'a', 'B', 'é', 'z', '1', '9', '_', '.', ',', ';', ':', "'", '"', '-', '’', ' ', ' ', '\t', '\n', '\r', '\v', '\u3000', '\u00a0',
      '\u0301', '\u200d', '\u00ad', '\u200b', '北', '京', '天', '安', '门', 'ส', 'ว', 'ั', 'ดี', 'ค', 'ร', 'บ', 'カ', 'タ', 'の',
      '😀', '👍🏽', '🇫🇷', 'א', '״', 'ß', 'İ', 'Ω',
    ];
    const random = mulberry32(7);
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = 1 + Math.floor(random() * 14);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      // Twice: the second pass reads the cache.
      expect([unicodeWords(text), text]).toEqual([segmenterWords(text), text]);
      expect([unicodeWords(text), text]).toEqual([segmenterWords(text), text]);
    }
  });

  it('uses the English list of the stopword package', () => {
    expect(ENGLISH_STOP_WORDS).toHaveLength(108);
    expect(ENGLISH_STOP_WORDS).toEqual(expect.arrayContaining(['the', 'a', 'and', 'of', 'i']));
  });
});

describe('fitting and encoding in Unicode mode', () => {
  it('indexes Chinese words by frequency, ties in first-seen order', () => {
    const state = fitTokenizer(['我爱北京天安门', '北京欢迎你', '我爱你'], config('unicode'));
    // ICU's dictionary knows 我爱你 as one word.
    expect([...state.wordIndex]).toEqual([['北京', 1], ['我', 2], ['爱', 3], ['天安门', 4], ['欢迎', 5], ['你', 6], ['我爱你', 7]]);
    expect(textsToSequences(state, ['我爱上海', '天安门广场'])).toEqual([[2, 3], [4]]);
  });

  it('cuts Thai words off at num_words and pads like Keras', () => {
    const state = fitTokenizer(['สวัสดีครับ', 'ขอบคุณครับ'], config('unicode', {}, 3));
    expect([...state.wordIndex]).toEqual([['ครับ', 1], ['สวัสดี', 2], ['ขอบคุณ', 3]]);
    expect(textsToSequences(state, ['สวัสดีค่ะ', 'ขอบคุณครับ'])).toEqual([[2], [1]]);
    expect([...encodeTexts(state, ['สวัสดีครับ', 'ขอบคุณครับ'], { maxlen: 3, padding: 'post' })]).toEqual([2, 1, 0, 1, 0, 0]);
  });
});

describe('tokenizer.json with studio extensions', () => {
  it.each(
    named<{ mode: TokenizerMode; options: Partial<TokenizerOptions> }>([
      { mode: 'unicode', options: {} },
      { mode: 'keras', options: { normalize: 'NFKC' } },
      { mode: 'unicode', options: { normalize: 'NFKC', stopWords: 'english', lower: false } },
      { mode: 'char', options: { normalize: 'NFKC' } },
    ]),
  )('round-trips %s, outside the "config" that Keras reads', (_name, { mode, options }) => {
    const state = fitTokenizer(['我爱北京天安门 The ＡＢＣ', 'สวัสดีครับ and the cat'], config(mode, options, 5));
    const json = tokenizerToJson(state);
    const parsed = JSON.parse(json);
    expect(Object.keys(parsed)).toEqual(['class_name', 'config', 'studio']);
    // Tokenizer(**config) raises on unknown keys: the config keeps exactly Keras' keys.
    expect(Object.keys(parsed.config)).toEqual([
      'num_words', 'filters', 'lower', 'split', 'char_level', 'oov_token', 'document_count',
      'word_counts', 'word_docs', 'index_docs', 'index_word', 'word_index',
    ]);
    const loaded = tokenizerFromJson(json);
    expect(loaded.config).toEqual(state.config);
    expect(tokenizerToJson(loaded)).toBe(json);
    const probes = ['北京 the ＡＢＣ', 'ครับ cat'];
    expect(textsToSequences(loaded, probes)).toEqual(textsToSequences(state, probes));
  });

  it('writes no studio key in Keras mode, so the file stays byte-identical to Keras', () => {
    const keras = tokenizerToJson(fitTokenizer(['b a b'], defaultTokenizerConfig({ numWords: 10 })));
    expect(tokenizerToJson(fitTokenizer(['b a b'], config('keras', {}, 10)))).toBe(keras);
    expect(keras).not.toContain('studio');
  });

  it.each(
    named([
      { studio: [], error: '"studio" must be an object' },
      { studio: { segmentation: 'icu' }, error: 'studio.segmentation must be "keras" or "unicode"' },
      { studio: { normalize: 'NFC' }, error: 'studio.normalize must be "none" or "NFKC"' },
      { studio: { stop_words: 'english' }, error: 'studio.stop_words must be a list of strings' },
      { studio: { lemmatize: true }, error: 'unrecognized studio key "lemmatize"' },
    ]),
  )('rejects %s', (_name, { studio, error }) => {
    const doc = JSON.parse(tokenizerToJson(fitTokenizer(['a b'], defaultTokenizerConfig())));
    expect(() => tokenizerFromJson(JSON.stringify({ ...doc, studio }))).toThrow(error);
  });
});

describe('chooseTokenizerMode', () => {
  it.each(
    named<{ texts: string[]; mode: TokenizerMode; reason: string }>([
      { texts: [], mode: 'keras', reason: 'There are no letters to look at yet, so Keras mode, the default, splits on spaces and punctuation.' },
      {
        texts: ['The cat sat on the mat', 'A dog barked'],
        mode: 'keras',
        reason: 'Words are separated by spaces (only 0.0% of the letters are in scripts written without them), so texts are split on spaces and punctuation exactly as Keras does.',
      },
      {
        texts: ['我爱北京天安门', '今天天气很好'],
        mode: 'unicode',
        reason: '100.0% of the letters are in scripts written without spaces between words (Han 100.0%), so words are found by Unicode word segmentation.',
      },
      {
        texts: ['สวัสดีครับ ผมชอบกินข้าว'],
        mode: 'unicode',
        reason: '100.0% of the letters are in scripts written without spaces between words (Thai 100.0%), so words are found by Unicode word segmentation.',
      },
      {
        // 3 Han + 6 Hiragana of 21 letters in all.
        texts: ['東京に住んでいます', 'I live in Tokyo'],
        mode: 'unicode',
        reason: '42.9% of the letters are in scripts written without spaces between words (Hiragana 28.6%, Han 14.3%), so words are found by Unicode word segmentation.',
      },
      {
        texts: ['Anna', 'Maria', 'Jean Luc'],
        mode: 'char',
        reason: 'Most texts are a single word (median 1 per text), so each character is a token and the model learns from spelling.',
      },
      {
        // 2 Han letters of 27: below the one-fifth threshold.
        texts: ['We flew to Beijing 北京 last spring'],
        mode: 'keras',
        reason: 'Words are separated by spaces (only 7.4% of the letters are in scripts written without them), so texts are split on spaces and punctuation exactly as Keras does.',
      },
    ]),
  )('%s', (_name, { texts, mode, reason }) => {
    const choice = chooseTokenizerMode(texts);
    expect(choice.mode).toBe(mode);
    expect(choice.reason).toBe(reason);
  });
});

describe('resolveTokenizer and describeTokenizerConfig', () => {
  it.each(
    named<{ options: Partial<TokenizerOptions>; texts: string[]; mode: TokenizerMode; kerasCompatible: boolean }>([
      { options: {}, texts: ['the cat sat'], mode: 'keras', kerasCompatible: true },
      { options: {}, texts: ['我爱北京天安门'], mode: 'unicode', kerasCompatible: false },
      { options: { mode: 'keras' }, texts: ['我爱北京天安门'], mode: 'keras', kerasCompatible: true },
      { options: { mode: 'char' }, texts: ['the cat sat'], mode: 'char', kerasCompatible: true },
      { options: { stopWords: 'english' }, texts: ['the cat sat'], mode: 'keras', kerasCompatible: false },
    ]),
  )('%s', (_name, { options, texts, mode, kerasCompatible }) => {
    const resolved = resolveTokenizer({ ...defaultTokenizerOptions(), ...options }, 100, texts);
    expect(resolved.mode).toBe(mode);
    expect(resolved.config.numWords).toBe(100);
    expect(describeTokenizerConfig(resolved.config)).toMatchObject({ mode, kerasCompatible });
  });

  it('gives plain Keras configs for Keras and char modes', () => {
    expect(config('keras', {}, 10)).toEqual(defaultTokenizerConfig({ numWords: 10 }));
    expect(config('char', { stopWords: 'english' }, 10)).toEqual(defaultTokenizerConfig({ numWords: 10, charLevel: true }));
  });

  it('refuses options that are not one of the choices', () => {
    const bad = { mode: 'bpe', lower: true, normalize: 'NFD', stopWords: 'french' } as unknown as TokenizerOptions;
    expect(validateTokenizerOptions(bad)).toEqual(['Unknown tokenizer mode "bpe".', 'Unknown normalization "NFD".', 'Unknown stop-word list "french".']);
    expect(() => resolveTokenizer(bad, 10, [])).toThrow('Unknown tokenizer mode "bpe".');
  });
});
