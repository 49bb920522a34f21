import { describe, expect, it } from 'vitest';
import { encodeTexts } from '../text/padSequences';
import { escapeHtml, PREDICT_SCRIPT, predictPage } from './predictPage';
import { defaultTokenizerConfig, fitTokenizer, type TokenizerConfig } from '../text/tokenizer';
import { tokenizerToJson } from '../text/tokenizerJson';
import { joinCells } from '../data/textColumns';

interface PageTokenizer {
  readTokenizer(json: unknown): unknown;
  textToIds(t: unknown, text: string): number[];
  padPre(ids: number[], maxlen: number): Int32Array;
  joinCells(cells: string[]): string;
}

/** The functions predict.html defines, run as the page runs them. */
const page = new Function(`${PREDICT_SCRIPT}; return { readTokenizer, textToIds, padPre, joinCells };`)() as PageTokenizer;

const corpus = [
  'The striker scored twice, and the team won the league final!',
  'Stocks fell sharply as the central bank raised interest rates.',
  'A new phone with a faster chip and a brighter screen.',
  'The team lost; the coach blamed the referee. The constructor of the stadium…',
  'Ünïcödé wörds, TABS\tand\nnewlines — and "quotes" (and) [brackets] {too}',
  '東京は日本の首都です。ＡＢＣ full-width',
];
const probes = [
  'the team scored a goal',
  'Interest rates and the screen of a phone',
  'constructor __proto__ toString hasOwnProperty',
  '日本の首都 ＡＢＣ The team',
  'words nobody has seen before',
  '',
  'The the the the the the the the the the the the the the the the the the the the team',
];

describe('predict.html tokenizer', () => {
  it.each([
    { name: 'keeps every word', config: {} },
    { name: 'num_words 8 drops the rest', config: { numWords: 8 } },
    { name: 'an oov token stands for unknown words', config: { oovToken: '<OOV>' } },
    { name: 'num_words 6 with oov', config: { numWords: 6, oovToken: '<OOV>' } },
    { name: 'case kept', config: { lower: false } },
    { name: 'char level', config: { charLevel: true, numWords: 20 } },
    { name: 'studio: Unicode words', config: { segmentation: 'unicode' } },
    { name: 'studio: NFKC and stop words', config: { normalize: 'NFKC', stopWords: ['the', 'and', 'a'] } },
    { name: 'studio: stop words with case kept', config: { lower: false, stopWords: ['the'] } },
  ] satisfies { name: string; config: Partial<TokenizerConfig> }[])('$name: same ids as the studio', ({ config }) => {
    const state = fitTokenizer(corpus, defaultTokenizerConfig(config));
    const t = page.readTokenizer(JSON.parse(tokenizerToJson(state)));
    for (const maxlen of [5, 12]) {
      const expected = encodeTexts(state, probes, { maxlen });
      probes.forEach((text, row) => {
        expect(Array.from(page.padPre(page.textToIds(t, text), maxlen)), text).toEqual(Array.from(expected.subarray(row * maxlen, (row + 1) * maxlen)));
      });
    }
  });
});

describe('predict.html joins text columns', () => {
  it.each([
    [['Oil rises', 'Crude climbs.']],
    [['', 'Crude climbs.']],
    [['Oil rises', '  ']],
    [['  one column keeps its spaces ']],
    [[' a ', 'b', 'c']],
  ])('%j as the studio does', (cells) => {
    expect(page.joinCells(cells)).toBe(joinCells(cells, cells.map((_, i) => i)));
  });

  it('shows one box per text column when metadata.json names several', () => {
    const html = predictPage('Demo');
    expect(html).toContain('state.meta.dataset.textColumns');
    expect(html).toContain('<div id="columns" hidden></div>');
  });
});

describe('predictPage', () => {
  it('loads tfjs from its own folder, never from a CDN', () => {
    const html = predictPage('Demo');
    expect(html).toContain('<script src="tf.min.js"></script>');
    expect(html).not.toMatch(/https?:\/\/(?!localhost:8000\/predict.html)/);
    expect(html).toContain("tf.loadLayersModel('model.json')");
  });

  it('escapes the model name', () => {
    const html = predictPage('<img src=x onerror=alert(1)> & "co"');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;co&#34;');
  });

  it.each([
    ['a<b', 'a&#60;b'],
    ["it's", 'it&#39;s'],
    ['plain', 'plain'],
  ])('escapeHtml(%j) = %j', (input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });
});
