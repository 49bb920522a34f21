/// <reference lib="webworker" />
// The linear baseline's own worker, started by the studio worker beside each training run so
// the CNN's worker never waits for it. It runs one job and is terminated to cancel it.
import { runBaselineJob } from '../../../core/eval/baselineRun';
import type { FromBaseline, ToBaseline } from './baselineProtocol';

declare const self: DedicatedWorkerGlobalScope;

/** Least time between two progress messages, ms. */
const PROGRESS_MS = 250;

const post = (message: FromBaseline) => self.postMessage(message);

self.onmessage = (event: MessageEvent<ToBaseline>) => {
  const { job } = event.data;
  let last = -Infinity;
  try {
    const summary = runBaselineJob(job, () => performance.now(), {
      onProgress: (fraction) => {
        const now = performance.now();
        if (now - last < PROGRESS_MS) return;
        last = now;
        post({ type: 'progress', fraction });
      },
    });
    post({ type: 'done', summary });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
