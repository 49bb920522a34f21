import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { summarizeModel } from '../core/modelShapes';
import type { ModelSpec } from '../core/modelSpec';
import { PRESETS } from '../core/presets';
import { setDenseUnits, setDropout, setFilters, setKernelSizes } from '../core/specEdits';
import { buildModel } from './buildModel';

const keras = PRESETS.find((p) => p.id === 'keras-text-cnn')!.spec;
const tiny = PRESETS.find((p) => p.id === 'tiny')!.spec;

const cases: [string, ModelSpec, number][] = [
  ...PRESETS.map((p): [string, ModelSpec, number] => [`preset ${p.name}`, p.spec, 2]),
  ['Tiny with 7 classes', tiny, 7],
  ['Keras text CNN with 64 filters', setFilters(keras, 64), 3],
  ['Tiny with kernel sizes 2, 3, 4 side by side', setKernelSizes(tiny, [2, 3, 4]), 4],
  ['Tiny with dropout 0.3 and no dense layer', setDenseUnits(setDropout(tiny, 0.3), 0), 2],
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
    expect(conv.map((l) => (l.outputShape as number[]).slice(1))).toEqual(convSummary.outputShapes);
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
