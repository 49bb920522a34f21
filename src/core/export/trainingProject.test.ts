import { beforeAll, describe, expect, it } from 'vitest';
import { askPython } from '../testFixtures/pythonFixture';
import { stratifiedSplit } from '../data/split';
import { buildDataset } from '../data/dataset';
import type { Detected } from '../data/ingestFormat';
import { TableParser } from '../data/tableParser';
import { summarizeModel } from '../model/modelShapes';
import type { ModelSpec } from '../model/modelSpec';
import { defaultTokenizerConfig, fitTokenizer, textsToSequences, tokenize, type TokenizerConfig } from '../text/tokenizer';
import { tokenizerToJson } from '../text/tokenizerJson';
import { encodeTexts } from '../text/padSequences';
import { tokenizerConfigFor, type TokenizerMode, type TokenizerOptions } from '../text/tokenizerMode';
import { PRESETS } from '../train/presets';
import { defaultTrainConfig } from '../train/trainConfig';
import { mulberry32 } from '../random';
import { trainingProjectConfig, trainingProjectFiles, trainingProjectRefusals, type TrainingProjectInput } from './trainingProject';

// The texts of the tokenizer tests (tokenizer.test.ts, tokenizerMode.test.ts): Keras edge cases,
// scripts without spaces, full-width forms, stop words, emoji and astral characters.
const FIXTURE_TEXTS = [
  'The cat sat on the mat.',
  'The dog ate my homework.',
  "don't stop",
  'a\tb\nc',
  'a\r\nb',
  '  many   spaces  ',
  '...!!!',
  'ÉCOLE Straße',
  'THE Cat',
  'Hello,World,,hello!',
  'a|b-c a::b!c',
  'x😀y z',
  '我爱北京天安门',
  '北京大学的学生在天安门广场',
  '北京欢迎你 我爱你',
  'สวัสดีครับ',
  'ผมชอบกินข้าวผัด ขอบคุณครับ',
  '東京に住んでいます。',
  'Hello, World! It’s 3.5 km — déjà vu 😀',
  'ＡＢＣ ｶﾀｶﾅ',
  'ﬁ①',
  'The cat and a dog of mine',
  'The cat, and the dog.',
  '  «Bonjour», dit-il… 2024!',
  'İstanbul ΣΊΣΥΦΟΣ',
];

const options = (o: Partial<TokenizerOptions> = {}): TokenizerOptions => ({ mode: 'keras', lower: true, normalize: 'none', stopWords: 'none', ...o });

/** Every mode with every studio option, plus Keras' own knobs (num_words, oov, filters, split). */
const CONFIGS: [string, TokenizerConfig][] = [
  ...(['keras', 'unicode', 'char'] as TokenizerMode[]).flatMap((mode): [string, TokenizerConfig][] => [
    [`${mode}`, tokenizerConfigFor(mode, options(), null)],
    [`${mode} keep case`, tokenizerConfigFor(mode, options({ lower: false }), null)],
    [`${mode} NFKC`, tokenizerConfigFor(mode, options({ normalize: 'NFKC' }), 12)],
    [`${mode} stop words`, tokenizerConfigFor(mode, options({ stopWords: 'english' }), null)],
    [`${mode} NFKC, stop words, keep case`, tokenizerConfigFor(mode, options({ normalize: 'NFKC', stopWords: 'english', lower: false }), 20)],
  ]),
  ['keras num_words 5, oov', defaultTokenizerConfig({ numWords: 5, oovToken: '<OOV>' })],
  ['keras filters "|", split "-"', defaultTokenizerConfig({ filters: '|', split: '-' })],
  ['keras split "::"', defaultTokenizerConfig({ filters: '!', split: '::' })],
];

interface TokenizeAnswer {
  tokens: string[][];
  json: string;
  padded: number[][];
  reloaded: boolean;
}

const MAXLEN = 6;

describe('the Python tokenizer (python/studio_text.py) equals the studio one', () => {
  let answers: TokenizeAnswer[] = [];
  beforeAll(async () => {
    const request = { tokenize: CONFIGS.map(([, config]) => ({ config, texts: FIXTURE_TEXTS, maxlen: MAXLEN })) };
    answers = (await askPython<{ tokenize: TokenizeAnswer[] }>(request)).tokenize;
  });

  it.each(CONFIGS.map(([name, config], i) => [name, config, i] as const))('%s: same tokens, same tokenizer.json byte for byte, same padded ids', (_name, config, i) => {
    const answer = answers[i];
    FIXTURE_TEXTS.forEach((text, t) => expect([text, answer.tokens[t]]).toEqual([text, tokenize(text, config)]));
    const state = fitTokenizer(FIXTURE_TEXTS, config);
    expect(answer.json).toBe(tokenizerToJson(state));
    const ids = encodeTexts(state, FIXTURE_TEXTS, { maxlen: MAXLEN });
    expect(answer.padded.flat()).toEqual([...ids]);
    expect(answer.reloaded).toBe(true);
  });
});

describe("Keras mode is Keras: keras_preprocessing's Tokenizer gives the same index and sequences", () => {
  const kerasConfigs = CONFIGS.filter(([, c]) => c.segmentation === undefined && c.normalize === undefined && c.stopWords === undefined);

  it.each(kerasConfigs)('%s', async (_name, config) => {
    const [keras] = (await askPython<{ keras: { sequences: number[][]; word_counts: string; index_word: string; word_index: string; document_count: number }[] }>({ keras: [{ config, texts: FIXTURE_TEXTS }] })).keras;
    const state = fitTokenizer(FIXTURE_TEXTS, config);
    const ours = JSON.parse(tokenizerToJson(state)).config;
    expect({ word_counts: ours.word_counts, index_word: ours.index_word, word_index: ours.word_index, document_count: ours.document_count }).toEqual({
      word_counts: keras.word_counts,
      index_word: keras.index_word,
      word_index: keras.word_index,
      document_count: keras.document_count,
    });
    expect(textsToSequences(state, FIXTURE_TEXTS)).toEqual(keras.sequences);
  });
});

/** Specs that use every layer kind and option of the model builder. */
const SPECS: [string, ModelSpec, number][] = [
  ...PRESETS.map((p): [string, ModelSpec, number] => [`preset ${p.name}`, p.spec, 4]),
  [
    'conv same + stride, batch norm, max pool, dropout, kernel branches, global average, dense L1/L2, frozen embedding',
    {
      vocabSize: 300,
      sequenceLength: 37,
      embeddingDim: 8,
      embeddingTrainable: false,
      layers: [
        { kind: 'conv1d', filters: 6, kernelSizes: [4], activation: 'tanh', padding: 'same', strides: 3 },
        { kind: 'batchNorm' },
        { kind: 'maxPool', poolSize: 2 },
        { kind: 'dropout', rate: 0.3 },
        { kind: 'conv1d', filters: 5, kernelSizes: [1, 2, 3], activation: 'sigmoid', padding: 'valid', strides: 2 },
        { kind: 'globalAvgPool' },
        { kind: 'dense', units: 7, activation: 'linear', l1: 0.01, l2: 0.001 },
        { kind: 'batchNorm' },
        { kind: 'dropout', rate: 0.5 },
      ],
    },
    3,
  ],
  [
    'conv valid stride 2, global max over branches, two dense layers',
    {
      vocabSize: 50,
      sequenceLength: 20,
      embeddingDim: 3,
      layers: [
        { kind: 'conv1d', filters: 4, kernelSizes: [2, 5], activation: 'relu', strides: 2 },
        { kind: 'globalMaxPool' },
        { kind: 'dense', units: 6, activation: 'relu', l2: 0.01 },
        { kind: 'dense', units: 3, activation: 'tanh' },
      ],
    },
    2,
  ],
];

describe('the PyTorch model (python/studio_model.py) has the studio model\'s shapes and parameters', () => {
  let answers: { id: string; outputShapes: number[][]; params: number }[][] = [];
  beforeAll(async () => {
    answers = (await askPython<{ summaries: typeof answers }>({ summaries: SPECS.map(([, spec, classCount]) => ({ spec, classCount })) })).summaries;
  });

  it.each(SPECS.map(([name, spec, k], i) => [name, spec, k, i] as const))('%s', (_name, spec, classCount, i) => {
    const expected = summarizeModel(spec, classCount).layers.map((l) => ({ id: l.id, outputShapes: l.outputShapes, params: l.params }));
    expect(answers[i]).toEqual(expected);
  });

  it('covers every layer kind of the model builder', () => {
    const kinds = new Set(SPECS.flatMap(([, spec]) => spec.layers.map((l) => l.kind)));
    expect([...kinds].sort()).toEqual(['batchNorm', 'conv1d', 'dense', 'dropout', 'globalAvgPool', 'globalMaxPool', 'maxPool']);
  });
});

/** One small file per format, with the cases where readers differ: quotes, tabs, keys, blank cells. */
const FILES: [string, Detected, string][] = [
  ['csv with a header, quoted commas, quotes and line breaks', { format: 'csv', delimiter: ',' }, 'text,label\n"Hello, world",greeting\n"She said ""hi""\nand left",story\nplain text, spam \n,empty\nno label,\n'],
  ['csv with semicolons and no header', { format: 'csv', delimiter: ';' }, 'first text;a\nsecond; text;b\n"third;one";a\n'],
  ['tsv: quotes are ordinary characters', { format: 'tsv', delimiter: '\t' }, 'label\ttext\nham\t"quoted" start\nspam\tsay "hi\nham\tlast\n'],
  ['label<TAB>text: the first tab splits', { format: 'labelText', delimiter: '\t' }, 'ham\tGo until jurong point\nspam\tFree entry\twith a tab\nham\t\nham\tOk lar...\n'],
  ['JSON Lines: keys in any order, numbers and lists', { format: 'jsonl', delimiter: ',' }, '{"text": "first", "label": "a"}\n{"label": 2, "text": "second"}\n\n{"text": "third", "label": ["b", "c"], "extra": 1}\n{"text": "no label"}\n'],
  ['fastText lines', { format: 'fasttext', delimiter: ',' }, '__label__pos great movie\n__label__neg __label__meh boring film\n__label__pos  spaced  \n'],
];

describe("train.py reads files (python/studio_data.py) as the studio's Data step does", () => {
  it.each(FILES)('%s', async (_name, format, content) => {
    const parser = new TableParser(format, 'auto', 'data.txt');
    parser.push(content);
    const { table } = parser.end();
    const names = table.columns;
    const textColumn = names.findIndex((n) => n === 'text');
    const labelColumn = names.findIndex((n) => n === 'label');
    const mapping = textColumn >= 0 && labelColumn >= 0 ? { textColumn, labelColumn } : format.format === 'csv' ? { textColumn: 0, labelColumn: 1 } : { textColumn: 1, labelColumn: 0 };
    const { dataset } = buildDataset(table, [mapping.textColumn], mapping.labelColumn);
    const data = { format: format.format, delimiter: format.delimiter, hasHeader: table.hasHeader, encoding: 'utf-8', ...mapping, textColumnName: names[mapping.textColumn], labelColumnName: names[mapping.labelColumn] };
    const [py] = (await askPython<{ datasets: { texts: string[]; labels: number[]; classes: string[] }[] }>({ datasets: [{ content, data }] })).datasets;
    expect(py).toEqual({ texts: dataset.texts, labels: [...dataset.labels], classes: dataset.classes });
  });
});

describe('train.py joins several text columns as the studio does', () => {
  const CASES: [string, Detected, string, string[]][] = [
    ['csv: title and description, empty cells left out', { format: 'csv', delimiter: ',' }, 'class,title,description\nworld,Talks resume,In Geneva today\nsports,,Final tonight\nworld,Oil rises, \nsports, ,\n', ['title', 'description']],
    ['JSON Lines: a missing key is an empty cell', { format: 'jsonl', delimiter: ',' }, '{"title": "a", "body": "b", "class": "x"}\n{"body": "only body", "class": "y"}\n{"title": "t", "class": "x"}\n', ['title', 'body']],
  ];
  it.each(CASES)('%s', async (_name, format, content, textNames) => {
    const parser = new TableParser(format, 'auto', 'data.txt');
    parser.push(content);
    const { table } = parser.end();
    const names = table.columns;
    const textColumns = textNames.map((n) => names.indexOf(n));
    const labelColumn = names.indexOf('class');
    const { dataset } = buildDataset(table, textColumns, labelColumn);
    expect(dataset.texts.length).toBeGreaterThan(1);
    const data = {
      format: format.format,
      delimiter: format.delimiter,
      hasHeader: table.hasHeader,
      encoding: 'utf-8',
      textColumn: textColumns[0],
      labelColumn,
      textColumnName: textNames[0],
      labelColumnName: 'class',
      textColumns,
      textColumnNames: textNames,
    };
    const [py] = (await askPython<{ datasets: { texts: string[]; labels: number[]; classes: string[] }[] }>({ datasets: [{ content, data }] })).datasets;
    expect(py).toEqual({ texts: dataset.texts, labels: [...dataset.labels], classes: dataset.classes });
  });

  it('says in the README which columns are joined', () => {
    const data = { name: 'news.csv', format: 'csv' as const, delimiter: ',' as const, hasHeader: true, encoding: 'utf-8', textColumn: 1, labelColumn: 0, textColumnName: 'title', labelColumnName: 'class', textColumns: [1, 2], textColumnNames: ['title', 'description'] };
    const files = trainingProjectFiles(input({ data }));
    expect(files['README.md']).toContain('with the text in columns 2 and 3 ("title" and "description"), joined with a space in that order and the label in column 1 ("class")');
    expect(JSON.parse(files['config.json']).data).toMatchObject({ textColumns: [1, 2], textColumnNames: ['title', 'description'] });
  });
});

describe("train.py's split (python/studio_data.py) is the studio's", () => {
  it('gives the same rows in the same order for the same labels and seed', async () => {
    const random = mulberry32(3);
    const cases = [
      { labels: Array.from({ length: 500 }, () => Math.floor(random() * 3)), validation: 0.2, test: 0.1, seed: 42 },
      { labels: Array.from({ length: 97 }, (_, i) => (i % 7 === 0 ? 1 : 0)), validation: 0.15, test: 0, seed: 7 },
      { labels: [0, 0, 1, 1, 1, 2, 2, 2, 2, 2], validation: 0.25, test: 0.25, seed: 123456789 },
    ];
    const answer = await askPython<{ splits: number[][][] }>({ splits: cases });
    cases.forEach((c, i) => {
      const split = stratifiedSplit(c.labels, c);
      expect(answer.splits[i]).toEqual([[...split.train], [...split.validation], [...split.test]]);
    });
  });
});

const input = (over: Partial<TrainingProjectInput> = {}): TrainingProjectInput => ({
  spec: PRESETS[0].spec,
  training: { ...defaultTrainConfig(), epochs: 2 },
  tokenizerOptions: options({ mode: 'auto' }),
  resolvedMode: 'keras',
  labels: ['ham', 'spam'],
  data: { name: 'sms.tsv', format: 'labelText', delimiter: '\t', hasHeader: false, encoding: 'utf-8', textColumn: 1, labelColumn: 0, textColumnName: 'text', labelColumnName: 'label' },
  dropDuplicates: false,
  tokenizerJson: null,
  sources: { 'train.py': 'print(1)\n', 'studio_model.py': '' },
  studioVersion: '0.1.0',
  createdAt: '2026-11-29T17:00:00.000Z',
  ...over,
});

describe('trainingProjectFiles', () => {
  it('writes config.json, README.md, requirements.txt and the Python sources; tokenizer.json only when fitted', () => {
    const files = trainingProjectFiles(input());
    expect(Object.keys(files).sort()).toEqual(['README.md', 'config.json', 'requirements.txt', 'studio_model.py', 'train.py']);
    const config = JSON.parse(files['config.json']);
    expect(config).toMatchObject({ labels: ['ham', 'spam'], tokenizerMode: 'keras', tokenizer: { numWords: 2000, charLevel: false }, training: { seed: 42 } });
    expect(files['README.md']).toContain('torchrun --standalone --nproc_per_node=N train.py --data big.csv');
    expect(files['README.md']).toContain('--rdzv-backend c10d --rdzv-endpoint host0:29400');
    expect(files['README.md']).toMatch(/gloo[\s\S]*nccl/);
    const tokenizerJson = tokenizerToJson(fitTokenizer(['a b', 'b c'], tokenizerConfigFor('unicode', options({ stopWords: 'english' }), 2000)));
    const fitted = trainingProjectFiles(input({ tokenizerJson, resolvedMode: null }));
    expect(fitted['tokenizer.json']).toBe(tokenizerJson);
    expect(JSON.parse(fitted['config.json'])).toMatchObject({ tokenizerMode: 'unicode', tokenizer: { segmentation: 'unicode' } });
  });

  it('says when "auto" was not resolved yet, and uses Keras words', () => {
    const config = trainingProjectConfig(input({ resolvedMode: null }));
    expect(config.tokenizerMode).toBe('keras');
    expect(config.notes.join(' ')).toContain('"auto"');
    expect(trainingProjectConfig(input({ tokenizerOptions: options({ mode: 'char' }) })).tokenizerMode).toBe('char');
  });

  it('notes that train.py does not augment', () => {
    const augment = { copies: 2, deletion: 0.1, swaps: 1, insertions: 1, dropout: 0.1 };
    const config = trainingProjectConfig(input({ training: { ...defaultTrainConfig(), augment } }));
    expect(config.notes.join(' ')).toContain('train.py trains on the original texts only');
    expect(config.training).not.toHaveProperty('augment');
    expect(trainingProjectConfig(input()).notes.join(' ')).not.toContain('Augmentation');
  });

  it('describes JSON columns by name and delimited columns by position', () => {
    const json = trainingProjectFiles(input({ data: { ...input().data!, format: 'jsonl' } }))['README.md'];
    expect(json).toContain('objects with the keys "text" (text) and "label" (label)');
    const csv = trainingProjectFiles(input({ data: { ...input().data!, format: 'csv', delimiter: ';', hasHeader: true }, training: { ...defaultTrainConfig(), backend: 'engine' } }));
    expect(csv['README.md']).toContain('csv (delimiter ";") with the text in column 2 ("text")');
    expect(csv['README.md']).toContain('Backend, fused-step and engine settings are about the browser');
  });
});

describe('trainingProjectRefusals', () => {
  it.each([
    ['a layer kind the builder does not have', { spec: { ...PRESETS[0].spec, layers: [{ kind: 'lstm' }] } as unknown as ModelSpec }, 'Layer 1 is a "lstm" layer'],
    ['an unknown activation', { spec: { ...PRESETS[0].spec, layers: [{ kind: 'conv1d', filters: 2, kernelSizes: [2], activation: 'gelu' }] } as unknown as ModelSpec }, 'the "gelu" activation'],
    ['causal padding', { spec: { ...PRESETS[0].spec, layers: [{ kind: 'conv1d', filters: 2, kernelSizes: [2], activation: 'relu', padding: 'causal' }] } as unknown as ModelSpec }, 'pads "causal"'],
    ['a spec the studio cannot build', { spec: { ...PRESETS[0].spec, layers: [] } }, 'Model: Add a global pooling layer'],
    ['bad training settings', { training: { ...defaultTrainConfig(), epochs: 0 } }, 'Training: Epochs'],
    ['no dataset', { labels: null, data: null }, 'Load a dataset first'],
    ['dropped duplicates', { dropDuplicates: true }, '"Drop duplicates" is on'],
  ] as [string, Partial<TrainingProjectInput>, string][])('refuses %s with the reason', (_name, over, reason) => {
    const reasons = trainingProjectRefusals(input(over));
    expect(reasons.join(' ')).toContain(reason);
    expect(() => trainingProjectFiles(input(over))).toThrow(reason);
  });

  it('accepts every preset', () => {
    for (const preset of PRESETS) expect(trainingProjectRefusals(input({ spec: preset.spec }))).toEqual([]);
  });
});
