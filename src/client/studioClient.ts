import { assertNever, type Answer, type FromWorker, type Request, type ToWorker } from '../protocol/messages';
import { useStudio } from '../store/store';
import { DataLoader } from './dataLoader';
import { ModelLibrary } from './modelLibrary';
import { Predictions } from './predictions';
import { PreprocessStatsRequests } from './preprocessStats';
import { TrainingRuns } from './trainingRuns';
import type { WorkerPort } from './workerPort';

type Pending = { resolve: (m: Answer) => void; reject: (e: Error) => void };

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
  /** The playground, held-out texts and file predictions: the Evaluate step's actions. */
  readonly predictions = new Predictions(this.port);
  /** Saving, loading, exporting and importing models: the Export step's actions. */
  readonly library = new ModelLibrary(this.port);

  constructor() {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module', name: 'studio-worker' });
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    worker.onerror = (event) => this.crashed(event.message || 'the training worker stopped unexpectedly');
    worker.postMessage({ type: 'init', backend: useStudio.getState().train.config.backend } satisfies ToWorker);
    return worker;
  }

  private crashed(reason: string): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new Error(`The worker crashed: ${reason}`));
    this.pending.clear();
    useStudio.getState().workerCrashed(reason);
    this.worker = this.spawn();
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
    switch (message.type) {
      case 'backend':
      case 'trainStarted':
      case 'batch':
      case 'epoch':
      case 'paused':
      case 'resumed':
      case 'trainDone':
      case 'evaluation':
        this.training.receive(message);
        return;
      case 'error':
        if (message.requestId !== undefined) this.settle(message.requestId, null, new Error(message.message));
        else if (message.runId !== undefined) this.training.failed(message.runId, message.message);
        else useStudio.getState().showTrainError(message.message);
        return;
      case 'loadProgress':
        this.data.progress(message.loadId, { bytes: message.bytes, totalBytes: message.totalBytes, rows: message.rows });
        return;
      case 'quantizationProgress':
        this.library.comparisonProgress(message.previewId, message.done, message.total);
        return;
      case 'tableLoaded':
      case 'datasetReady':
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
