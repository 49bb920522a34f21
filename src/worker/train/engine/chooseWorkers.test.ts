import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { enginePlan } from '../../../core/train/enginePlan';
import { PRESETS } from '../../../core/train/presets';
import { buildModel } from '../buildModel';
import { readWeights } from './engineTrainee';
import { chooseEngineWorkers } from './chooseWorkers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Node has no Worker, so only the one-worker outcomes run here; e2e/engine.spec.ts trains the split.
describe('chooseEngineWorkers (Automatic engine workers)', () => {
  const spec = PRESETS.find((p) => p.id === 'tiny')!.spec;
  const plan = enginePlan(spec, 2);
  const config = { batchSize: 16, optimizer: 'adam' as const, learningRate: 0.01, seed: 3 };
  async function start() {
    const model = buildModel(spec, 2, 3);
    const weights = await readWeights(model, plan);
    model.dispose();
    const ids = Int32Array.from({ length: 40 * spec.sequenceLength }, (_, i) => 1 + (i % (spec.vocabSize - 1)));
    const labels = Int32Array.from({ length: 40 }, (_, i) => i % 2);
    return { weights, ids, labels, classWeights: null };
  }

  it.each([
    [1, 16, 'one CPU core'],
    [2, 1, 'a batch of one'],
  ])('keeps one worker without measuring on %i core(s), batch %i', async (cores, batchSize, note) => {
    const choice = await chooseEngineWorkers(plan, { ...config, batchSize }, await start(), 1_000_000, cores);
    expect(choice).toEqual({ workers: 1, measured: [], note });
  });

  it('measures one worker and keeps it when the whole run is shorter than measuring a second', async () => {
    const choice = await chooseEngineWorkers(plan, config, await start(), 3, 2);
    expect(choice.workers).toBe(1);
    expect(choice.measured).toHaveLength(1);
    expect(choice.measured[0].samplesPerSecond).toBeGreaterThan(0);
    expect(choice.note).toMatch(/^the run takes about [\d.]+ s, too short for a second worker to pay off$/);
  });
});
