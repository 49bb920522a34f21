import { describe, expect, it } from 'vitest';
import { AUTO_OPTIONS, detectFormat, resolveFormat, type Detected, type IngestOptions } from './ingestFormat';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('detectFormat', () => {
  it.each<[string, string, string, Detected]>([
    ['CSV with header', 'data.csv', lines('text,label', 'good film,pos', 'bad film,neg'), { format: 'csv', delimiter: ',' }],
    ['CSV with quoted commas', 'x.txt', lines('"a, b",pos', '"c, d, e",neg', 'f,neg'), { format: 'csv', delimiter: ',' }],
    ['semicolon CSV (European spreadsheets)', 'x.csv', lines('text;label', 'gut, sehr gut;pos', 'schlecht;neg'), { format: 'csv', delimiter: ';' }],
    ['pipe-separated', 'x.txt', lines('text|label', 'good|pos', 'bad|neg'), { format: 'csv', delimiter: '|' }],
    ['TSV by content', 'x.txt', lines('ham\tGo until jurong, point', 'spam\tFree entry, 2 wkly', 'ham\tOk lar, joking'), { format: 'tsv', delimiter: '\t' }],
    ['TSV by name even with commas', 'x.tsv', lines('text\tlabel', 'a, b, c\tpos', 'd\tneg'), { format: 'tsv', delimiter: '\t' }],
    ['label<TAB>text with tabs inside texts', 'x.txt', lines('pos\tgreat\tfilm', 'neg\tbad', 'pos\ta\tb\tc', 'neg\tmeh'), { format: 'labelText', delimiter: '\t' }],
    ['fastText', 'train.txt', lines('__label__pos great film', '__label__neg __label__meh bad'), { format: 'fasttext', delimiter: ',' }],
    ['JSON array', 'x.json', '  [{"text": "a", "label": "b"}]', { format: 'json', delimiter: ',' }],
    ['JSON Lines', 'x.jsonl', lines('{"text": "a", "label": "b"}', '{"text": "c", "label": "d"}'), { format: 'jsonl', delimiter: ',' }],
    ['pretty-printed JSON object', 'x.json', '{\n  "rows": []\n}', { format: 'json', delimiter: ',' }],
    ['one column', 'x.txt', lines('just text', 'more text'), { format: 'csv', delimiter: ',' }],
    ['empty', 'x.tsv', '', { format: 'tsv', delimiter: '\t' }],
  ])('%s', (_about, name, sample, expected) => {
    expect(detectFormat(sample, name, true)).toEqual(expected);
  });

  it('ignores a cut last line when the sample is not the whole file', () => {
    expect(detectFormat('a,b\nc,d\ne', 'x', false)).toEqual({ format: 'csv', delimiter: ',' });
  });
});

describe('resolveFormat', () => {
  const tsv: Detected = { format: 'tsv', delimiter: '\t' };
  it.each<[Partial<IngestOptions>, Detected, Detected]>([
    [{}, tsv, tsv],
    [{ format: 'csv' }, tsv, { format: 'csv', delimiter: '\t' }],
    [{ format: 'csv', delimiter: ';' }, tsv, { format: 'csv', delimiter: ';' }],
    [{ delimiter: ',' }, tsv, tsv],
    [{ format: 'labelText' }, { format: 'csv', delimiter: ',' }, { format: 'labelText', delimiter: '\t' }],
  ])('%j over %j → %j', (overrides, detected, expected) => {
    expect(resolveFormat({ ...AUTO_OPTIONS, ...overrides }, detected)).toEqual(expected);
  });
});
