import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { enginePlan } from '../../../core/train/enginePlan';
import type { ModelSpec } from '../../../core/model/modelSpec';
import { mulberry32 } from '../../../core/random';
import { buildModel } from '../buildModel';
import { TextCnnEngine } from './engine';
import { readWeights } from './engineTrainee';
import { loadKernel } from './kernelModule';
import { GradientExchange } from './sharedExchange';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const K = 3;
const spec: ModelSpec = {
  vocabSize: 40,
  sequenceLength: 14,
  embeddingDim: 6,
  layers: [
    { kind: 'conv1d', filters: 5, kernelSizes: [2, 3], activation: 'relu' },
    { kind: 'globalMaxPool' },
    { kind: 'dropout', rate: 0.3 },
    { kind: 'dense', units: 7, activation: 'relu', l1: 0.001, l2: 0.01 },
    { kind: 'dropout', rate: 0.5 },
  ],
};

async function engines(count: number, n: number) {
  const model = buildModel(spec, K, 7);
  const weights = await readWeights(model, enginePlan(spec, K));
  model.dispose();
  return Promise.all(
    Array.from({ length: count }, async () => {
      const engine = new TextCnnEngine(await loadKernel('simd'), enginePlan(spec, K), { batchSize: n, optimizer: 'adam', learningRate: 0.01 }, [1, 2, 0.5], mulberry32(1));
      engine.setWeights(weights);
      return engine;
    }),
  );
}

function data(n: number, seed: number) {
  const random = mulberry32(seed);
  const ids = Int32Array.from({ length: n * spec.sequenceLength }, () => (random() < 0.3 ? 0 : 1 + Math.floor(random() * (spec.vocabSize - 1))));
  return { ids, labels: Int32Array.from({ length: n }, (_, i) => i % K), rows: Int32Array.from({ length: n }, (_, i) => n - 1 - i) };
}

const flat = (e: TextCnnEngine) => [...e.getWeights().values()].flatMap((arrays) => arrays.flatMap((a) => [...a]));

describe('GradientExchange (two engines on shared memory)', () => {
  it('lays out control, rows and four gradient regions, 16-byte aligned', () => {
    // 64 control + 64 numbers + 5 rows (20 → 32 with alignment) + 4 × 7 floats (28 → 32 each) + 5 × 3 probabilities.
    expect(GradientExchange.bytes(5, 7, 3)).toBe(64 + 64 + 32 + 4 * 32 + 60);
    const ex = GradientExchange.create(5, 7, 3);
    expect(ex.buffer.byteLength).toBe(GradientExchange.bytes(5, 7, 3));
    expect(ex.probabilities.length).toBe(15);
  });

  it('the lead and the helper, each summing the other’s gradients, take the whole batch’s steps with identical replicas (dropout included)', async () => {
    const n = 7;
    const [whole, lead, helper] = await engines(3, n);
    const ex = GradientExchange.create(n, lead.slots().reduce((s, slot) => s + slot.grad.length, 0), K);
    for (let step = 1; step <= 3; step++) {
      const { ids, labels, rows } = data(n, 10 + step);
      const all = whole.step(ids, labels, rows, 0, n);
      // What EngineTeam and the helper worker do, in one thread: the helper takes rows 4..6.
      ex.order(step, rows.subarray(4), n, 0.01);
      expect(ex.awaitOrder(step - 1)).toBe('step');
      const order = ex.readOrder();
      expect([...order.rows]).toEqual([...rows.subarray(4)]);
      const mine = lead.computeGradients(ids, labels, rows, 0, 4, { total: n, penalties: true, offset: 0 });
      const theirs = helper.computeGradients(ids, labels, order.rows, 0, order.rows.length, { total: order.total, penalties: false, offset: order.total - order.rows.length });
      ex.helperScores = [theirs.loss, theirs.accuracy];
      ex.publish('lead', step, lead.slots());
      ex.publish('helper', step, helper.slots());
      expect(ex.awaitOther('lead', step, 0)).toBe(true);
      expect(ex.awaitOther('helper', step, 0)).toBe(true);
      lead.addGradients(ex.other('lead', step));
      helper.addGradients(ex.other('helper', step));
      lead.applyGradients();
      helper.applyGradients();
      expect(Math.abs(mine.loss + ex.helperScores[0] - all.loss)).toBeLessThanOrEqual(1e-6);
      expect(mine.accuracy + ex.helperScores[1]).toBeCloseTo(all.accuracy, 10);
    }
    // Each drew the whole batch's dropout masks from the same seed and kept its own rows'.
    expect(lead.dropoutMasks()[0].subarray(0, 4 * 10)).toEqual(whole.dropoutMasks()[0].subarray(0, 4 * 10));
    expect(helper.dropoutMasks()[0].subarray(0, 3 * 10)).toEqual(whole.dropoutMasks()[0].subarray(4 * 10, 7 * 10));
    // Float addition commutes: the replicas are bitwise equal, and equal the one-engine run up to rounding.
    expect(flat(helper)).toEqual(flat(lead));
    const [a, b] = [flat(lead), flat(whole)];
    expect(Math.max(...a.map((x, i) => Math.abs(x - b[i])))).toBeLessThanOrEqual(1e-5);
  });

  it('a helper with no rows (a batch of one) still steps its replica in line with the lead', async () => {
    const [whole, lead, helper] = await engines(3, 1);
    const ex = GradientExchange.create(1, lead.slots().reduce((s, slot) => s + slot.grad.length, 0), K);
    const { ids, labels, rows } = data(1, 3);
    whole.step(ids, labels, rows, 0, 1);
    lead.computeGradients(ids, labels, rows, 0, 1, { total: 1, penalties: true, offset: 0 });
    helper.computeGradients(ids, labels, rows, 1, 0, { total: 1, penalties: false, offset: 1 });
    ex.publish('lead', 1, lead.slots());
    ex.publish('helper', 1, helper.slots());
    lead.addGradients(ex.other('lead', 1));
    helper.addGradients(ex.other('helper', 1));
    lead.applyGradients();
    helper.applyGradients();
    expect(flat(helper)).toEqual(flat(lead));
    expect(flat(lead)).toEqual(flat(whole));
  });

  it('a prediction split in two (validation chunks) gives one engine’s probabilities', async () => {
    const n = 7;
    const [whole, lead, helper] = await engines(3, n);
    const ex = GradientExchange.create(n, 1, K);
    const { ids, rows } = data(n, 5);
    const expected = new Float32Array(n * K);
    whole.predict(ids, rows, 0, n, expected);
    const out = new Float32Array(n * K + 2).fill(-1);
    ex.orderPrediction(1, rows.subarray(4));
    expect(ex.awaitOrder(0)).toBe('predict');
    const order = ex.readOrder();
    helper.predict(ids, order.rows, 0, order.rows.length, ex.probabilities);
    ex.predicted(1);
    lead.predict(ids, rows, 0, 4, out, 2);
    expect(ex.awaitOther('lead', 1, 0)).toBe(true);
    out.set(ex.probabilities.subarray(0, 3 * K), 2 + 4 * K);
    expect([...out.subarray(0, 2)]).toEqual([-1, -1]);
    expect([...out.subarray(2)]).toEqual([...expected]);
  });

  it('waits time out without the other side, end early when the helper failed, and a release is a command', () => {
    const ex = GradientExchange.create(2, 3, 2);
    expect(ex.awaitOther('lead', 1, 5)).toBe(false);
    ex.release(1);
    expect(ex.awaitOrder(0)).toBe('release');
    expect(ex.step).toBe(1);
    expect(ex.failed).toBe(false);
    ex.fail();
    expect(ex.failed).toBe(true);
    expect(ex.awaitOther('lead', 1, 60_000)).toBe(false);
  });
});
