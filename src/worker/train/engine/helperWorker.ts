/// <reference lib="webworker" />
// The engine's second worker: holds a replica of the lead engine, computes the gradients of the
// second half of each batch, and applies the whole batch's gradients so the replicas stay equal.
// On a cross-origin isolated page the steps come through shared memory (sharedExchange.ts);
// otherwise by message.
import { mulberry32 } from '../../../core/random';
import { TextCnnEngine } from './engine';
import { loadKernel } from './kernelModule';
import { concatGradients, loadGradients } from './gradientTransfer';
import { GradientExchange } from './sharedExchange';
import { DROPOUT_SEED_MIX, type FromHelper, type ToHelper } from './splitProtocol';

declare const self: DedicatedWorkerGlobalScope;

let engine: TextCnnEngine | null = null;
let data: { ids: Int32Array; labels: Int32Array } | null = null;
let exchange: GradientExchange | null = null;
/** The last GO the helper answered (kept across loops: the lead may order a step before 'loop' arrives). */
let seen = 0;
const post = (message: FromHelper, transfer: Transferable[] = []) => self.postMessage(message, transfer);

/** Answers the lead's steps on shared memory until it releases the helper. */
function loop(ex: GradientExchange, e: TextCnnEngine, d: { ids: Int32Array; labels: Int32Array }): void {
  try {
    for (;;) {
      const command = ex.awaitOrder(seen);
      seen = ex.step;
      if (command === 'release') return;
      const { rows, total, learningRate } = ex.readOrder();
      if (command === 'predict') {
        e.predict(d.ids, rows, 0, rows.length, ex.probabilities);
        ex.predicted(seen);
        continue;
      }
      const { loss, accuracy } = e.computeGradients(d.ids, d.labels, rows, 0, rows.length, { total, penalties: false, offset: total - rows.length });
      ex.helperScores = [loss, accuracy];
      const slots = e.slots();
      ex.publish('helper', seen, slots);
      if (!ex.awaitOther('helper', seen, Infinity)) return;
      e.addGradients(ex.other('helper', seen));
      e.learningRate = learningRate;
      e.applyGradients();
    }
  } catch (error) {
    ex.fail();
    throw error;
  }
}

async function handle(message: ToHelper): Promise<void> {
  switch (message.type) {
    case 'init': {
      engine = new TextCnnEngine(await loadKernel(), message.plan, message.config, message.classWeights, mulberry32(message.config.seed ^ DROPOUT_SEED_MIX));
      engine.setWeights(message.weights);
      data = { ids: message.ids, labels: message.labels };
      const length = engine.slots().reduce((n, s) => n + s.grad.length, 0);
      exchange = message.shared ? new GradientExchange(message.shared, message.config.batchSize, length, message.plan.classCount) : null;
      post({ type: 'ready' });
      return;
    }
    case 'loop':
      loop(exchange!, engine!, data!);
      return;
    case 'gradients': {
      const { loss, accuracy } = engine!.computeGradients(data!.ids, data!.labels, message.rows, 0, message.rows.length, {
        total: message.total,
        penalties: false,
        offset: message.total - message.rows.length,
      });
      const gradients = concatGradients(engine!.slots());
      post({ type: 'gradients', gradients, loss, accuracy }, [gradients.buffer]);
      return;
    }
    case 'apply':
      loadGradients(engine!.slots(), message.gradients);
      engine!.learningRate = message.learningRate;
      engine!.applyGradients();
      return;
    case 'weights':
      engine!.setWeights(message.weights);
      return;
  }
}

// Messages are handled strictly in order: an 'apply' always lands before the next 'gradients'.
let queue = Promise.resolve();
self.onmessage = (event: MessageEvent<ToHelper>) => {
  queue = queue.then(() => handle(event.data)).catch((error: Error) => post({ type: 'error', message: error.message }));
};
