import { assertNever, type Answer, type FromWorker, type Request, type ToWorker } from '../protocol/messages';
import { useStudio } from '../store/store';
import { CrossValidationRuns } from './crossValidation';
import { DataLoader } from './dataLoader';
import { readInterruptedRun, runInProgress } from './interruptedRun';
import { ModelLibrary } from './modelLibrary';
import { TrainingProject } from './trainingProject';
import { Predictions } from './predictions';
import { PreprocessStatsRequests } from './preprocessStats';
import { SearchRuns } from './searchRuns';
import { TrainingRuns } from './trainingRuns';
import type { WorkerPort } from './workerPort';

type Pending = { resolve: (m: Answer) => void; reject: (e: Error) => void };

/** How often the page pings the worker, ms. */
const PING_EVERY_MS = 1000;
/**
 * A worker that answers no ping for this long is replaced, ms: idle, and while requests, a run
 * or its evaluation are in flight (long synchronous steps, such as encoding a million texts,
 * answer late). A worker that is gone is noticed at once through its lock, not by these.
 */
const SILENT_IDLE_MS = 8000;
const SILENT_BUSY_MS = 60_000;

/**
 * The one object that owns the studio worker. Components call the methods of its parts, one
 * per step; worker events enter the store through those parts and nowhere else. A crashed
 * worker is replaced and told again what it held (backend, dataset, columns), so the page
 * recovers without a reload.
 */
export class StudioClient {
  private worker: Worker;
  private nextRequestId = 1;
  private pending = new Map<number, Pending>();
  /** The Web Lock the current worker holds while it lives (see worker/heartbeat.ts). */
  private aliveLock = '';
  private pingSeq = 0;
  /** performance.now() when the unanswered ping was sent; 0 when every ping was answered. */
  private pingSentAt = 0;
  /** The current worker has sent something: its script loaded, so silence from now on means trouble. */
  private heard = false;
  /** Settles when a restarted worker holds the dataset again; runs wait for it. */
  private ready: Promise<void> = Promise.resolve();
  /** The parts' view of the worker: they post and request, only this object replaces it. */
  private readonly port: WorkerPort = {
    send: (message) => this.send(message),
    request: (message) => this.request(message),
    startRequest: (message) => this.startRequest(message),
  };

  /** Loading samples and files, format overrides and columns: the Data step's actions. */
  readonly data = new DataLoader(this.port);
  /** The Preprocess step's statistics. */
  readonly preprocessStats = new PreprocessStatsRequests(this.port);
  /** Training runs and speed measurement: the Model and Train steps' actions. */
  readonly training = new TrainingRuns(this.port, () => this.ready);
  /** Cross-validation of the Train step's settings (and the training run after it, when asked). */
  readonly crossValidation = new CrossValidationRuns(this.port, () => this.ready, () => this.training.train());
  /** Hyperparameter searches: the Train step's Search section. */
  readonly search = new SearchRuns(this.port, () => this.ready);
  /** The playground, held-out texts and file predictions: the Evaluate step's actions. */
  readonly predictions = new Predictions(this.port);
  /** Saving, loading, exporting and importing models: the Export step's actions. */
  readonly library = new ModelLibrary(this.port);
  /** "Download training project": the fitted tokenizer from the worker and the zip. */
  readonly trainingProject = new TrainingProject(this.port);

  constructor() {
    this.worker = this.spawn();
    setInterval(() => this.heartbeat(), PING_EVERY_MS);
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module', name: 'studio-worker' });
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    worker.onerror = (event) => this.crashed(event.message || 'the training worker stopped unexpectedly');
    this.aliveLock = typeof navigator !== 'undefined' && navigator.locks ? `studio-worker-alive-${crypto.randomUUID()}` : '';
    this.pingSentAt = 0;
    this.heard = false;
    worker.postMessage({ type: 'init', backend: useStudio.getState().train.config.backend, aliveLock: this.aliveLock || undefined } satisfies ToWorker);
    return worker;
  }

  /** Pings the worker; one that has not answered the last ping in time is replaced. */
  private heartbeat(): void {
    const now = performance.now();
    if (!this.heard) return;
    if (!this.pingSentAt) {
      this.pingSentAt = now;
      this.send({ type: 'ping', seq: ++this.pingSeq });
      return;
    }
    const { train, evaluate } = useStudio.getState();
    const { status } = train;
    const evaluating = status === 'done' && evaluate.evaluation === null;
    const searching = useStudio.getState().search.status === 'running' || useStudio.getState().search.status === 'cancelling';
    const busy = this.pending.size > 0 || evaluating || searching || status === 'starting' || status === 'training' || status === 'stopping';
    if (now - this.pingSentAt > (busy ? SILENT_BUSY_MS : SILENT_IDLE_MS)) this.crashed('it stopped answering');
  }

  /** The worker holds its lock: once the page is granted it, the worker is gone (closed without an error event). */
  private watchLock(lock: string): void {
    if (lock !== this.aliveLock) return;
    void navigator.locks.request(lock, () => {
      if (lock === this.aliveLock) this.crashed('it closed without reporting an error');
    });
  }

  private crashed(reason: string): void {
    // A lock granted for a worker this object already replaced must not replace the new one.
    this.aliveLock = '';
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new Error(`The worker crashed: ${reason}`));
    this.pending.clear();
    const store = useStudio.getState();
    const quiet = store.train.error === null;
    // Read before the run's record goes with its failed status: where its best weights are.
    const checkpoint = runInProgress() ? readInterruptedRun()?.checkpoint : undefined;
    store.workerCrashed(reason);
    this.search.crashed(reason);
    if (checkpoint) {
      const { error } = useStudio.getState().train;
      store.showTrainError(
        `${error ?? ''} Its best weights so far (epoch ${checkpoint.epoch}) are kept as “${checkpoint.name}” under Saved models in the Export step.`.trim(),
      );
    }
    // Said even when no run or model was lost: the page explains why a request failed.
    if (quiet && useStudio.getState().train.error === null) {
      store.showTrainError(`The studio's background worker was replaced because ${reason}; the dataset is loaded into the new one.`);
    }
    this.worker = this.spawn();
    // The checkpoint shows under Saved models (asked of the new worker).
    if (checkpoint) void this.library.refreshModels();
    const reload = this.data.reloadAfterCrash();
    if (reload) this.ready = reload.catch(() => undefined);
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private request(message: Request): Promise<Answer> {
    return this.startRequest(message).answer;
  }

  private startRequest(message: Request): { requestId: number; answer: Promise<Answer> } {
    const requestId = this.nextRequestId++;
    const answer = new Promise<Answer>((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      this.send({ ...message, requestId } as ToWorker);
    });
    return { requestId, answer };
  }

  private receive(message: FromWorker): void {
    this.heard = true;
    switch (message.type) {
      case 'pong':
        if (message.seq === this.pingSeq) this.pingSentAt = 0;
        return;
      case 'lockHeld':
        this.watchLock(message.lock);
        return;
      case 'backend':
      case 'trainStarted':
      case 'batch':
      case 'epoch':
      case 'paused':
      case 'resumed':
      case 'trainDone':
      case 'baseline':
      case 'evaluation':
      case 'checkpointSaved':
        this.training.receive(message);
        return;
      case 'error':
        if (message.requestId !== undefined) this.settle(message.requestId, null, new Error(message.message));
        else if (message.runId !== undefined) this.training.failed(message.runId, message.message);
        else useStudio.getState().showTrainError(message.message);
        return;
      case 'searchStarted':
      case 'trialStarted':
      case 'trialEpoch':
      case 'trialDone':
      case 'searchDone':
      case 'searchFailed':
        this.search.receive(message);
        return;
      case 'loadProgress':
        this.data.progress(message.loadId, { bytes: message.bytes, totalBytes: message.totalBytes, rows: message.rows });
        return;
      case 'quantizationProgress':
        this.library.comparisonProgress(message.previewId, message.done, message.total);
        return;
      case 'crossValidationProgress':
        this.crossValidation.progress(message.cvId, message.progress);
        return;
      case 'crossValidationFold':
        this.crossValidation.foldScored(message.cvId, message.fold);
        return;
      case 'tableLoaded':
      case 'datasetReady':
      case 'testFileReady':
      case 'crossValidated':
      case 'measured':
      case 'texts':
      case 'filePredictions':
      case 'prediction':
      case 'models':
      case 'modelSaved':
      case 'modelLoaded':
      case 'modelDeleted':
      case 'bundleReady':
      case 'quantizationReport':
      case 'modelWarmed':
      case 'currentEvaluation':
      case 'preprocessStatsReady':
        this.settle(message.requestId, message, null);
        return;
      default:
        assertNever(message);
    }
  }

  private settle(requestId: number, answer: Answer | null, error: Error | null): void {
    const p = this.pending.get(requestId);
    if (!p) return;
    this.pending.delete(requestId);
    if (error) p.reject(error);
    else p.resolve(answer!);
  }
}

let client: StudioClient | null = null;
/** The page's single client, created on first use. */
export function studioClient(): StudioClient {
  return (client ??= new StudioClient());
}
