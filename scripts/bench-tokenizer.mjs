// Tokenizer throughput in Node: fit (fit_on_texts) and encode (texts_to_sequences + pad_sequences)
// 100,000 generated texts in Keras mode, Unicode word mode and character mode. Run by
// `npm run bench` first, or alone: `node scripts/bench-tokenizer.mjs`. Figures, not pass/fail.
//
// Node 20 cannot import the studio's TypeScript, so scripts/lib/coreForNode.mjs bundles the three core modules for
// Node (an SSR build) into node_modules/.tmp first; that takes about a second.
import { importCoreForNode } from './lib/coreForNode.mjs';
import { mulberry32 as random } from './lib/mulberry32.mjs';

const N = Number(process.env.BENCH_TEXTS ?? 100_000);
const MAXLEN = 200;

const core = await importCoreForNode('bench-tokenizer', {
  tokenizer: 'src/core/text/tokenizer.ts',
  padSequences: 'src/core/text/padSequences.ts',
  tokenizerMode: 'src/core/text/tokenizerMode.ts',
});
const { fitTokenizer } = core.tokenizer;
const { encodeTexts } = core.padSequences;
const { tokenizerConfigFor, defaultTokenizerOptions } = core.tokenizerMode;


/** Zipf-like pick from `words`: frequent words first, a long tail of rare ones. */
const zipf = (rnd, words) => words[Math.min(words.length - 1, Math.floor(words.length ** rnd() - 1))];

/** English-like: 20–120 words of 2–9 letters from a 20,000-word vocabulary, with punctuation. */
function englishTexts(n) {
  const rnd = random(1);
  const letters = 'etaoinshrdlcumwfgypbvkjxqz';
  const vocab = Array.from({ length: 20_000 }, () => {
    let w = '';
    const len = 2 + Math.floor(rnd() * 8);
    for (let i = 0; i < len; i++) w += letters[Math.floor(rnd() ** 2 * letters.length)];
    return w;
  });
  return Array.from({ length: n }, () => {
    const words = [];
    const len = 20 + Math.floor(rnd() * 100);
    for (let i = 0; i < len; i++) {
      let w = zipf(rnd, vocab);
      if (i === 0) w = w[0].toUpperCase() + w.slice(1);
      words.push(w + (rnd() < 0.08 ? ',' : ''));
    }
    return `${words.join(' ')}.`;
  });
}

/** Chinese-like: 10–60 common words written without spaces, with full-width punctuation. */
function chineseTexts(n) {
  const rnd = random(2);
  const vocab = ('我们 今天 北京 天安门 学生 大学 天气 很好 喜欢 中国 电脑 手机 足球 比赛 吃饭 米饭 朋友 工作 时间 问题 ' +
    '老师 学校 公司 城市 音乐 电影 新闻 经济 科技 市场 政府 发展 已经 因为 所以 但是 非常 可以 没有 知道 ' +
    '我 你 他 的 了 是 在 有 和 也 就 都 很 去 来 说 看 想 做 好').split(' ');
  return Array.from({ length: n }, () => {
    let text = '';
    const len = 10 + Math.floor(rnd() * 50);
    for (let i = 0; i < len; i++) text += zipf(rnd, vocab) + (rnd() < 0.1 ? '，' : '');
    return `${text}。`;
  });
}

const encoder = new TextEncoder();
const megabytes = (texts) => texts.reduce((sum, t) => sum + encoder.encode(t).length, 0) / 1e6;

function measure(label, texts, mode) {
  const config = tokenizerConfigFor(mode, defaultTokenizerOptions(), 10_000);
  // Warm-up on a slice so the JIT has compiled the hot paths before timing.
  encodeTexts(fitTokenizer(texts.slice(0, 5000), config), texts.slice(0, 5000), { maxlen: MAXLEN });
  const mb = megabytes(texts);
  const t0 = performance.now();
  const state = fitTokenizer(texts, config);
  const t1 = performance.now();
  encodeTexts(state, texts, { maxlen: MAXLEN });
  const t2 = performance.now();
  const fitS = (t1 - t0) / 1000;
  const encS = (t2 - t1) / 1000;
  const row = [
    mode.padEnd(8),
    label.padEnd(14),
    mb.toFixed(1).padStart(6),
    String(state.wordIndex.size).padStart(8),
    Math.round(texts.length / fitS).toLocaleString('en-US').padStart(13),
    (mb / fitS).toFixed(1).padStart(9),
    Math.round(texts.length / encS).toLocaleString('en-US').padStart(16),
    (mb / encS).toFixed(1).padStart(12),
  ];
  console.log(row.join(' '));
}

const english = englishTexts(N);
const chinese = chineseTexts(N);
console.log(`Tokenizer throughput, Node ${process.version}, ${N.toLocaleString('en-US')} generated texts per row, num_words 10,000, maxlen ${MAXLEN}`);
console.log('mode     texts              MB   tokens  fit texts/s  fit MB/s  encode texts/s  encode MB/s');
measure('English-like', english, 'keras');
measure('English-like', english, 'unicode');
measure('Chinese-like', chinese, 'unicode');
measure('English-like', english, 'char');
console.log('(encode = texts_to_sequences + pad_sequences into one Int32Array; MB = UTF-8 megabytes of input text)');
