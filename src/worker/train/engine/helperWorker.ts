/// <reference lib="webworker" />
// The engine's second worker: holds a replica of the lead engine, computes the gradients of the
// second half of each batch, and applies the lead's summed gradients so the replicas stay equal.
import { mulberry32 } from '../../../core/random';
import { TextCnnEngine } from './engine';
import { loadKernel } from './kernelModule';
import { concatGradients, loadGradients } from './gradientTransfer';
import { HELPER_SEED_MIX, type FromHelper, type ToHelper } from './splitProtocol';

declare const self: DedicatedWorkerGlobalScope;

let engine: TextCnnEngine | null = null;
let data: { ids: Int32Array; labels: Int32Array } | null = null;
const post = (message: FromHelper, transfer: Transferable[] = []) => self.postMessage(message, transfer);

async function handle(message: ToHelper): Promise<void> {
  switch (message.type) {
    case 'init': {
      engine = new TextCnnEngine(await loadKernel(), message.plan, message.config, message.classWeights, mulberry32(message.config.seed ^ HELPER_SEED_MIX));
      engine.setWeights(message.weights);
      data = { ids: message.ids, labels: message.labels };
      post({ type: 'ready' });
      return;
    }
    case 'gradients': {
      const { loss, accuracy } = engine!.computeGradients(data!.ids, data!.labels, message.rows, 0, message.rows.length, {
        total: message.total,
        penalties: false,
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
