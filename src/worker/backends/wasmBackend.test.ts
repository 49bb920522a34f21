import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { findPreset } from '../../core/train/presets';
import { mulberry32 } from '../../core/random';
import { buildModel, makeOptimizer } from '../train/buildModel';
import { makeFusedStep } from '../train/fused/fusedStep';
import { registerCpuUnsortedSegmentSum } from './kernels/unsortedSegmentSum';
import { wasmConv2DBackpropFilter } from './kernels/wasmConv2DBackpropFilter';
import { wasmUnsortedSegmentSum } from './kernels/wasmUnsortedSegmentSum';
import { prepareWasmBackend } from './wasmBackend';

const tiny = findPreset('tiny')!;
const classes = 3;

/** Four batches of 32 texts: token ids with 'pre' padding of varying length, and labels. */
function batches(seed: number) {
  const { vocabSize, sequenceLength } = tiny.spec;
  const r = mulberry32(seed);
  return Array.from({ length: 4 }, () => {
    const ids = new Int32Array(32 * sequenceLength);
    const labels = new Int32Array(32);
    for (let i = 0; i < 32; i++) {
      const pad = Math.floor(r() * sequenceLength);
      for (let t = pad; t < sequenceLength; t++) ids[i * sequenceLength + t] = 1 + Math.floor(r() * (vocabSize - 1));
      labels[i] = Math.floor(r() * classes);
    }
    return { ids, labels };
  });
}

/** Trains the Tiny preset's model from the same seed for four steps; returns each step's loss and tensor count. */
async function trainTiny(backend: 'cpu' | 'wasm', fused: boolean): Promise<{ losses: number[]; tensors: number[] }> {
  await tf.setBackend(backend);
  const model = buildModel(tiny.spec, classes, 7);
  const optimizer = makeOptimizer('adam', tiny.train.learningRate);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const step = fused ? makeFusedStep(model, tiny.spec, optimizer, tf.metrics.categoricalCrossentropy) : null;
  const losses: number[] = [];
  const tensors: number[] = [];
  for (const { ids, labels } of batches(5)) {
    const xs = tf.tensor2d(ids, [32, tiny.spec.sequenceLength], 'int32');
    const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), classes).toFloat() as tf.Tensor2D);
    const [loss] = step ? await step(xs, ys) : ((await model.trainOnBatch(xs, ys)) as number[]);
    losses.push(loss);
    tf.dispose([xs, ys]);
    tensors.push(tf.memory().numTensors);
  }
  model.dispose();
  optimizer.dispose();
  return { losses, tensors };
}

describe('the WASM backend', () => {
  it('registers its kernels once, keeping the setup of the kernels it replaces', () => {
    const names = ['Conv2DBackpropFilter', 'Conv2DBackpropInput', 'Equal', 'GatherV2', 'UnsortedSegmentSum'];
    prepareWasmBackend();
    const first = names.map((name) => tf.getKernel(name, 'wasm')?.kernelFunc);
    prepareWasmBackend();
    expect(names.map((name) => tf.getKernel(name, 'wasm')?.kernelFunc)).toEqual(first);
    expect(first[0]).toBe(wasmConv2DBackpropFilter);
    expect(first[4]).toBe(wasmUnsortedSegmentSum);
    // The replaced kernels fall back to the originals, which need their setup (a cwrap).
    expect(tf.getKernel('GatherV2', 'wasm')?.setupFunc).toBeTypeOf('function');
  });

  // The reference: tfjs' CPU backend with the studio's exact, verified scatter-add (tfjs' own
  // is O(vocabulary × tokens) and takes most of a minute here).
  beforeAll(registerCpuUnsortedSegmentSum);

  it.each([
    ['model.trainOnBatch', false],
    ['the fused step', true],
  ])('trains the Tiny preset with %s to the same losses as CPU', async (_name, fused) => {
    prepareWasmBackend();
    const reference = (await trainTiny('cpu', fused)).losses;
    const { losses, tensors } = await trainTiny('wasm', fused);
    expect(tf.getBackend()).toBe('wasm');
    // Nothing leaks from step to step (Adam's moments exist from the first step on).
    expect(tensors[3]).toBe(tensors[1]);
    expect(losses).toHaveLength(4);
    losses.forEach((loss, i) => expect(Math.abs(loss - reference[i])).toBeLessThanOrEqual(1e-4));
    expect(losses[3]).toBeLessThan(losses[0]);
  });
});
