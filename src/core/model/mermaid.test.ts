import { describe, expect, it } from 'vitest';
import { STAGES, escapeMermaidLabel, modelDiagram, pipelineDiagram } from './mermaid';
import type { PipelineDetails, Stage } from './mermaid';
import { summarizeModel } from './modelShapes';
import type { ModelSpec } from './modelSpec';
import { findPreset, PRESETS } from '../train/presets';

/**
 * Pairs each case with its name rendered from the case data itself, so names cannot drift from
 * what is checked. Used with '%s' because '$field' titles are truncated by vitest.
 */
function named<T extends object>(cases: T[]): [string, T][] {
  return cases.map((c) => [JSON.stringify(c), c]);
}

/** What Mermaid shows for a label: each `#<code point>;` entity turned back into its character. */
const decodeEntities = (label: string) => label.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));

/**
 * Checks that a label shows `original`, or, when the diagram shortens long text, a prefix of it
 * followed by an ellipsis.
 */
function expectShows(label: string | undefined, original: string): void {
  const shown = decodeEntities(label ?? '');
  if (shown === original) return;
  const stem = shown.replace(/(…|\.\.\.)$/, '');
  expect(stem, `"${shown}" neither is "${original}" nor shortens it`).not.toBe(shown);
  expect(shown.length).toBeLessThan(original.length);
  expect(original.startsWith(stem)).toBe(true);
}

/** The diagram without its `flowchart <direction>` line; the direction is layout, not content. */
function body(diagram: string): string {
  const [first, ...rest] = diagram.split('\n');
  expect(first).toMatch(/^flowchart (TD|TB|LR)$/);
  return rest.join('\n');
}

const presetSpec = (id: string): ModelSpec => {
  const preset = findPreset(id);
  if (!preset) throw new Error(`No preset "${id}"`);
  return preset.spec;
};

/** Node definition lines `  id["label"]`: the label may hold no quote, so nothing can close it early. */
const NODE_LINE = /^ {2}(\w+)\["([^"]*)"\]$/;
const nodeLabels = (diagram: string) =>
  new Map(diagram.split('\n').flatMap((line) => {
    const m = NODE_LINE.exec(line);
    return m ? [[m[1], m[2]] as const] : [];
  }));

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '"]; click A call evil()',
  'say "hi" and \'bye\'',
  '`code` and ``markdown``',
  '#60; is not a real entity here',
  'line one\nline two\r\nthree',
  '[x]{y}|z &amp; <b>',
  'café 日本 😀',
  'end]',
  ';; start',
];

describe('escapeMermaidLabel', () => {
  it.each(
    named([
      { text: '<img src=x onerror=alert(1)>', escaped: '#60;img src#61;x onerror#61;alert(1)#62;' },
      { text: '"]; click A call evil()', escaped: '#34;#93;#59; click A call evil()' },
      { text: 'say "hi"', escaped: 'say #34;hi#34;' },
      { text: "'single'", escaped: '#39;single#39;' },
      { text: '`code`', escaped: '#96;code#96;' },
      { text: '#1', escaped: '#35;1' },
      { text: 'a\nb\rc\td', escaped: 'a#10;b#13;c#9;d' },
      { text: 'café', escaped: 'caf#233;' },
      { text: '日本', escaped: '#26085;#26412;' },
      // One entity per code point, not one per UTF-16 half.
      { text: '😀', escaped: '#128512;' },
      { text: '[x]{y}|z', escaped: '#91;x#93;#123;y#125;#124;z' },
      { text: '&amp;', escaped: '#38;amp#59;' },
      { text: 'Conv1D 128×5 (batch, 5) 50% a-b_c/d.', escaped: 'Conv1D 128×5 (batch, 5) 50% a-b_c/d.' },
      { text: '', escaped: '' },
    ]),
  )('%s', (_name, { text, escaped }) => {
    expect(escapeMermaidLabel(text)).toBe(escaped);
  });

  it.each(HOSTILE.map((text) => [JSON.stringify(text), text] as const))(
    'leaves nothing raw that could end the label or become markup in %s',
    (_name, text) => {
      const escaped = escapeMermaidLabel(text);
      expect(escaped).toMatch(/^[A-Za-z0-9 .,_/×%()#;-]*$/);
      // '#' and ';' only survive as the ends of an entity: a raw ';' cannot start a statement.
      expect(escaped.replace(/#\d+;/g, '')).not.toMatch(/[#;]/);
      expect(decodeEntities(escaped)).toBe(text);
    },
  );
});

describe('pipelineDiagram', () => {
  it.each(STAGES.map((stage, i) => [stage, i] as const))('marks the stages before "%s" done, it current, the rest todo', (stage, i) => {
    const lines = pipelineDiagram(stage).split('\n');
    STAGES.forEach((other, j) => {
      const state = j < i ? 'done' : j === i ? 'current' : 'todo';
      expect(lines).toContain(`  class ${other} ${state}`);
    });
    expect(lines.filter((l) => / current$/.test(l))).toEqual([`  class ${stage} current`]);
  });

  it('draws data → tokenizer → model → training → evaluation → export', () => {
    const diagram = pipelineDiagram('data');
    expect(diagram.split('\n')[0]).toBe('flowchart LR');
    expect([...nodeLabels(diagram)]).toEqual([
      ['data', 'Data'],
      ['preprocess', 'Tokenizer'],
      ['model', 'Model'],
      ['train', 'Training'],
      ['evaluate', 'Evaluation'],
      ['export', 'Export'],
    ]);
    const edges = diagram.split('\n').filter((l) => l.includes('-->'));
    expect(edges).toEqual([
      '  data --> preprocess',
      '  preprocess --> model',
      '  model --> train',
      '  train --> evaluate',
      '  evaluate --> export',
    ]);
    for (const state of ['done', 'current', 'todo']) expect(diagram).toMatch(new RegExp(`^  classDef ${state} `, 'm'));
  });

  it.each(HOSTILE.map((name) => [JSON.stringify(name), name] as const))('escapes the dataset name %s', (_name, dataset) => {
    const diagram = pipelineDiagram('model', { dataset });
    const label = nodeLabels(diagram).get('data') ?? '';
    expect(label.startsWith('Data<br/>')).toBe(true);
    expectShows(label.slice('Data<br/>'.length), dataset);
    // Every line is still one of the diagram's own statements.
    expect(diagram.split('\n')).toHaveLength(pipelineDiagram('model').split('\n').length);
    expect(diagram).not.toContain('<img');
  });

  it.each(
    named<{ details: PipelineDetails; stage: Stage; label: string }>([
      { details: { notes: { train: 'epoch 3/10' } }, stage: 'train', label: 'Training<br/>epoch 3/10' },
      { details: { notes: { evaluate: 'acc "97%"' } }, stage: 'evaluate', label: 'Evaluation<br/>acc #34;97%#34;' },
      { details: { dataset: 'sms.tsv', notes: { data: 'ignored' } }, stage: 'data', label: 'Data<br/>sms.tsv' },
      { details: { dataset: null, notes: { data: '5,574 rows' } }, stage: 'data', label: 'Data<br/>5,574 rows' },
      { details: { dataset: '' }, stage: 'data', label: 'Data' },
      { details: {}, stage: 'export', label: 'Export' },
    ]),
  )('labels with %s', (_name, { details, stage, label }) => {
    expect(nodeLabels(pipelineDiagram('train', details)).get(stage)).toBe(label);
  });
});

describe('modelDiagram', () => {
  it('draws the Keras text CNN as a chain with shapes on the edges (hand-written)', () => {
    expect(body(modelDiagram(presetSpec('keras-text-cnn'), ['ham', 'spam']))).toBe(
      [
        '  input["Input (token ids)"]',
        '  embedding["Embedding 10000×16<br/>160,000 params"]',
        '  input -->|"(batch, 500)"| embedding',
        '  l0["Conv1D 128×5 relu<br/>10,368 params"]',
        '  embedding -->|"(batch, 500, 16)"| l0',
        '  l1["GlobalMaxPooling1D"]',
        '  l0 -->|"(batch, 496, 128)"| l1',
        '  l2["Dense 128 relu<br/>16,512 params"]',
        '  l1 -->|"(batch, 128)"| l2',
        '  output["Dense 2 softmax<br/>258 params"]',
        '  l2 -->|"(batch, 128)"| output',
        '  classes["ham, spam"]',
        '  output -->|"(batch, 2)"| classes',
      ].join('\n'),
    );
  });

  it('draws one branch per kernel size of the Kim CNN, each with its own shape (hand-written)', () => {
    expect(body(modelDiagram(presetSpec('kim-cnn'), ['a', 'b', 'c']))).toBe(
      [
        '  input["Input (token ids)"]',
        '  embedding["Embedding 10000×64<br/>640,000 params"]',
        '  input -->|"(batch, 200)"| embedding',
        '  l0b0["Conv1D 100×3 relu"]',
        '  embedding -->|"(batch, 200, 64)"| l0b0',
        '  l0b1["Conv1D 100×4 relu"]',
        '  embedding -->|"(batch, 200, 64)"| l0b1',
        '  l0b2["Conv1D 100×5 relu"]',
        '  embedding -->|"(batch, 200, 64)"| l0b2',
        '  l1["GlobalMaxPooling1D"]',
        '  l0b0 -->|"(batch, 198, 100)"| l1',
        '  l0b1 -->|"(batch, 197, 100)"| l1',
        '  l0b2 -->|"(batch, 196, 100)"| l1',
        '  l2["Dropout 0.5"]',
        '  l1 -->|"(batch, 300)"| l2',
        '  output["Dense 3 softmax<br/>903 params"]',
        '  l2 -->|"(batch, 300)"| output',
        '  classes["a, b, c"]',
        '  output -->|"(batch, 3)"| classes',
      ].join('\n'),
    );
  });

  it.each(PRESETS.map((p) => [p.id, p.spec] as const))('has one node per layer (one per branch) for preset "%s"', (_id, spec) => {
    const summary = summarizeModel(spec, 2);
    const expected = summary.layers.flatMap((l) =>
      l.outputShapes.length > 1 ? l.outputShapes.map((_, b) => `${l.id}b${b}`) : [l.id],
    );
    expect([...nodeLabels(modelDiagram(spec, ['neg', 'pos'])).keys()]).toEqual([...expected, 'classes']);
  });

  it.each(
    named([
      { kernelSizes: [2, 7], ids: ['l0b0', 'l0b1'], labels: ['Conv1D 8×2 relu', 'Conv1D 8×7 relu'], lengths: [19, 14] },
      { kernelSizes: [3, 3, 5, 1], ids: ['l0b0', 'l0b1', 'l0b2', 'l0b3'], labels: ['Conv1D 8×3 relu', 'Conv1D 8×3 relu', 'Conv1D 8×5 relu', 'Conv1D 8×1 relu'], lengths: [18, 18, 16, 20] },
    ]),
  )('branches for kernel sizes %s', (_name, { kernelSizes, ids, labels, lengths }) => {
    const spec: ModelSpec = {
      vocabSize: 100,
      sequenceLength: 20,
      embeddingDim: 4,
      layers: [{ kind: 'conv1d', filters: 8, kernelSizes, activation: 'relu' }, { kind: 'globalAvgPool' }],
    };
    const diagram = modelDiagram(spec, ['x', 'y']);
    const nodes = nodeLabels(diagram);
    expect(ids.map((id) => nodes.get(id))).toEqual(labels);
    for (const [b, id] of ids.entries()) {
      expect(diagram).toContain(`  embedding -->|"(batch, 20, 4)"| ${id}`);
      expect(diagram).toContain(`  ${id} -->|"(batch, ${lengths[b]}, 8)"| l1`);
    }
    expect(diagram).toContain(`  l1 -->|"(batch, ${8 * kernelSizes.length})"| output`);
  });

  it.each(
    named([
      { classNames: ['<b>bad</b>', 'x"]; click'], label: '#60;b#62;bad#60;/b#62;, x#34;#93;#59; click', units: 2 },
      { classNames: ['négatif', 'positif', '😀'], label: 'n#233;gatif, positif, #128512;', units: 3 },
      { classNames: [], label: 'classes', units: 2 },
      { classNames: ['only'], label: 'only', units: 2 },
    ]),
  )('escapes the class names %s', (_name, { classNames, label, units }) => {
    const diagram = modelDiagram(presetSpec('tiny'), classNames);
    expect(nodeLabels(diagram).get('classes')).toBe(label);
    expect(nodeLabels(diagram).get('output')).toMatch(new RegExp(`^Dense ${units} softmax<br/>`));
    expect(diagram).toContain(`  output -->|"(batch, ${units})"| classes`);
    expect(diagram).not.toContain('<b>');
  });

  it('shortens 12 joined class names (96 characters) to at most 60, still escaped', () => {
    const classNames = Array.from({ length: 12 }, (_, i) => `class${i}`);
    const label = nodeLabels(modelDiagram(presetSpec('tiny'), classNames)).get('classes');
    expect(label).toMatch(/^[A-Za-z0-9 .,_/×%()#;-]*$/);
    expect(decodeEntities(label ?? '').length).toBeLessThanOrEqual(60);
    expectShows(label, classNames.join(', '));
  });
});
