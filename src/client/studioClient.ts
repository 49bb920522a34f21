import { patch, useStudio, type BatchPoint, type SampleDataset } from '../store/store';
import { assertNever, type DatasetSource, type FromWorker, type ToWorker } from '../protocol/messages';

/** Most per-batch points kept for the charts; older points are thinned to half when exceeded. */
const MAX_BATCH_POINTS = 600;

type Answer = Extract<FromWorker, { requestId: number }>;
type Pending = { resolve: (m: Answer) => void; reject: (e: Error) => void };
/** A request message without its id: the client assigns it. */
type Request = ToWorker extends infer M ? (M extends { requestId: number } ? Omit<M, 'requestId'> : never) : never;

/**
 * The one object that owns the studio worker. Components call its methods; worker events
 * enter the store here and nowhere else. A crashed worker is replaced and told again what it
 * held (backend, dataset, columns), so the page recovers without a reload.
 */
export class StudioClient {
  private worker: Worker;
  private nextRequestId = 1;
  private pending = new Map<number, Pending>();
  private lastSource: DatasetSource | null = null;

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
    const { train } = useStudio.getState();
    if (train.status !== 'idle' && train.status !== 'done' && train.status !== 'error') {
      patch('train', { status: 'error', error: `Training stopped: the worker crashed (${reason}). The studio restarted it; press Train to try again.` });
    }
    this.worker = this.spawn();
    if (this.lastSource) void this.reloadAfterCrash(this.lastSource);
  }

  private async reloadAfterCrash(source: DatasetSource): Promise<void> {
    const { textColumn, labelColumn } = useStudio.getState().data;
    await this.request({ type: 'loadDataset', source });
    await this.request({ type: 'mapColumns', preprocess: { textColumn, labelColumn } });
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private request(message: Request): Promise<Answer> {
    const requestId = this.nextRequestId++;
    return new Promise<Answer>((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      this.send({ ...message, requestId } as ToWorker);
    });
  }

  private receive(message: FromWorker): void {
    const runId = useStudio.getState().train.runId;
    switch (message.type) {
      case 'backend':
        patch('train', { backend: message.info });
        return;
      case 'trainStarted':
        if (message.runId !== runId) return;
        patch('train', {
          status: 'training',
          backend: message.backend,
          counts: { train: message.trainCount, validation: message.valCount },
          progress: { epoch: 1, batch: 0, batchesPerEpoch: message.batchesPerEpoch, samplesPerSecond: 0, step: 0, startedAt: performance.now() },
        });
        return;
      case 'batch': {
        if (message.runId !== runId) return;
        const { train } = useStudio.getState();
        let batches: BatchPoint[] = [...train.batches, { step: message.step, loss: message.loss, accuracy: message.accuracy }];
        if (batches.length > MAX_BATCH_POINTS) batches = batches.filter((_, i) => i % 2 === 1);
        patch('train', {
          batches,
          progress: train.progress && {
            ...train.progress,
            epoch: message.epoch,
            batch: message.batch,
            step: message.step,
            samplesPerSecond: message.samplesPerSecond,
          },
        });
        return;
      }
      case 'epoch': {
        if (message.runId !== runId) return;
        patch('train', { epochs: [...useStudio.getState().train.epochs, message.metrics] });
        return;
      }
      case 'paused':
        if (message.runId === runId) patch('train', { status: 'paused' });
        return;
      case 'resumed':
        if (message.runId === runId) patch('train', { status: 'training' });
        return;
      case 'trainDone':
        if (message.runId !== runId) return;
        patch('train', { status: 'done', result: message.result });
        patch('exporting', {
          active: { name: null, source: 'trained', classes: message.result.classes, valAccuracy: message.result.valAccuracy },
          message: null,
          error: null,
        });
        patch('evaluate', { prediction: null, predictError: null });
        return;
      case 'error':
        if (message.requestId !== undefined) {
          this.settle(message.requestId, null, new Error(message.message));
        } else if (message.runId !== undefined) {
          if (message.runId === runId) patch('train', { status: 'error', error: message.message });
        } else {
          patch('train', { error: message.message });
        }
        return;
      case 'tableLoaded':
      case 'datasetReady':
      case 'prediction':
      case 'models':
      case 'modelSaved':
      case 'modelLoaded':
      case 'modelDeleted':
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

  /** Reads public/datasets/manifest.json; an absent manifest is an empty list with a message. */
  async loadManifest(): Promise<SampleDataset[]> {
    try {
      const response = await fetch(`${import.meta.env.BASE_URL}datasets/manifest.json`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const manifest = (await response.json()) as { datasets: SampleDataset[] };
      patch('data', { samples: manifest.datasets, sampleId: manifest.datasets[0]?.id ?? '' });
      return manifest.datasets;
    } catch (error) {
      patch('data', { error: `Sample datasets are missing (${(error as Error).message}). Run "npm run datasets", or upload your own file.` });
      return [];
    }
  }

  async loadSample(sample: SampleDataset): Promise<void> {
    await this.loadSource({ kind: 'url', url: `${import.meta.env.BASE_URL}datasets/${sample.file}`, name: sample.name });
  }

  async loadFile(file: File): Promise<void> {
    await this.loadSource({ kind: 'file', file, name: file.name });
  }

  private async loadSource(source: DatasetSource): Promise<void> {
    patch('data', { loading: source.name, error: null });
    try {
      const answer = await this.request({ type: 'loadDataset', source });
      if (answer.type !== 'tableLoaded') return;
      this.lastSource = source;
      const { guess } = answer.table;
      patch('data', { table: answer.table, textColumn: guess.text, labelColumn: guess.label, summary: null });
      await this.mapColumns(guess.text, guess.label);
    } catch (error) {
      patch('data', { error: (error as Error).message });
    } finally {
      patch('data', { loading: null });
    }
  }

  async mapColumns(textColumn: number, labelColumn: number): Promise<void> {
    patch('data', { textColumn, labelColumn, error: null });
    try {
      const answer = await this.request({ type: 'mapColumns', preprocess: { textColumn, labelColumn } });
      if (answer.type === 'datasetReady') patch('data', { summary: answer.summary });
    } catch (error) {
      patch('data', { summary: null, error: (error as Error).message });
    }
  }

  train(): void {
    const { model, train } = useStudio.getState();
    const runId = train.runId + 1;
    patch('train', { runId, status: 'starting', batches: [], epochs: [], progress: null, result: null, error: null, counts: null });
    this.send({ type: 'train', runId, request: { spec: model.spec, config: train.config } });
  }

  pause(): void {
    this.send({ type: 'pause', runId: useStudio.getState().train.runId });
  }

  resume(): void {
    this.send({ type: 'resume', runId: useStudio.getState().train.runId });
  }

  stop(): void {
    patch('train', { status: 'stopping' });
    this.send({ type: 'stop', runId: useStudio.getState().train.runId });
  }

  async predict(text: string): Promise<void> {
    try {
      const answer = await this.request({ type: 'predict', text });
      if (answer.type === 'prediction' && answer.text === text) {
        patch('evaluate', { prediction: { text, classes: answer.classes, probabilities: answer.probabilities }, predictError: null });
      }
    } catch (error) {
      patch('evaluate', { predictError: (error as Error).message });
    }
  }

  async refreshModels(): Promise<void> {
    try {
      const answer = await this.request({ type: 'listModels' });
      if (answer.type === 'models') patch('exporting', { saved: answer.models });
    } catch (error) {
      patch('exporting', { error: `Could not read saved models: ${(error as Error).message}` });
    }
  }

  async save(name: string): Promise<void> {
    patch('exporting', { busy: 'Saving…', error: null, message: null });
    try {
      const answer = await this.request({ type: 'saveModel', name });
      if (answer.type === 'modelSaved') {
        const active = useStudio.getState().exporting.active;
        patch('exporting', { message: `Saved "${answer.model.name}" to this browser.`, active: active && { ...active, name: answer.model.name } });
      }
      await this.refreshModels();
    } catch (error) {
      patch('exporting', { error: (error as Error).message });
    } finally {
      patch('exporting', { busy: null });
    }
  }

  async loadModel(name: string): Promise<void> {
    patch('exporting', { busy: `Loading "${name}"…`, error: null, message: null });
    try {
      const answer = await this.request({ type: 'loadModel', name });
      if (answer.type === 'modelLoaded') {
        patch('exporting', {
          message: `Loaded "${name}": type a text in Evaluate to try it.`,
          active: { name, source: 'loaded', classes: answer.model.classes, valAccuracy: answer.model.valAccuracy },
        });
        patch('evaluate', { prediction: null, predictError: null });
      }
    } catch (error) {
      patch('exporting', { error: (error as Error).message });
    } finally {
      patch('exporting', { busy: null });
    }
  }

  async deleteModel(name: string): Promise<void> {
    try {
      await this.request({ type: 'deleteModel', name });
      patch('exporting', { message: `Deleted "${name}".` });
      await this.refreshModels();
    } catch (error) {
      patch('exporting', { error: (error as Error).message });
    }
  }
}

let client: StudioClient | null = null;
/** The page's single client, created on first use. */
export function studioClient(): StudioClient {
  return (client ??= new StudioClient());
}
