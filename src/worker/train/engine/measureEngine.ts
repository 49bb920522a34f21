import { enginePlan } from '../../../core/train/enginePlan';
import type { ModelSpec } from '../../../core/model/modelSpec';
import { mulberry32 } from '../../../core/random';
import { TextCnnEngine } from './engine';
import { loadKernel } from './kernelModule';

/**
 * The engine's training speed for a spec, as measureSpeed gives tfjs': Adam steps on random
 * token ids after one warm-up step, timed for at least `minMs`.
 */
export async function measureEngineSpeed(spec: ModelSpec, classCount: number, batchSize: number, minMs = 300): Promise<number> {
  const random = mulberry32(7);
  const engine = new TextCnnEngine(await loadKernel(), enginePlan(spec, classCount), { batchSize, optimizer: 'adam', learningRate: 0.001 }, null, random);
  const ids = Int32Array.from({ length: batchSize * spec.sequenceLength }, () => Math.floor(random() * spec.vocabSize));
  const labels = Int32Array.from({ length: batchSize }, (_, i) => i % classCount);
  const rows = Int32Array.from({ length: batchSize }, (_, i) => i);
  engine.step(ids, labels, rows, 0, batchSize);
  const start = performance.now();
  let steps = 0;
  do {
    engine.step(ids, labels, rows, 0, batchSize);
    steps++;
  } while (performance.now() - start < minMs);
  return (steps * batchSize) / ((performance.now() - start) / 1000);
}
