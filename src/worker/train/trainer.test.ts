import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../core/random';
import type { ModelSpec } from '../../core/model/modelSpec';
import { buildModel, makeOptimizer, setLearningRate, weightedCrossEntropy } from './buildModel';
import type { EarlyStoppingConfig } from '../../core/train/trainConfig';
import { tfjsTrainee, type Encoded } from './trainer';
import { trainLoop, type LoopEvents, type RunControl } from './trainLoop';

const spec: ModelSpec = {
  vocabSize: 50,
  sequenceLength: 12,
  embeddingDim: 8,
  layers: [
    { kind: 'conv1d', filters: 8, kernelSizes: [3], activation: 'relu' },
    { kind: 'globalMaxPool' },
    { kind: 'dense', units: 8, activation: 'relu' },
  ],
};

/** Two classes told apart by which half of the vocabulary their tokens come from. */
function synthetic(rows: number, seed: number): Encoded {
  const random = mulberry32(seed);
  const ids = new Int32Array(rows * spec.sequenceLength);
  const labels = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    labels[r] = r % 2;
    for (let t = 0; t < spec.sequenceLength; t++) ids[r * spec.sequenceLength + t] = 1 + labels[r] * 24 + Math.floor(random() * 24);
  }
  return { ids, labels, sequenceLength: spec.sequenceLength, classCount: 2 };
}

const range = (from: number, to: number) => Int32Array.from({ length: to - from }, (_, i) => from + i);

/** Loop events that report nothing but what a test listens to. */
const events = (listen: Partial<LoopEvents> = {}): LoopEvents => ({ onBatch: () => {}, onEpoch: () => {}, onPause: () => {}, onResume: () => {}, ...listen });

async function run(epochs: number, seed: number, onEpoch: (epoch: number) => void = () => {}, earlyStopping?: EarlyStoppingConfig) {
  const data = synthetic(96, 3);
  const model = buildModel(spec, 2, seed);
  const optimizer = makeOptimizer('adam', 0.01);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const control: RunControl = { paused: false, stopRequested: false, wake: null };
  const config = { epochs, batchSize: 16, seed, learningRate: 0.01, earlyStopping };
  const result = await trainLoop(tfjsTrainee(model), data, range(0, 72), range(72, 96), control, config, events({ onEpoch: (m) => onEpoch(m.epoch) }));
  return { result, model, optimizer };
}

describe('trainLoop on the tfjs CPU backend', () => {
  it('learns a separable problem and reports every epoch', async () => {
    await tf.setBackend('cpu');
    const { result, model, optimizer } = await run(5, 1);
    expect(result.epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5]);
    expect(result.epochs[4].loss).toBeLessThan(result.epochs[0].loss);
    expect(result.epochs[4].valAccuracy).toBeGreaterThan(0.9);
    expect(result.samplesSeen).toBe(5 * 72);
    model.dispose();
    optimizer.dispose();
  });

  it('keeps the same number of tensors after epoch 2 as after epoch 5 (nothing leaks per epoch)', async () => {
    await tf.setBackend('cpu');
    const counts = new Map<number, number>();
    // Best-weight copies are kept (restoreBest) and must be replaced, not accumulated.
    const { model, optimizer } = await run(5, 2, (epoch) => counts.set(epoch, tf.memory().numTensors), { monitor: 'valLoss', patience: 0, restoreBest: true });
    expect(counts.get(5)).toBe(counts.get(2));
    model.dispose();
    optimizer.dispose();
  });

  it('the same seed gives the same first-epoch loss', async () => {
    await tf.setBackend('cpu');
    const a = await run(1, 5);
    const b = await run(1, 5);
    expect(b.result.epochs[0].loss).toBe(a.result.epochs[0].loss);
    [a, b].forEach((r) => (r.model.dispose(), r.optimizer.dispose()));
  });

  it('stops after the current batch when asked, keeping finished epochs', async () => {
    await tf.setBackend('cpu');
    const data = synthetic(64, 4);
    const model = buildModel(spec, 2, 1);
    const optimizer = makeOptimizer('sgd', 0.05);
    model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const control: RunControl = { paused: false, stopRequested: false, wake: null };
    let batches = 0;
    const config = { epochs: 10, batchSize: 8, seed: 1, learningRate: 0.05 };
    const result = await trainLoop(tfjsTrainee(model), data, range(0, 48), range(48, 64), control, config, events({
      onBatch: (b) => {
        batches++;
        if (b.epoch === 2 && b.batch === 3) control.stopRequested = true;
      },
    }));
    expect(result.stopReason).toBe('user');
    expect(result.epochs).toHaveLength(1);
    expect(batches).toBe(6 + 3);
    model.dispose();
    optimizer.dispose();
  });

  it('early stopping ends on a plateau and restores the best epoch', async () => {
    await tf.setBackend('cpu');
    const accuracies: number[] = [];
    const { result, model, optimizer } = await run(30, 1, () => {}, { monitor: 'valAccuracy', patience: 2, restoreBest: true });
    accuracies.push(...result.epochs.map((e) => e.valAccuracy));
    const best = accuracies.indexOf(Math.max(...accuracies)) + 1;
    expect(result.stopReason).toBe('early');
    expect(result.epochs.length).toBe(best + 2);
    expect(result.restoredEpoch).toBe(best);
    model.dispose();
    optimizer.dispose();
  });
});

describe('training helpers', () => {
  it('weighted cross-entropy with unit weights equals categorical cross-entropy; weights scale each sample', () => {
    const yTrue = tf.tensor2d([[1, 0], [0, 1], [0, 1]]);
    const yPred = tf.tensor2d([[0.8, 0.2], [0.3, 0.7], [0.6, 0.4]]);
    const plain = tf.metrics.categoricalCrossentropy(yTrue, yPred).mean().dataSync()[0];
    expect(weightedCrossEntropy([1, 1])(yTrue, yPred).dataSync()[0]).toBeCloseTo(plain, 5);
    const manual = (2 * -Math.log(0.8) + 0.5 * -Math.log(0.7) + 0.5 * -Math.log(0.4)) / 3;
    expect(weightedCrossEntropy([2, 0.5])(yTrue, yPred).dataSync()[0]).toBeCloseTo(manual, 5);
    tf.dispose([yTrue, yPred]);
  });

  it.each(['adam', 'sgd', 'rmsprop'] as const)('setLearningRate changes the %s optimizer', (name) => {
    const optimizer = makeOptimizer(name, 0.1);
    setLearningRate(optimizer, 0.025);
    expect(optimizer.getConfig().learningRate).toBe(0.025);
    optimizer.dispose();
  });
});
