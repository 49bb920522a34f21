/**
 * The GPU bench's Node side (scripts/bench-gpu.sh bundles it with Vite and carries it): trains the
 * Keras text CNN's steps on tfjs' WebGPU backend running on Dawn for Node (the npm package
 * `webgpu`), with the standard layers and with the studio's fused WGSL kernels, on random token
 * ids, and prints one JSON line per row. Figures, not pass/fail.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { PRESETS } from '../../src/core/train/presets';
import { mulberry32 } from '../../src/core/random';
import { buildModel, makeOptimizer } from '../../src/worker/train/buildModel';
import { makeFusedStep } from '../../src/worker/train/fused/fusedStep';
import { wgslKernelsRefusal } from '../../src/worker/train/fused/wgsl/wgslReady';

const BATCH = Number(process.env.BENCH_GPU_BATCH ?? 32);
const SECONDS = Number(process.env.BENCH_GPU_SECONDS ?? 10);
const CLASSES = 2;

interface Dawn {
  create(flags: string[]): unknown;
  globals: Record<string, unknown>;
}

async function main(): Promise<void> {
  const dawn = (await import(process.env.WEBGPU_MODULE ?? 'webgpu')) as Dawn;
  Object.assign(globalThis, dawn.globals);
  const gpu = dawn.create([]) as { requestAdapter(): Promise<{ info?: Record<string, unknown> } | null> };
  Object.defineProperty(globalThis, 'navigator', { value: { gpu, userAgent: 'node' }, configurable: true });
  const adapter = await gpu.requestAdapter();
  if (!adapter) {
    console.log(JSON.stringify({ error: 'Dawn found no WebGPU adapter (no Vulkan driver?)' }));
    process.exitCode = 2;
    return;
  }
  console.log(JSON.stringify({ adapter: adapter.info ?? null }));
  if (!(await tf.setBackend('webgpu'))) throw new Error('tfjs could not start its WebGPU backend on Dawn');
  const preset = PRESETS.find((p) => p.name === 'Keras text CNN')!;
  const spec = preset.spec;
  const random = mulberry32(7);
  const ids = Int32Array.from({ length: BATCH * spec.sequenceLength }, () => Math.floor(random() * spec.vocabSize));
  const xs = tf.tensor2d(ids, [BATCH, spec.sequenceLength], 'int32');
  const ys = tf.oneHot(tf.tensor1d(Int32Array.from({ length: BATCH }, (_, i) => i % CLASSES), 'int32'), CLASSES).toFloat() as tf.Tensor2D;
  const refusal = await wgslKernelsRefusal('relu');
  for (const row of ['tfjs standard', 'fused WGSL'] as const) {
    if (row === 'fused WGSL' && refusal) {
      console.log(JSON.stringify({ row, error: refusal }));
      continue;
    }
    const model = buildModel(spec, CLASSES, 1);
    const optimizer = makeOptimizer('adam', 0.001);
    model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const step = row === 'fused WGSL' ? makeFusedStep(model, spec, optimizer, tf.metrics.categoricalCrossentropy, 'wgsl') : async () => model.trainOnBatch(xs, ys);
    for (let i = 0; i < 3; i++) await step(xs, ys);
    const start = performance.now();
    let steps = 0;
    do {
      await step(xs, ys);
      steps++;
    } while (performance.now() - start < SECONDS * 1000);
    const seconds = (performance.now() - start) / 1000;
    console.log(JSON.stringify({ row, batch: BATCH, steps, samplesPerSecond: (steps * BATCH) / seconds }));
    model.dispose();
    optimizer.dispose();
  }
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
  process.exitCode = 1;
});
