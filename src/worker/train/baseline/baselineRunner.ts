import type { Split } from '../../../core/data/split';
import type { Dataset } from '../../../core/data/dataset';
import { baselineJob, type BaselineSummary } from '../../../core/eval/baselineRun';
import type { BaselineReport } from '../../../protocol/messages';
import type { Post } from '../../post';
import { session } from '../../session';
import type { FromBaseline, ToBaseline } from './baselineProtocol';

/** A baseline in flight: its run and how to stop it. */
export interface BaselineHandle {
  runId: number;
  /** Terminates its worker and reports 'cancelled' (nothing when it has already ended). */
  cancel(): void;
  /** Settles when it has ended, however it ended. */
  ended: Promise<void>;
}

/**
 * Starts the linear baseline of run `runId` in a worker of its own, on the run's split: it
 * posts 'baseline' reports (running → done, failed or cancelled) and, when done, keeps its
 * summary on the active model if that is still this run's (for metadata.json). A baseline
 * still running from an earlier run is cancelled first.
 */
export function startBaseline(runId: number, dataset: Dataset, split: Split, seed: number, post: Post): BaselineHandle {
  session.baseline?.cancel();
  const report = (r: BaselineReport) => post({ type: 'baseline', runId, report: r });
  let settle: () => void = () => {};
  const ended = new Promise<void>((resolve) => (settle = resolve));
  let finished = false;
  let worker: Worker | null = null;
  const end = (last: BaselineReport) => {
    if (finished) return;
    finished = true;
    worker?.terminate();
    if (session.baseline === handle) session.baseline = null;
    report(last);
    settle();
  };
  const handle: BaselineHandle = { runId, cancel: () => end({ state: 'cancelled' }), ended };
  session.baseline = handle;
  report({ state: 'running', fraction: 0 });
  try {
    worker = new Worker(new URL('./baselineWorker.ts', import.meta.url), { type: 'module', name: 'baseline' });
  } catch (error) {
    end({ state: 'failed', message: `The baseline's worker could not start: ${(error as Error).message}` });
    return handle;
  }
  worker.onmessage = (event: MessageEvent<FromBaseline>) => {
    const message = event.data;
    if (message.type === 'progress') {
      if (!finished) report({ state: 'running', fraction: message.fraction });
    } else if (message.type === 'done') {
      keepOnActiveModel(runId, message.summary);
      end({ state: 'done', summary: message.summary });
    } else {
      end({ state: 'failed', message: message.message });
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    end({ state: 'failed', message: `The baseline's worker crashed: ${event.message || 'no message (out of memory?)'}.` });
  };
  const job = baselineJob(dataset.texts, dataset.labels, dataset.classes.length, split, seed);
  const { labels, trainRows, validationRows, testRows } = job;
  worker.postMessage({ type: 'run', job } satisfies ToBaseline, [labels.buffer, trainRows.buffer, validationRows.buffer, testRows.buffer]);
  return handle;
}

/**
 * The summary goes into metadata.json of the model this run trained: on the active model when
 * it is this run's, else kept until the run's model becomes active (the baseline finished first).
 */
function keepOnActiveModel(runId: number, summary: BaselineSummary): void {
  session.lastBaseline = { runId, summary };
  if (session.active?.runId === runId) session.active.baseline = summary;
}
