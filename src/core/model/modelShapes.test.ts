import { describe, expect, it } from 'vitest';
import { formatCount, summarizeModel } from './modelShapes';
import type { ModelSpec } from './modelSpec';
import { PRESETS } from '../train/presets';

/**
 * Pairs each case with its name rendered from the case data itself, so names cannot drift from
 * what is checked. Used with '%s' because '$field' titles are truncated by vitest.
 */
function named<T extends object>(cases: T[]): [string, T][] {
  return cases.map((c) => [JSON.stringify(c), c]);
}

type Row = [label: string, outputShapes: number[][], params: number];

interface Expected {
  classCount: number;
  /** What Keras' model.summary() shows, layer by layer, worked out by hand. */
  rows: Row[];
  totalParams: number;
  /** 2 × multiply–accumulates: conv len·k·channels·filters per branch, dense in·out. */
  flopsPerSample: number;
}

/** One entry per preset id: a preset without hand-worked numbers fails the coverage test. */
const BY_PRESET: Record<string, Expected> = {
  // Embedding 2000·16; Conv1D (3·16+1)·32; Dense (32+1)·32; output (32+1)·2.
  tiny: {
    classCount: 2,
    rows: [
      ['Input (token ids)', [[40]], 0],
      ['Embedding 2000×16', [[40, 16]], 32_000],
      ['Conv1D 32×3 relu', [[38, 32]], 1_568],
      ['GlobalMaxPooling1D', [[32]], 0],
      ['Dense 32 relu', [[32]], 1_056],
      ['Dense 2 softmax', [[2]], 66],
    ],
    totalParams: 34_690,
    // 2 · (38·3·16·32 + 32·32 + 32·2) = 2 · (58,368 + 1,024 + 64)
    flopsPerSample: 118_912,
  },
  // Embedding 10000·16; Conv1D (5·16+1)·128; Dense (128+1)·128; output (128+1)·2.
  'keras-text-cnn': {
    classCount: 2,
    rows: [
      ['Input (token ids)', [[500]], 0],
      ['Embedding 10000×16', [[500, 16]], 160_000],
      ['Conv1D 128×5 relu', [[496, 128]], 10_368],
      ['GlobalMaxPooling1D', [[128]], 0],
      ['Dense 128 relu', [[128]], 16_512],
      ['Dense 2 softmax', [[2]], 258],
    ],
    totalParams: 187_138,
    // 2 · (496·5·16·128 + 128·128 + 128·2) = 2 · (5,079,040 + 16,384 + 256)
    flopsPerSample: 10_191_360,
  },
  // Embedding 10000·64; three Conv1D branches (k·64+1)·100 for k = 3, 4, 5: 19,300 + 25,700 +
  // 32,100; pooled and concatenated to 300; output (300+1)·2.
  'kim-cnn': {
    classCount: 2,
    rows: [
      ['Input (token ids)', [[200]], 0],
      ['Embedding 10000×64', [[200, 64]], 640_000],
      ['Conv1D 100×3/4/5 relu', [[198, 100], [197, 100], [196, 100]], 77_100],
      ['GlobalMaxPooling1D', [[300]], 0],
      ['Dropout 0.5', [[300]], 0],
      ['Dense 2 softmax', [[2]], 602],
    ],
    totalParams: 717_702,
    // 2 · (198·3·64·100 + 197·4·64·100 + 196·5·64·100 + 300·2) = 2 · (3,801,600 + 5,043,200 + 6,272,000 + 600)
    flopsPerSample: 30_234_800,
  },
  // Characters: Embedding 256·16; Conv1D (5·16+1)·64 over 256 → 252 steps; max pooling 2 → 126;
  // Conv1D (3·64+1)·64 → 124 steps; pooled to 64; Dense (64+1)·64; output (64+1)·2.
  'char-cnn': {
    classCount: 2,
    rows: [
      ['Input (token ids)', [[256]], 0],
      ['Embedding 256×16', [[256, 16]], 4_096],
      ['Conv1D 64×5 relu', [[252, 64]], 5_184],
      ['MaxPooling1D 2', [[126, 64]], 0],
      ['Conv1D 64×3 relu', [[124, 64]], 12_352],
      ['GlobalMaxPooling1D', [[64]], 0],
      ['Dense 64 relu', [[64]], 4_160],
      ['Dropout 0.5', [[64]], 0],
      ['Dense 2 softmax', [[2]], 130],
    ],
    totalParams: 25_922,
    // 2 · (252·5·16·64 + 124·3·64·64 + 64·64 + 64·2) = 2 · (1,290,240 + 1,523,712 + 4,096 + 128)
    flopsPerSample: 5_636_352,
  },
};

const summaryRows = (spec: ModelSpec, classCount: number): Row[] =>
  summarizeModel(spec, classCount).layers.map((l) => [l.label, l.outputShapes, l.params]);

describe('summarizeModel', () => {
  it('has hand-worked numbers for every preset', () => {
    expect(Object.keys(BY_PRESET).sort()).toEqual(PRESETS.map((p) => p.id).sort());
  });

  it.each(PRESETS.map((p) => [p.id, p.spec] as const))('counts the "%s" preset like Keras', (id, spec) => {
    const expected = BY_PRESET[id];
    const summary = summarizeModel(spec, expected.classCount);
    expect(summaryRows(spec, expected.classCount)).toEqual(expected.rows);
    expect(summary.totalParams).toBe(expected.totalParams);
    expect(summary.totalParams).toBe(expected.rows.reduce((sum, [, , params]) => sum + params, 0));
    expect(summary.flopsPerSample).toBe(expected.flopsPerSample);
  });

  it.each(PRESETS.map((p) => [p.id, p.spec] as const))('gives the "%s" preset unique ids: input, embedding, l0…, output', (_id, spec) => {
    const ids = summarizeModel(spec, 2).layers.map((l) => l.id);
    expect(ids).toEqual(['input', 'embedding', ...spec.layers.map((_, i) => `l${i}`), 'output']);
  });

  // Only the output layer depends on the class count: (in + 1) · classes.
  it.each(
    named([
      { preset: 'keras-text-cnn', classCount: 5, output: 645, total: 187_525 },
      { preset: 'keras-text-cnn', classCount: 20, output: 2_580, total: 189_460 },
      { preset: 'kim-cnn', classCount: 3, output: 903, total: 718_003 },
      { preset: 'tiny', classCount: 10, output: 330, total: 34_954 },
    ]),
  )('sizes the output for %s', (_name, { preset, classCount, output, total }) => {
    const spec = PRESETS.find((p) => p.id === preset)!.spec;
    const summary = summarizeModel(spec, classCount);
    const last = summary.layers[summary.layers.length - 1];
    expect([last.label, last.outputShapes, last.params]).toEqual([`Dense ${classCount} softmax`, [[classCount]], output]);
    expect(summary.totalParams).toBe(total);
  });

  it.each(
    named([
      // Average pooling of two branches (k = 2, 3 over 10 tokens × 4 dims, 6 filters), then dense.
      {
        spec: {
          vocabSize: 50,
          sequenceLength: 10,
          embeddingDim: 4,
          layers: [
            { kind: 'conv1d', filters: 6, kernelSizes: [2, 3], activation: 'tanh' },
            { kind: 'globalAvgPool' },
            { kind: 'dense', units: 5, activation: 'sigmoid' },
          ],
        },
        rows: [
          ['Input (token ids)', [[10]], 0],
          ['Embedding 50×4', [[10, 4]], 200],
          ['Conv1D 6×2/3 tanh', [[9, 6], [8, 6]], (2 * 4 + 1) * 6 + (3 * 4 + 1) * 6],
          ['GlobalAveragePooling1D', [[12]], 0],
          ['Dense 5 sigmoid', [[5]], (12 + 1) * 5],
          ['Dense 2 softmax', [[2]], (5 + 1) * 2],
        ],
      },
      // Stacked convolutions shorten the sequence twice: 12 → 10 → 6.
      {
        spec: {
          vocabSize: 30,
          sequenceLength: 12,
          embeddingDim: 2,
          layers: [
            { kind: 'conv1d', filters: 3, kernelSizes: [3], activation: 'relu' },
            { kind: 'conv1d', filters: 5, kernelSizes: [5], activation: 'linear' },
            { kind: 'globalMaxPool' },
          ],
        },
        rows: [
          ['Input (token ids)', [[12]], 0],
          ['Embedding 30×2', [[12, 2]], 60],
          ['Conv1D 3×3 relu', [[10, 3]], (3 * 2 + 1) * 3],
          ['Conv1D 5×5 linear', [[6, 5]], (5 * 3 + 1) * 5],
          ['GlobalMaxPooling1D', [[5]], 0],
          ['Dense 2 softmax', [[2]], (5 + 1) * 2],
        ],
      },
      // A kernel longer than the sequence gives length 0 instead of throwing while the user types.
      {
        spec: {
          vocabSize: 10,
          sequenceLength: 3,
          embeddingDim: 2,
          layers: [{ kind: 'conv1d', filters: 4, kernelSizes: [5], activation: 'relu' }, { kind: 'globalMaxPool' }],
        },
        rows: [
          ['Input (token ids)', [[3]], 0],
          ['Embedding 10×2', [[3, 2]], 20],
          ['Conv1D 4×5 relu', [[0, 4]], (5 * 2 + 1) * 4],
          ['GlobalMaxPooling1D', [[4]], 0],
          ['Dense 2 softmax', [[2]], (4 + 1) * 2],
        ],
      },
    ] as { spec: ModelSpec; rows: Row[] }[]),
  )('%s', (_name, { spec, rows }) => {
    expect(summaryRows(spec, 2)).toEqual(rows);
  });

  it('counts no work for a conv whose output is empty', () => {
    const spec: ModelSpec = {
      vocabSize: 10,
      sequenceLength: 3,
      embeddingDim: 2,
      layers: [{ kind: 'conv1d', filters: 4, kernelSizes: [5], activation: 'relu' }, { kind: 'globalMaxPool' }],
    };
    // Only the output layer multiplies: 4 · 2 MACs = 16 FLOPs.
    expect(summarizeModel(spec, 2).flopsPerSample).toBe(16);
  });
});

describe('formatCount', () => {
  it.each(
    named([
      { n: 0, text: '0' },
      { n: 258, text: '258' },
      { n: 187_138, text: '187,138' },
      { n: 1_234_567, text: '1,234,567' },
    ]),
  )('%s', (_name, { n, text }) => {
    expect(formatCount(n)).toBe(text);
  });
});
