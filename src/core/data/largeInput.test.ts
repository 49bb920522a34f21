import { describe, expect, it } from 'vitest';
import { TableParser } from './tableParser';
import { detectFormat } from './ingestFormat';
import { prepareDataset } from './validateDataset';
import { computePreprocessStats } from '../text/preprocessReport';
import { defaultTokenizerOptions } from '../text/tokenizerMode';
import { stratifiedSplit } from './split';
import { fitTokenizer } from '../text/tokenizer';
import { resolveTokenizer } from '../text/tokenizerMode';
import { encodeTexts } from '../text/padSequences';

const ROWS = 300_000;
const TOPICS = ['sports', 'tech', 'food'];

function csv(rows: number): string {
  const lines = ['text,label'];
  for (let i = 0; i < rows; i++) lines.push(`${TOPICS[i % 3]} news item ${i % 977} word${i % 13},${TOPICS[i % 3]}`);
  return `${lines.join('\n')}\n`;
}

describe('300,000 rows', () => {
  it('parse, map, preprocess stats and encode without stack overflow', () => {
    const text = csv(ROWS);
    const format = detectFormat(text.slice(0, 65536), 'big.csv', false);
    const parser = new TableParser(format, 'auto', 'big.csv');
    for (let i = 0; i < text.length; i += 1 << 20) parser.push(text.slice(i, i + (1 << 20)));
    const { table } = parser.end();
    expect(table.rows.length).toBe(ROWS);
    const { dataset } = prepareDataset(table, { textColumns: [0], labelColumn: 1, dropDuplicates: false });
    expect(dataset.texts.length).toBe(ROWS);
    const stats = computePreprocessStats(dataset.texts, dataset.labels, { tokenizer: defaultTokenizerOptions(), vocabSize: 1000, minSequenceLength: 3, validationSplit: 0.2, testSplit: 0, seed: 1 });
    expect(stats.trainTexts).toBeGreaterThan(0);
    const split = stratifiedSplit(dataset.labels, { validation: 0.2, test: 0, seed: 1 });
    const trainTexts = Array.from(split.train, (i) => dataset.texts[i]);
    const tok = fitTokenizer(trainTexts, resolveTokenizer(defaultTokenizerOptions(), 1000, trainTexts).config);
    expect(encodeTexts(tok, dataset.texts, { maxlen: 16 }).length).toBe(ROWS * 16);
  }, 120_000);
});

describe('deeply nested JSON', () => {
  it('is refused in words, not with a stack overflow', () => {
    const depth = 100_000;
    const text = `[{"text": ${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}, "label": "x"}]`;
    const parser = new TableParser({ format: 'json', delimiter: ',' }, 'auto', 'deep.json');
    parser.push(text);
    expect(() => parser.end()).toThrow(/"deep\.json" has no rows that could be read \(item 1: it nests objects or lists more than 64 levels deep/);
  });
});
