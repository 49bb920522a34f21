import type { Dataset } from '../../core/data/dataset';
import type { TrialExecutor } from './limitedTrial';
import type { FromTrialWorker, ToTrialWorker } from './trialProtocol';
import { TrialCancelled } from './trial';

/** A trial worker for one search: an executor like runLimitedTrial, and how to end it. */
export interface TrialSlot {
  run: TrialExecutor;
  /** Terminates the worker; a trial still running there rejects. */
  close(): void;
}

/**
 * Starts a search's trial worker and sends it the dataset once. Its trials reject with a
 * TrialCancelled on Cancel, and with the worker's message when one fails or the worker crashes
 * (that trial fails alone; the next trial on this slot starts a fresh worker).
 */
export function startTrialSlot(dataset: Dataset): TrialSlot {
  let worker: Worker | null = null;
  let job = 0;
  const pending = new Map<number, { onMetrics: Parameters<TrialExecutor>[3]; settle: (error: Error | null, result?: Awaited<ReturnType<TrialExecutor>>) => void }>();
  const failAll = (message: string) => {
    for (const [, p] of pending) p.settle(new Error(message));
    pending.clear();
  };
  const open = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('./trialWorker.ts', import.meta.url), { type: 'module', name: 'search trial' });
    w.onmessage = (event: MessageEvent<FromTrialWorker>) => {
      const message = event.data;
      const p = pending.get(message.job);
      if (!p) return;
      if (message.type === 'epoch') return p.onMetrics(message.metrics);
      pending.delete(message.job);
      if (message.type === 'done') p.settle(null, message.result);
      else p.settle(message.cancelled ? new TrialCancelled() : new Error(message.message));
    };
    w.onerror = (event) => {
      event.preventDefault();
      w.terminate();
      worker = null;
      failAll(`The trial's worker crashed: ${event.message || 'no message (out of memory?)'}.`);
    };
    w.postMessage({ type: 'dataset', dataset } satisfies ToTrialWorker);
    worker = w;
    return w;
  };
  const run: TrialExecutor = (input, limits, signal, onMetrics) =>
    new Promise((resolve, reject) => {
      if (signal.aborted) return reject(new TrialCancelled());
      const id = ++job;
      let w: Worker;
      try {
        w = open();
      } catch (error) {
        return reject(new Error(`The trial's worker could not start: ${(error as Error).message}`));
      }
      const cancel = () => w.postMessage({ type: 'cancel', job: id } satisfies ToTrialWorker);
      signal.addEventListener('abort', cancel, { once: true });
      pending.set(id, {
        onMetrics,
        settle: (error, result) => {
          signal.removeEventListener('abort', cancel);
          if (error) reject(error);
          else resolve(result!);
        },
      });
      w.postMessage({ type: 'trial', job: id, input, limits } satisfies ToTrialWorker);
    });
  return {
    run,
    close: () => {
      worker?.terminate();
      worker = null;
      failAll('The search ended.');
    },
  };
}
