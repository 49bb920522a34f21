import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { summarizeModel } from '../../core/model/modelShapes';
import type { ModelSpec } from '../../core/model/modelSpec';
import { PRESETS } from '../../core/train/presets';
import { insertLayer, removeLayer, replaceLayer } from '../../core/model/layerStack';
import { buildModel, disposeOptimizer, makeOptimizer } from './buildModel';

const keras = PRESETS.find((p) => p.id === 'keras-text-cnn')!.spec;
const tiny = PRESETS.find((p) => p.id === 'tiny')!.spec;

const cases: [string, ModelSpec, number][] = [
  ...PRESETS.map((p): [string, ModelSpec, number] => [`preset ${p.name}`, p.spec, 2]),
  ['Tiny with 7 classes', tiny, 7],
  ['Keras text CNN with 64 filters', replaceLayer(keras, 0, { kind: 'conv1d', filters: 64, kernelSizes: [5], activation: 'relu' }), 3],
  ['Tiny with kernel sizes 2, 3, 4 side by side', replaceLayer(tiny, 0, { kind: 'conv1d', filters: 32, kernelSizes: [2, 3, 4], activation: 'relu' }), 4],
  ['Tiny with dropout 0.3 and no dense layer', insertLayer(removeLayer(tiny, 2), { kind: 'dropout', rate: 0.3 }), 2],
  [
    'same padding, stride 2, max pooling, batch norm, L1/L2 and a frozen embedding',
    {
      ...tiny,
      embeddingTrainable: false,
      layers: [
        { kind: 'conv1d', filters: 8, kernelSizes: [5], activation: 'relu', padding: 'same', strides: 2 },
        { kind: 'batchNorm' },
        { kind: 'maxPool', poolSize: 3 },
        { kind: 'conv1d', filters: 6, kernelSizes: [2], activation: 'tanh' },
        { kind: 'globalMaxPool' },
        { kind: 'dense', units: 10, activation: 'relu', l1: 0.001, l2: 0.01 },
        { kind: 'batchNorm' },
      ],
    },
    3,
  ],
  [
    'stride 3 with valid padding',
    { ...tiny, layers: [{ kind: 'conv1d', filters: 4, kernelSizes: [4], activation: 'relu', strides: 3 }, { kind: 'globalAvgPool' }] },
    2,
  ],
  [
    'average pooling and two dense layers',
    { ...tiny, layers: [tiny.layers[0], { kind: 'globalAvgPool' }, { kind: 'dense', units: 24, activation: 'tanh' }, { kind: 'dense', units: 8, activation: 'relu' }] },
    5,
  ],
];

describe('buildModel against summarizeModel', () => {
  it.each(cases)('%s: tfjs countParams and output shape equal the core summary', (_name, spec, classes) => {
    const model = buildModel(spec, classes, 1);
    const summary = summarizeModel(spec, classes);
    expect(model.countParams()).toBe(summary.totalParams);
    expect(model.outputs[0].shape).toEqual([null, classes]);
    expect(model.inputs[0].shape).toEqual([null, spec.sequenceLength]);
    const embedding = model.getLayer('embedding');
    expect(embedding.countParams()).toBe(summary.layers.find((l) => l.id === 'embedding')!.params);
    const conv = model.layers.filter((l) => l.getClassName() === 'Conv1D');
    const convSummary = summary.layers.find((l) => l.label.startsWith('Conv1D'))!;
    expect((conv[0].outputShape as number[]).slice(1)).toEqual(convSummary.outputShapes[0]);
    // Every layer's output shape, in order, equals the summary's (branches of one block together).
    const joined = new Set(model.layers.filter((l) => l.getClassName() === 'Concatenate').map((l) => l.name.split('_')[1]));
    const built = model.layers
      .filter((l) => l.getClassName() !== 'InputLayer' && !(/^pool_\d+_\d+$/.test(l.name) && joined.has(l.name.split('_')[1])))
      .map((l) => (l.outputShape as number[]).slice(1));
    const expected = summary.layers.slice(1).flatMap((l) => (l.label.startsWith('Conv1D') ? l.outputShapes : [l.outputShapes[0]]));
    expect(built).toEqual(expected);
    expect(model.trainableWeights.length < model.weights.length).toBe(spec.embeddingTrainable === false || spec.layers.some((l) => l.kind === 'batchNorm'));
    model.dispose();
  });

  it('the same seed gives the same initial weights', () => {
    const a = buildModel(tiny, 3, 7);
    const b = buildModel(tiny, 3, 7);
    const c = buildModel(tiny, 3, 8);
    const values = (m: tf.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));
    expect(values(a)).toEqual(values(b));
    expect(values(a)).not.toEqual(values(c));
    [a, b, c].forEach((m) => m.dispose());
  });
});

describe('disposeOptimizer', () => {
  it.each(['adam', 'sgd', 'rmsprop'] as const)('%s leaves no tensor behind after a step', async (name) => {
    await tf.setBackend('cpu');
    const w = tf.variable(tf.tensor1d([1, 2, 3]));
    const before = tf.memory().numTensors;
    const optimizer = makeOptimizer(name, 0.1);
    optimizer.minimize(() => w.square().sum() as tf.Scalar);
    disposeOptimizer(optimizer);
    expect(tf.memory().numTensors).toBe(before);
    w.dispose();
  });
});
