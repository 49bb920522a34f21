import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../../core/model/modelSpec';
import { mulberry32 } from '../../../core/random';
import { buildModel, makeOptimizer, weightedCrossEntropy } from '../buildModel';
import { fusedChoice, fusedUnsupported, makeFusedStep } from './fusedStep';
import { PRESETS } from '../../../core/train/presets';

const base: ModelSpec = {
  vocabSize: 30,
  sequenceLength: 14,
  embeddingDim: 6,
  layers: [
    { kind: 'conv1d', filters: 8, kernelSizes: [3], activation: 'relu' },
    { kind: 'globalMaxPool' },
    { kind: 'dense', units: 5, activation: 'relu' },
  ],
};

/** Token ids with 'pre' padding of varying length, as the tokenizer produces them. */
function batch(rows: number, seed: number, spec: ModelSpec, classes: number) {
  const r = mulberry32(seed);
  const ids = new Int32Array(rows * spec.sequenceLength);
  for (let i = 0; i < rows; i++) {
    const pad = Math.floor(r() * spec.sequenceLength);
    for (let t = pad; t < spec.sequenceLength; t++) ids[i * spec.sequenceLength + t] = 1 + Math.floor(r() * (spec.vocabSize - 1));
  }
  const labels = Int32Array.from({ length: rows }, (_, i) => i % classes);
  return { xs: tf.tensor2d(ids, [rows, spec.sequenceLength], 'int32'), ys: tf.oneHot(tf.tensor1d(labels, 'int32'), classes).toFloat() as tf.Tensor2D };
}

describe('fused training step', () => {
  it.each([
    ['one kernel size', base, 'sgd', null],
    ['kernel sizes 2, 3, 4 side by side, tanh', { ...base, layers: [{ kind: 'conv1d', filters: 4, kernelSizes: [2, 3, 4], activation: 'tanh' }, ...base.layers.slice(1)] } as ModelSpec, 'adam', null],
    ['dense L1/L2 and class weights', { ...base, layers: [base.layers[0], base.layers[1], { kind: 'dense', units: 5, activation: 'relu', l1: 0.01, l2: 0.02 }] } as ModelSpec, 'rmsprop', [0.5, 2, 1]],
    ['frozen embedding, no dense layer', { ...base, embeddingTrainable: false, layers: base.layers.slice(0, 2) } as ModelSpec, 'sgd', null],
  ] as const)('%s: the same loss, accuracy and weights after two steps as trainOnBatch', async (_name, spec, optimizerName, weights) => {
    await tf.setBackend('cpu');
    const classes = 3;
    const make = () => {
      const model = buildModel(spec, classes, 9);
      const optimizer = makeOptimizer(optimizerName, 0.05);
      const loss = weights ? weightedCrossEntropy([...weights]) : tf.metrics.categoricalCrossentropy;
      model.compile({ optimizer, loss, metrics: ['accuracy'] });
      return { model, optimizer, loss };
    };
    const standard = make();
    const fused = make();
    const step = makeFusedStep(fused.model, spec, fused.optimizer, fused.loss);
    for (const seed of [1, 2]) {
      const { xs, ys } = batch(12, seed, spec, classes);
      const [refLoss, refAcc] = (await standard.model.trainOnBatch(xs, ys)) as number[];
      const [loss, acc] = await step(xs, ys);
      expect(Math.abs(loss - refLoss)).toBeLessThanOrEqual(1e-5);
      expect(acc).toBeCloseTo(refAcc, 6);
      tf.dispose([xs, ys]);
    }
    const a = standard.model.getWeights();
    const b = fused.model.getWeights();
    a.forEach((w, i) => expect(tf.max(tf.abs(tf.sub(w, b[i]))).dataSync()[0]).toBeLessThanOrEqual(1e-5));
    for (const m of [standard, fused]) {
      m.model.dispose();
      m.optimizer.dispose();
    }
  });

  it.each([
    ['average pooling', { ...base, layers: [base.layers[0], { kind: 'globalAvgPool' }] }, 'not followed by global max pooling'],
    ['stacked convolutions', { ...base, layers: [base.layers[0], base.layers[0], base.layers[1]] }, 'not followed by global max pooling'],
    ['same padding', { ...base, layers: [{ ...base.layers[0], padding: 'same' }, base.layers[1]] }, 'same padding or a stride'],
    ['batch norm after pooling', { ...base, layers: [base.layers[0], base.layers[1], { kind: 'batchNorm' }] }, 'other than dropout and dense'],
  ] as const)('%s keeps the standard path', (_name, spec, reason) => {
    expect(fusedUnsupported(spec as unknown as ModelSpec)).toContain(reason);
  });

  it('the presets that can use it do', async () => {
    const { PRESETS } = await import('../../../core/train/presets');
    expect(PRESETS.filter((p) => fusedUnsupported(p.spec) === null).map((p) => p.id)).toEqual(['tiny', 'keras-text-cnn', 'kim-cnn']);
  });
});

describe('fusedChoice', () => {
  const preset = (id: string) => PRESETS.find((p) => p.id === id)!.spec;
  it.each([
    ['cpu', 'tiny', undefined, null],
    ['webgpu', 'keras-text-cnn', undefined, null],
    ['webgpu', 'tiny', undefined, 'slower on WebGPU for a model this small'],
    ['webgpu', 'tiny', true, null],
    ['wasm', 'keras-text-cnn', undefined, null],
    ['wasm', 'tiny', undefined, 'slower on WASM for a model this small'],
    ['webgl', 'keras-text-cnn', undefined, null],
    ['webgl', 'tiny', undefined, null],
    ['webgl', 'keras-text-cnn', true, null],
    ['cpu', 'keras-text-cnn', false, 'turned off'],
    ['cpu', 'char-cnn', true, 'the first layer is not a convolution'],
  ] as const)('%s, %s, setting %s → %s', (backend, id, setting, reason) => {
    const spec = preset(id);
    const expected = id === 'char-cnn' ? fusedUnsupported(spec) : reason;
    expect(fusedChoice(backend, spec, 2, 32, setting)).toBe(expected);
  });

  it('on WebGPU with the WGSL kernels the fused step is automatic at every size; WASM keeps its rule', () => {
    expect(fusedChoice('webgpu', preset('tiny'), 2, 32, undefined, true)).toBeNull();
    expect(fusedChoice('wasm', preset('tiny'), 2, 32, undefined, true)).toBe('slower on WASM for a model this small');
    expect(fusedChoice('webgpu', preset('tiny'), 2, 32, false, true)).toBe('turned off');
  });
});
