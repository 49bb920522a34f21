import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../core/random';
import type { ModelSpec } from '../core/modelSpec';
import { buildModel, makeOptimizer } from './buildModel';
import { trainLoop, type Encoded, type RunControl } from './trainer';

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

async function run(epochs: number, seed: number, onEpoch: (epoch: number) => void = () => {}) {
  const data = synthetic(96, 3);
  const model = buildModel(spec, 2, seed);
  const optimizer = makeOptimizer('adam', 0.01);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const control: RunControl = { paused: false, stopRequested: false, wake: null };
  const result = await trainLoop(model, data, range(0, 72), range(72, 96), control, {
    epochs,
    batchSize: 16,
    seed,
    onBatch: () => {},
    onEpoch: (m) => onEpoch(m.epoch),
    onPause: () => {},
    onResume: () => {},
  });
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
    const { model, optimizer } = await run(5, 2, (epoch) => counts.set(epoch, tf.memory().numTensors));
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
    const result = await trainLoop(model, data, range(0, 48), range(48, 64), control, {
      epochs: 10,
      batchSize: 8,
      seed: 1,
      onBatch: (b) => {
        batches++;
        if (b.epoch === 2 && b.batch === 3) control.stopRequested = true;
      },
      onEpoch: () => {},
      onPause: () => {},
      onResume: () => {},
    });
    expect(result.stoppedEarly).toBe(true);
    expect(result.epochs).toHaveLength(1);
    expect(batches).toBe(6 + 3);
    model.dispose();
    optimizer.dispose();
  });
});
