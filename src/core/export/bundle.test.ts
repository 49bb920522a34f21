import { describe, expect, it } from 'vitest';
import { checkBundle, describeTopology, parseMetadata, uniqueName, type BundleParts } from './bundle';
import { fixtureMetadata, fixtureModelJson, fixtureParts, fixtureTokenizerJson, fixtureTopology } from '../testFixtures/bundleFixture';

const withSizes = (change: (sizes: Map<string, number>) => void): Partial<BundleParts> => {
  const sizes = new Map(fixtureParts().sizes);
  change(sizes);
  return { sizes };
};

describe('checkBundle', () => {
  it('accepts a consistent bundle and lists its weights files in order', () => {
    const checked = checkBundle(fixtureParts());
    expect(checked.weightPaths).toEqual(['group1-shard1of1.bin']);
    expect(checked.weightSpecs.map((w) => w.name)).toEqual(['embedding/embeddings', 'output/kernel', 'output/bias']);
    expect(checked.metadata.labels).toHaveLength(4);
  });

  // Each broken bundle with the exact message the user sees (the fixture table of this module).
  it.each([
    { broken: 'no model.json', parts: { modelJson: undefined }, message: 'The bundle has no model.json' },
    { broken: 'no metadata.json', parts: { metadataJson: undefined }, message: 'The bundle has no metadata.json (labels and sequence length)' },
    { broken: 'no tokenizer.json', parts: { tokenizerJson: undefined }, message: 'The bundle has no tokenizer.json (without it texts cannot be turned into token ids)' },
    { broken: 'model.json cut short', parts: { modelJson: '{"modelTopology": {' }, message: 'model.json is not valid JSON (' },
    { broken: 'model.json of a graph model', parts: { modelJson: JSON.stringify({ ...fixtureModelJson(), format: 'graph-model' }) }, message: 'model.json is a TensorFlow.js graph-model, not a layers model' },
    { broken: 'model.json without manifest', parts: { modelJson: '{"modelTopology": {}}' }, message: 'model.json is not a TensorFlow.js layers model' },
    {
      broken: 'weights file missing',
      parts: withSizes((s) => s.delete('group1-shard1of1.bin')),
      message: 'model.json names weights file group1-shard1of1.bin but the zip has no such file',
    },
    {
      broken: 'weights file truncated',
      parts: withSizes((s) => s.set('group1-shard1of1.bin', 1024)),
      message: 'The weights file group1-shard1of1.bin holds 1024 bytes but model.json describes 128272',
    },
    {
      broken: 'model.json of an unrelated model',
      parts: { modelJson: JSON.stringify(fixtureModelJson(10, 3)), ...withSizes((s) => s.set('group1-shard1of1.bin', (2000 * 16 + 16 * 3 + 3) * 4)) },
      message:
        "model.json does not belong to this bundle: its input takes 10 tokens per text but metadata.json's spec says 40; its output has 3 units but metadata.json lists 4 labels",
    },
    { broken: 'metadata of another tool', parts: { metadataJson: '{"format": "other"}' }, message: 'metadata.json has format "other"' },
    {
      broken: 'metadata with text columns that are not names',
      parts: { metadataJson: JSON.stringify({ ...fixtureMetadata(), dataset: { ...fixtureMetadata().dataset, textColumns: [] } }) },
      message: 'metadata.json has a "dataset.textColumns" that is not a list of column names',
    },
    {
      broken: 'metadata with a label column that is not a name',
      parts: { metadataJson: JSON.stringify({ ...fixtureMetadata(), dataset: { ...fixtureMetadata().dataset, textColumns: ['title'], labelColumn: 3 } }) },
      message: 'metadata.json has a "dataset.labelColumn" that is not a column name',
    },
    { broken: 'metadata without labels', parts: { metadataJson: JSON.stringify({ ...fixtureMetadata(), labels: [] }) }, message: 'metadata.json has no "labels" list' },
    { broken: 'tokenizer of a bigger vocabulary', parts: { tokenizerJson: fixtureTokenizerJson(5000) }, message: "tokenizer.json keeps 5000 words but the model's embedding has 2000 rows" },
    { broken: 'tokenizer keeping every word', parts: { tokenizerJson: fixtureTokenizerJson(null) }, message: 'tokenizer.json keeps every word (num_words is null)' },
    { broken: 'tokenizer not from Keras', parts: { tokenizerJson: '[1, 2]' }, message: 'tokenizer.json is not a Keras tokenizer' },
  ])('$broken → "$message"', ({ parts, message }) => {
    expect(() => checkBundle(fixtureParts(parts as Partial<BundleParts>))).toThrow(message);
  });

  it('reads the text columns of newer bundles, and older bundles without them', () => {
    const dataset = { ...fixtureMetadata().dataset, textColumns: ['title', 'description'], labelColumn: 'class' };
    expect(checkBundle(fixtureParts({ metadataJson: JSON.stringify({ ...fixtureMetadata(), dataset }) })).metadata.dataset).toEqual(dataset);
    expect(checkBundle(fixtureParts()).metadata.dataset.textColumns).toBeUndefined();
  });

  it('names the selected files, not a zip, when files were chosen one by one', () => {
    const parts = fixtureParts({ source: 'the selected files', ...withSizes((s) => s.delete('group1-shard1of1.bin')) });
    expect(() => checkBundle(parts)).toThrow('but the selected files have no such file');
  });

  it('sums the weights of several shards', () => {
    const model = fixtureModelJson();
    model.weightsManifest[0].paths = ['a.bin', 'b.bin'];
    const total = (2000 * 16 + 16 * 4 + 4) * 4;
    const parts = fixtureParts({ modelJson: JSON.stringify(model), sizes: new Map([['a.bin', 100_000], ['b.bin', total - 100_000]]) });
    expect(checkBundle(parts).weightPaths).toEqual(['a.bin', 'b.bin']);
  });
});

describe('describeTopology', () => {
  it.each([
    { name: 'functional', topology: fixtureTopology(40, 4), expected: { inputLength: 40, outputUnits: 4 } },
    {
      name: 'sequential with config.layers',
      topology: { class_name: 'Sequential', config: { layers: [{ class_name: 'Embedding', config: { batch_input_shape: [null, 12], input_dim: 9 } }, { class_name: 'Dense', config: { units: 2 } }] } },
      expected: { inputLength: 12, outputUnits: 2 },
    },
    {
      name: 'Keras model_config wrapper',
      topology: { model_config: fixtureTopology(7, 5) },
      expected: { inputLength: 7, outputUnits: 5 },
    },
    { name: 'no layers', topology: { class_name: 'Sequential', config: {} }, expected: { inputLength: null, outputUnits: null } },
  ])('$name → $expected', ({ topology, expected }) => {
    expect(describeTopology(topology)).toEqual(expected);
  });
});

describe('parseMetadata', () => {
  it('reads what the studio writes', () => {
    expect(parseMetadata(JSON.stringify(fixtureMetadata())).dataset.name).toBe('Demo topics');
  });
});

describe('uniqueName', () => {
  it.each([
    { wanted: 'model', taken: [], name: 'model' },
    { wanted: 'model', taken: ['model'], name: 'model (2)' },
    { wanted: 'model', taken: ['model', 'model (2)'], name: 'model (3)' },
    { wanted: '  ', taken: [], name: 'imported model' },
  ])('$wanted with $taken taken → $name', ({ wanted, taken, name }) => {
    expect(uniqueName(wanted, new Set(taken))).toBe(name);
  });
});
