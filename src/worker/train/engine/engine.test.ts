import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { enginePlan } from '../../../core/train/enginePlan';
import type { ModelSpec } from '../../../core/model/modelSpec';
import { mulberry32 } from '../../../core/random';
import type { OptimizerName } from '../../../core/train/trainConfig';
import { buildModel, makeOptimizer, weightedCrossEntropy } from '../buildModel';
import { TextCnnEngine } from './engine';
import type { NamedWeights } from './engineWeights';
import { readWeights, weightedLayers } from './engineTrainee';
import { kernelFlavor, loadKernel, type KernelFlavor } from './kernelModule';
import { addGradients, concatGradients } from './gradientTransfer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const K = 3;

const multiBranch: ModelSpec = {
  vocabSize: 40,
  sequenceLength: 14,
  embeddingDim: 6,
  layers: [
    { kind: 'conv1d', filters: 5, kernelSizes: [2, 3], activation: 'relu' },
    { kind: 'globalMaxPool' },
    { kind: 'dense', units: 7, activation: 'relu', l1: 0.001, l2: 0.01 },
  ],
};
const linearFrozen: ModelSpec = {
  vocabSize: 30,
  sequenceLength: 9,
  embeddingDim: 8,
  embeddingTrainable: false,
  layers: [
    { kind: 'conv1d', filters: 9, kernelSizes: [4], activation: 'linear' },
    { kind: 'globalMaxPool' },
    { kind: 'dense', units: 4, activation: 'tanh' },
    { kind: 'dense', units: 5, activation: 'sigmoid' },
  ],
};
const keras: ModelSpec = {
  vocabSize: 200,
  sequenceLength: 50,
  embeddingDim: 16,
  layers: [
    { kind: 'conv1d', filters: 128, kernelSizes: [5], activation: 'relu' },
    { kind: 'globalMaxPool' },
    { kind: 'dense', units: 128, activation: 'relu' },
  ],
};

/** Random token rows; `padded` pre-pads most rows with zeros (identical windows: ties). */
function batch(spec: ModelSpec, n: number, padded: boolean, seed: number) {
  const random = mulberry32(seed);
  const L = spec.sequenceLength;
  const ids = new Int32Array(n * L);
  for (let i = 0; i < n; i++) {
    const length = padded ? 2 + Math.floor(random() * (L - 2)) : L;
    for (let t = L - length; t < L; t++) ids[i * L + t] = 1 + Math.floor(random() * (spec.vocabSize - 1));
  }
  const labels = Int32Array.from({ length: n }, (_, i) => i % K);
  return { ids, labels, rows: Int32Array.from({ length: n }, (_, i) => i) };
}

const layerNames = (spec: ModelSpec) => weightedLayers(enginePlan(spec, K));
const namedWeights = (model: tf.LayersModel, spec: ModelSpec): Promise<NamedWeights> => readWeights(model, enginePlan(spec, K));

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

async function engineFor(spec: ModelSpec, flavor: KernelFlavor, optimizer: OptimizerName, classWeights: number[] | null, n: number) {
  const model = buildModel(spec, K, 7);
  const engine = new TextCnnEngine(await loadKernel(flavor), enginePlan(spec, K), { batchSize: n, optimizer, learningRate: 0.01 }, classWeights, mulberry32(1));
  engine.setWeights(await namedWeights(model, spec));
  return { model, engine };
}

const flavors: KernelFlavor[] = kernelFlavor() === 'relaxed-simd' ? ['simd', 'relaxed-simd'] : ['simd'];

describe('TextCnnEngine against tfjs (CPU backend)', () => {
  it('finds relaxed SIMD where the runtime has it (Node 20 with the flag vitest passes, Chromium)', () => {
    expect(kernelFlavor()).toBe('relaxed-simd');
  });

  it('round-trips weights in tfjs layouts (padded filters stay hidden)', async () => {
    const { model, engine } = await engineFor(multiBranch, 'simd', 'adam', null, 4);
    const back = engine.getWeights();
    for (const [name, arrays] of await namedWeights(model, multiBranch)) arrays.forEach((w, i) => expect(back.get(name)![i]).toEqual(w));
    model.dispose();
  });

  const cases = flavors.flatMap((flavor) =>
    [
      { name: 'multi-branch ReLU, L1/L2', spec: multiBranch, padded: false, classWeights: null },
      { name: 'multi-branch ReLU, padded (ties)', spec: multiBranch, padded: true, classWeights: null },
      { name: 'linear conv, frozen embedding, tanh/sigmoid, class weights', spec: linearFrozen, padded: true, classWeights: [0.5, 2, 1.25] },
      { name: 'Keras text CNN shape, padded', spec: keras, padded: true, classWeights: null },
    ].map((c) => ({ ...c, flavor })),
  );

  it.each(cases)('loss and every gradient equal trainOnBatch’s: $name ($flavor)', async ({ spec, padded, classWeights, flavor }) => {
    const n = 6;
    const { ids, labels, rows } = batch(spec, n, padded, 3);
    const { model, engine } = await engineFor(spec, flavor, 'sgd', classWeights, n);
    const names = layerNames(spec);
    const before = await namedWeights(model, spec);
    const { loss } = engine.computeGradients(ids, labels, rows, 0, n);
    const grads = engine.gradients();

    // Reference: plain SGD with rate 1 moves every weight by exactly its gradient.
    const loss1 = classWeights ? weightedCrossEntropy(classWeights) : 'categoricalCrossentropy';
    model.compile({ optimizer: tf.train.sgd(1), loss: loss1 });
    const xs = tf.tensor2d(ids, [n, spec.sequenceLength], 'int32');
    const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), K).toFloat();
    const tfLoss = (await model.trainOnBatch(xs, ys)) as number;
    const after = await namedWeights(model, spec);
    expect(Math.abs(loss - tfLoss)).toBeLessThanOrEqual(1e-5);
    for (const name of names) {
      if (name === 'embedding' && spec.embeddingTrainable === false) {
        expect(grads.has('embedding')).toBe(false);
        continue;
      }
      before.get(name)!.forEach((w, i) => {
        const tfGrad = w.map((v, j) => v - after.get(name)![i][j]);
        expect(maxDiff(grads.get(name)![i], tfGrad), `${name}[${i}]`).toBeLessThanOrEqual(1e-5);
      });
    }
    tf.dispose([xs, ys]);
    model.dispose();
  });

  it.each(['adam', 'sgd', 'rmsprop'] as const)('two %s steps give the weights tfjs gives', async (optimizer) => {
    const n = 8;
    const spec = multiBranch;
    const { ids, labels, rows } = batch(spec, n, true, 11);
    const { model, engine } = await engineFor(spec, 'simd', optimizer, null, n);
    model.compile({ optimizer: makeOptimizer(optimizer, 0.01), loss: 'categoricalCrossentropy' });
    const xs = tf.tensor2d(ids, [n, spec.sequenceLength], 'int32');
    const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), K).toFloat();
    for (let s = 0; s < 2; s++) {
      const tfLoss = (await model.trainOnBatch(xs, ys)) as number;
      const { loss } = engine.step(ids, labels, rows, 0, n);
      expect(Math.abs(loss - tfLoss)).toBeLessThanOrEqual(1e-5);
    }
    const mine = engine.getWeights();
    for (const [name, arrays] of await namedWeights(model, spec)) {
      arrays.forEach((w, i) => expect(maxDiff(mine.get(name)![i], w), `${name}[${i}]`).toBeLessThanOrEqual(1e-5));
    }
    tf.dispose([xs, ys]);
    model.dispose();
  });

  it('dropout: with the masks the engine drew, loss and gradients equal tfjs’ on the same masks', async () => {
    const spec: ModelSpec = {
      vocabSize: 40,
      sequenceLength: 12,
      embeddingDim: 8,
      layers: [
        { kind: 'conv1d', filters: 6, kernelSizes: [2, 3], activation: 'relu' },
        { kind: 'globalMaxPool' },
        { kind: 'dropout', rate: 0.5 },
        { kind: 'dense', units: 6, activation: 'relu' },
        { kind: 'dropout', rate: 0.25 },
      ],
    };
    const n = 6;
    const { ids, labels, rows } = batch(spec, n, true, 9);
    const { model, engine } = await engineFor(spec, 'simd', 'adam', null, n);
    const { loss } = engine.computeGradients(ids, labels, rows, 0, n);
    const masks = engine.dropoutMasks();
    expect(masks[0].slice(0, n * 12).some((m) => m === 0)).toBe(true);
    expect(masks[0].slice(0, n * 12).some((m) => m === 2)).toBe(true);

    const xs = tf.tensor2d(ids, [n, spec.sequenceLength], 'int32');
    const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), K).toFloat();
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { value, grads } = tf.variableGrads(() => {
      const embedded = model.getLayer('embedding').apply(xs) as tf.Tensor3D;
      const pooled = ['conv1d_0_k2_0', 'conv1d_0_k3_1'].map((name) => tf.max(model.getLayer(name).apply(embedded) as tf.Tensor3D, 1));
      let h: tf.Tensor = tf.concat(pooled, 1).mul(tf.tensor2d(masks[0].slice(0, n * 12), [n, 12]));
      h = model.getLayer('dense_3').apply(h) as tf.Tensor;
      h = h.mul(tf.tensor2d(masks[1].slice(0, n * 6), [n, 6]));
      h = model.getLayer('output').apply(h) as tf.Tensor;
      return tf.mean(tf.metrics.categoricalCrossentropy(ys, h)) as tf.Scalar;
    }, variables);
    expect(Math.abs(loss - (await value.data())[0])).toBeLessThanOrEqual(1e-5);
    const mine = engine.gradients();
    for (const name of layerNames(spec)) {
      model.getLayer(name).trainableWeights.forEach((w, i) => {
        expect(maxDiff(mine.get(name)![i], grads[(w.read() as tf.Variable).name].dataSync()), `${name}[${i}]`).toBeLessThanOrEqual(1e-5);
      });
    }
    tf.dispose([xs, ys, value, ...Object.values(grads)]);
    model.dispose();
  });

  it('a batch split in two parts (as two workers split it) sums to the whole batch’s loss and gradients', async () => {
    const n = 7;
    const { ids, labels, rows } = batch(multiBranch, n, true, 21);
    const whole = await engineFor(multiBranch, 'simd', 'adam', [1, 2, 0.5], n);
    const first = await engineFor(multiBranch, 'simd', 'adam', [1, 2, 0.5], n);
    const second = await engineFor(multiBranch, 'simd', 'adam', [1, 2, 0.5], n);
    const all = whole.engine.computeGradients(ids, labels, rows, 0, n);
    const a = first.engine.computeGradients(ids, labels, rows, 0, 4, { total: n, penalties: true, offset: 0 });
    const b = second.engine.computeGradients(ids, labels, rows.slice(4), 0, 3, { total: n, penalties: false, offset: 4 });
    expect(Math.abs(a.loss + b.loss - all.loss)).toBeLessThanOrEqual(1e-6);
    expect(a.accuracy + b.accuracy).toBeCloseTo(all.accuracy, 10);
    addGradients(first.engine.slots(), concatGradients(second.engine.slots()));
    expect(maxDiff(concatGradients(first.engine.slots()), concatGradients(whole.engine.slots()))).toBeLessThanOrEqual(1e-6);
    [whole, first, second].forEach((e) => e.model.dispose());
  });

  it('predicts the probabilities model.predict gives', async () => {
    const n = 5;
    const { ids, rows } = batch(keras, n, true, 5);
    const { model, engine } = await engineFor(keras, flavors[flavors.length - 1], 'adam', null, n);
    const out = new Float32Array(n * K);
    engine.predict(ids, rows, 0, n, out);
    const xs = tf.tensor2d(ids, [n, keras.sequenceLength], 'int32');
    const expected = (model.predict(xs) as tf.Tensor).dataSync();
    expect(maxDiff(out, expected)).toBeLessThanOrEqual(1e-6);
    xs.dispose();
    model.dispose();
  });
});
