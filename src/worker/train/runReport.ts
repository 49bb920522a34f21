import type * as tf from '@tensorflow/tfjs';
import type { BackendInfo, TrainRequest, TrainResult } from '../../protocol/messages';
import type { Post } from '../post';
import { postEvaluation } from '../predict/evaluate';
import { fingerprint, session } from '../session';
import { dataOf, type RunData } from './runData';
import { scoreRows, type Trainee } from './trainer';
import type { LoopEvents, TrainLoopResult } from './trainLoop';

/** Minimum time between two per-batch events, so the page's charts stay smooth. */
const BATCH_EVENT_MS = 100;

/** One run as its last steps need it. */
export interface FinishedRun {
  runId: number;
  request: TrainRequest;
  backend: BackendInfo;
  run: RunData;
  model: tf.LayersModel;
  trainee: Trainee;
  loop: TrainLoopResult;
  /** performance.now() when the first batch started, ms. */
  started: number;
}

/** The loop's events as messages to the page; batch events at most every BATCH_EVENT_MS. */
export function loopEvents(runId: number, post: Post): LoopEvents {
  let lastBatchEvent = 0;
  return {
    onBatch: (info) => {
      const now = performance.now();
      if (now - lastBatchEvent < BATCH_EVENT_MS) return;
      lastBatchEvent = now;
      post({ type: 'batch', runId, ...info });
    },
    onEpoch: (metrics) => post({ type: 'epoch', runId, metrics }),
    onPause: () => post({ type: 'paused', runId }),
    onResume: () => post({ type: 'resumed', runId }),
  };
}

/**
 * Scores the kept weights on the validation rows, makes the trained model the active one (it
 * frees the one before), reports the result, and then sends the held-out predictions; a new
 * run waits for those (session.evaluating).
 */
export async function finishRun(finished: FinishedRun, post: Post): Promise<void> {
  const { runId, run, trainee, model, request, backend } = finished;
  const { dataset, split, data } = run;
  const val = scoreRows(await trainee.predict(data, split.validation), data, split.validation);
  const result = trainResult(finished, val);
  session.active?.model.dispose();
  session.active = {
    model,
    tokenizer: run.tokenizer,
    classes: dataset.classes,
    spec: request.spec,
    config: request.config,
    result,
    datasetName: session.sourceName,
    datasetFingerprint: fingerprint(dataOf(run)),
    examples: run.dataRows,
    backend: backend.name,
    columns: session.columns ?? undefined,
    heldOut: { dataset, validation: split.validation, test: split.test },
    runId,
    // The baseline may have finished before the CNN.
    baseline: session.lastBaseline?.runId === runId ? session.lastBaseline.summary : undefined,
  };
  post({ type: 'trainDone', runId, result });
  // Training is over: the evaluation below no longer needs the run's controls.
  if (session.run?.id === runId) session.run = null;
  const evaluating = postEvaluation(runId, session.active, data, split, val, post, (rows) => trainee.predict(data, rows), run.testFile);
  session.evaluating = evaluating.catch(() => undefined);
  await evaluating;
}

/** What the page shows of a finished run: the loop's epochs and the kept weights' validation scores. */
function trainResult(finished: FinishedRun, val: ReturnType<typeof scoreRows>): TrainResult {
  const { loop, run, backend } = finished;
  return {
    classes: run.dataset.classes,
    epochs: loop.epochs,
    valAccuracy: val.accuracy,
    valLoss: val.loss,
    valMajorityRate: val.majorityRate,
    validation: val.report,
    confusion: val.confusion,
    durationMs: performance.now() - finished.started,
    samplesPerSecond: loop.trainingMs > 0 ? loop.samplesSeen / (loop.trainingMs / 1000) : 0,
    backend: backend.name,
    stopReason: loop.stopReason,
    restoredEpoch: loop.restoredEpoch,
    trainCount: run.trainRows.length,
    augmented: run.augmented,
    valCount: run.split.validation.length,
    testCount: run.split.test.length,
  };
}
