import * as tf from '@tensorflow/tfjs';
import type { EnginePlan } from '../../../core/train/enginePlan';
import { yieldToEvents, type Encoded, type Trainee } from '../trainer';
import type { NamedWeights } from './engineWeights';
import type { EngineTeam } from './engineTeam';

/** The names of the layers holding weights, in the plan's order. */
export function weightedLayers(plan: EnginePlan): string[] {
  return ['embedding', ...plan.branches.map((b) => b.name), ...plan.head.flatMap((h) => (h.kind === 'dense' ? [h.name] : []))];
}

/** A tfjs model's weights by layer name, read asynchronously (WebGPU in a worker needs data(), not dataSync()). */
export async function readWeights(model: tf.LayersModel, plan: EnginePlan): Promise<NamedWeights> {
  const named: NamedWeights = new Map();
  for (const name of weightedLayers(plan)) {
    named.set(name, await Promise.all(model.getLayer(name).getWeights().map(async (w) => (await w.data()) as Float32Array)));
  }
  return named;
}

/** Writes the engine's weights into the tfjs model's layers (same names, same layouts). */
export function writeWeights(model: tf.LayersModel, weights: NamedWeights): void {
  for (const [name, arrays] of weights) {
    const layer = model.getLayer(name);
    const tensors = layer.getWeights().map((w, i) => tf.tensor(arrays[i], w.shape));
    layer.setWeights(tensors);
    tf.dispose(tensors);
  }
}

/** The engine as the training loop's trainee: steps and validation run on the engine itself. */
export function engineTrainee(team: EngineTeam): Trainee<NamedWeights> {
  const engine = team.lead;
  const K = engine.plan.classCount;
  const chunk = engine.batchSize;
  return {
    step: (data: Encoded, rows, start, end) => team.step(data.ids, data.labels, rows, start, end),
    async predict(data, rows) {
      const out = new Float32Array(rows.length * K);
      for (let start = 0; start < rows.length; start += chunk) {
        team.predict(data.ids, rows, start, Math.min(chunk, rows.length - start), out, start * K);
        await yieldToEvents();
      }
      return out;
    },
    setLearningRate: (rate) => (team.learningRate = rate),
    snapshot: () => engine.getWeights(),
    restore: (weights) => team.setWeights(weights),
    release: () => undefined,
  };
}
