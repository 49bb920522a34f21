/// <reference lib="webworker" />
// A search's second trial runner, started by the studio worker when two trials train at once.
// It holds the dataset (sent once per search) in its own session and runs one trial at a time
// with the same runner as the studio worker (its own trainer choice, engine kernel and tfjs).
import { session } from '../session';
import { runLimitedTrial } from './limitedTrial';
import type { FromTrialWorker, ToTrialWorker } from './trialProtocol';
import { isCancelled } from './trial';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromTrialWorker) => self.postMessage(message);
const running = new Map<number, AbortController>();

self.onmessage = (event: MessageEvent<ToTrialWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'dataset':
      session.dataset = message.dataset;
      return;
    case 'cancel':
      running.get(message.job)?.abort();
      return;
    case 'trial': {
      const { job } = message;
      const abort = new AbortController();
      running.set(job, abort);
      runLimitedTrial(message.input, message.limits, abort.signal, (metrics) => post({ type: 'epoch', job, metrics }))
        .then((result) => post({ type: 'done', job, result }))
        .catch((error: unknown) => post({ type: 'failed', job, message: error instanceof Error ? error.message : String(error), cancelled: isCancelled(error) }))
        .finally(() => running.delete(job));
      return;
    }
  }
};
