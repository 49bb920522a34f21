import { estimateCost } from '../core/train/modelCost';
import { assertNever, type FromWorker } from '../protocol/messages';
import { useStudio } from '../store/store';
import { guardRuns, noteCheckpoint, rememberRun } from './interruptedRun';
import { attachBaseline, recordRun } from './runHistory';
import type { WorkerPort } from './workerPort';

/** The worker events of training runs (and the backend report, which runs change). */
export type RunEvent = Extract<FromWorker, { type: 'backend' | 'trainStarted' | 'batch' | 'epoch' | 'paused' | 'resumed' | 'trainDone' | 'baseline' | 'evaluation' | 'checkpointSaved' }>;

/** Classes of the current dataset, at least two: what the model's output layer is sized for. */
const classCountNow = () => Math.max(2, useStudio.getState().data.summary?.classes.length ?? 2);

/**
 * The Train step's side of the client: starts, pauses, resumes and stops runs, measures
 * speed, and turns the worker's run events into store actions.
 */
export class TrainingRuns {
  /** Training FLOPs per text of the current run's model, to calibrate estimates when it ends. */
  private runCost = 0;
  /** The history key of the current run's record, once kept: a baseline that finishes later is added to it. */
  private record: { runId: number; id: Promise<number | null> } | null = null;

  /** `ready` settles when a restarted worker holds the dataset again; runs wait for it. */
  constructor(
    private readonly port: WorkerPort,
    private readonly ready: () => Promise<void>,
  ) {
    guardRuns();
  }

  train(): void {
    const store = useStudio.getState();
    const { model, train, preprocess } = store;
    const runId = store.startRun();
    rememberRun();
    const request = { spec: model.spec, config: train.config, tokenizer: preprocess.options };
    this.runCost = estimateCost(model.spec, classCountNow(), train.config.batchSize, train.config.optimizer).trainFlops;
    void this.ready().then(() => this.port.send({ type: 'train', runId, request }));
  }

  pause(): void {
    this.port.send({ type: 'pause', runId: useStudio.getState().train.runId });
  }

  resume(): void {
    this.port.send({ type: 'resume', runId: useStudio.getState().train.runId });
  }

  stop(): void {
    useStudio.getState().stopRequested();
    this.port.send({ type: 'stop', runId: useStudio.getState().train.runId });
  }

  /** Times a few training steps of the current spec in the worker, to estimate epoch times. */
  async measureSpeed(): Promise<void> {
    const store = useStudio.getState();
    const { model, train } = store;
    store.measureStarted();
    try {
      const classCount = classCountNow();
      const answer = await this.port.request({ type: 'measure', spec: model.spec, classCount, batchSize: train.config.batchSize, backend: train.config.backend });
      if (answer.type === 'measured') {
        const trainFlops = estimateCost(model.spec, classCount, train.config.batchSize, train.config.optimizer).trainFlops;
        store.setCalibration({ backend: answer.backend, samplesPerSecond: answer.samplesPerSecond, trainFlops });
      }
    } catch (error) {
      store.showTrainError(`Could not measure the speed: ${(error as Error).message}`);
    } finally {
      store.measureEnded();
    }
  }

  /** Applies a run event to the store; events of any run but the current one are dropped. */
  receive(message: RunEvent): void {
    const store = useStudio.getState();
    if (message.type === 'backend') {
      store.backendChosen(message.info);
      return;
    }
    // Late events of a stopped or replaced run must not land on the current one.
    if (message.runId !== store.train.runId) return;
    switch (message.type) {
      case 'trainStarted':
        store.runStarted(message, performance.now());
        return;
      case 'batch':
        store.batchArrived(message);
        return;
      case 'epoch':
        store.epochEnded(message.metrics);
        return;
      case 'paused':
        store.runPaused();
        return;
      case 'resumed':
        store.runResumed();
        return;
      case 'trainDone': {
        store.runFinished(message.result, this.runCost);
        const baseline = store.train.baseline?.state === 'done' ? store.train.baseline.summary : undefined;
        this.record = { runId: message.runId, id: recordRun(message.result, baseline) };
        return;
      }
      case 'baseline': {
        store.baselineReported(message.report);
        const { report } = message;
        const record = this.record;
        if (report.state === 'done' && record?.runId === message.runId) void record.id.then((id) => (id === null ? undefined : attachBaseline(id, report.summary)));
        return;
      }
      case 'checkpointSaved':
        noteCheckpoint({ name: message.name, epoch: message.epoch, valAccuracy: message.valAccuracy });
        return;
      case 'evaluation':
        store.evaluationArrived({ runId: message.runId, classes: message.classes, splits: message.splits });
        return;
      default:
        assertNever(message);
    }
  }

  /** The worker's error for a run: only the current run fails. */
  failed(runId: number, message: string): void {
    const store = useStudio.getState();
    if (runId === store.train.runId) store.runFailed(message);
  }
}
