import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { ModelJson } from '../../core/export/bundle';
import type { ModelSpec } from '../../core/model/modelSpec';
import { PRESETS } from '../../core/train/presets';
import { askPython } from '../../core/testFixtures/pythonFixture';
import { buildModel } from '../train/buildModel';
import { collectArtifacts } from './exportBundle';

/**
 * The bundle train.py writes (python/studio_model.py save_tfjs) is the studio's own export: the
 * same topology and weight manifest as tfjs writes for buildModel, and tfjs loading it predicts
 * what PyTorch predicts, for every layer kind (batch norm with moved statistics included).
 */
const SPECS: [string, ModelSpec, number][] = [
  ['Tiny', PRESETS[0].spec, 4],
  ['Kim CNN (kernel branches, dropout)', { ...PRESETS.find((p) => p.id === 'kim-cnn')!.spec, vocabSize: 500, sequenceLength: 30, embeddingDim: 8 }, 3],
  [
    'same padding + stride, batch norm, max pool, global average over branches, dense L1/L2 + batch norm, frozen embedding',
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
        { kind: 'conv1d', filters: 5, kernelSizes: [1, 2, 3], activation: 'sigmoid', strides: 2 },
        { kind: 'globalAvgPool' },
        { kind: 'dense', units: 7, activation: 'linear', l1: 0.01, l2: 0.001 },
        { kind: 'batchNorm' },
      ],
    },
    3,
  ],
];

interface PyBundle {
  modelJson: ModelJson;
  weights: string;
  ids: number[][];
  probabilities: number[][];
}

describe("train.py's bundle is the studio's", () => {
  it.each(SPECS)('%s: same topology and weights manifest as tfjs writes; tfjs predicts what PyTorch predicts', async (_name, spec, classCount) => {
    const seed = 42;
    const [py] = (await askPython<{ bundles: PyBundle[] }>({ bundles: [{ spec, classCount, seed, rows: 6 }] })).bundles;

    const own = buildModel(spec, classCount, seed);
    const artifacts = await collectArtifacts(own);
    own.dispose();
    expect(py.modelJson.modelTopology).toEqual(JSON.parse(JSON.stringify(artifacts.modelTopology)));
    expect(py.modelJson.weightsManifest[0].weights).toEqual(artifacts.weightSpecs);
    expect(py.modelJson.format).toBe('layers-model');

    const bytes = Uint8Array.from(atob(py.weights), (c) => c.charCodeAt(0));
    const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: py.modelJson.modelTopology, weightSpecs: py.modelJson.weightsManifest[0].weights, weightData: bytes.buffer }));
    const input = tf.tensor2d(py.ids, [py.ids.length, spec.sequenceLength], 'int32');
    const output = model.predict(input) as tf.Tensor;
    const studio = (await output.array()) as number[][];
    tf.dispose([input, output]);
    model.dispose();
    let worst = 0;
    studio.forEach((row, i) => row.forEach((p, j) => (worst = Math.max(worst, Math.abs(p - py.probabilities[i][j])))));
    expect(worst).toBeLessThanOrEqual(1e-5);
  });
});
