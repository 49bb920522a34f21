import { patch, useStudio, type BatchPoint, type SampleDataset } from '../store/store';
import { ModelLibrary } from './modelLibrary';
import { estimateCost } from '../core/train/modelCost';
import { recordRun } from './runHistory';
import { assertNever, type DatasetSource, type DatasetSummary, type FromWorker, type ToWorker } from '../protocol/messages';
import { statsRequestFor } from '../core/train/preprocessRequest';
import { AUTO_OPTIONS, type IngestOptions } from '../core/data/ingestFormat';

/** Most per-batch points kept for the charts; older points are thinned to half when exceeded. */
const MAX_BATCH_POINTS = 600;

/** A worker answer to one request. */
export type Answer = Extract<FromWorker, { requestId: number }>;
type Pending = { resolve: (m: Answer) => void; reject: (e: Error) => void };
/** A request message without its id: the client assigns it. */
export type Request = ToWorker extends infer M ? (M extends { requestId: number } ? Omit<M, 'requestId'> : never) : never;

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
  /** The format overrides the current table was read with. */
  private lastOptions: IngestOptions = AUTO_OPTIONS;
  /** requestId of the load in flight (for Cancel and its progress); 0 when none. */
  private loadId = 0;
  /** Settles when a restarted worker holds the dataset again; runs wait for it. */
  private ready: Promise<void> = Promise.resolve();
  /** Training FLOPs per text of the current run's model, to calibrate estimates when it ends. */
  private runCost = 0;
  /** Number of the newest Preprocess statistics request: answers to older ones are dropped. */
  private statsTicket = 0;

  /** Saving, loading, exporting and importing models: the Export step's actions. */
  readonly library = new ModelLibrary((message) => this.request(message));

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
    const { active } = useStudio.getState().exporting;
    if (active) {
      // The model lived in the worker: a saved one can be loaded again, an unsaved one is gone.
      patch('exporting', {
        active: null,
        error: active.name
          ? `The worker crashed (${reason}) and was restarted: load “${active.name}” from Saved models to use it again.`
          : `The worker crashed (${reason}) and was restarted: the unsaved model was lost. Train it again.`,
      });
      patch('evaluate', { evaluation: null, prediction: null });
    }
    this.worker = this.spawn();
    if (this.lastSource) this.ready = this.reloadAfterCrash(this.lastSource).catch(() => undefined);
  }

  private async reloadAfterCrash(source: DatasetSource): Promise<void> {
    const { textColumn, labelColumn, dropDuplicates } = useStudio.getState().data;
    await this.request({ type: 'loadDataset', source, options: this.lastOptions });
    await this.request({ type: 'mapColumns', preprocess: { textColumn, labelColumn, dropDuplicates } });
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
          fused: message.fused,
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
        void recordRun(message.result);
        if (this.runCost && message.result.samplesPerSecond > 0) {
          patch('model', { calibration: { backend: message.result.backend, samplesPerSecond: message.result.samplesPerSecond, trainFlops: this.runCost } });
        }
        patch('exporting', {
          active: { name: null, source: 'trained', classes: message.result.classes, valAccuracy: message.result.valAccuracy },
          message: null,
          error: null,
        });
        patch('evaluate', { prediction: null, predictError: null, evaluation: null });
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
      case 'evaluation':
        if (message.runId !== runId) return;
        patch('evaluate', {
          evaluation: { runId: message.runId, classes: message.classes, splits: message.splits },
          split: message.splits.some((s) => s.name === 'test') ? 'test' : 'validation',
          threshold: null,
        });
        return;
      case 'loadProgress':
        if (message.loadId === this.loadId) patch('data', { progress: { bytes: message.bytes, totalBytes: message.totalBytes, rows: message.rows } });
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

  /**
   * Reads a source in the worker, then maps its guessed columns. A failed or cancelled load
   * changes nothing: the previous table and summary stay, here and in the worker.
   */
  private async loadSource(source: DatasetSource, options: IngestOptions = AUTO_OPTIONS): Promise<void> {
    patch('data', { loading: source.name, error: null, notice: null, progress: null, cancelling: false });
    // request() gives this load the next id: remember it to cancel the load and to match its progress.
    this.loadId = this.nextRequestId;
    try {
      const answer = await this.request({ type: 'loadDataset', source, options });
      if (answer.type !== 'tableLoaded') return;
      this.lastSource = source;
      this.lastOptions = options;
      this.loadId = 0;
      const { guess } = answer.table;
      // Table and summary land in one update: the page re-renders (and redraws the Mermaid
      // pipeline diagram, a long task) once per file instead of twice.
      const mapped = await this.summarize(guess.text, guess.label).then(
        (summary) => ({ summary, error: null }),
        (error: Error) => ({ summary: null, error: error.message }),
      );
      patch('data', { table: answer.table, ingestOptions: options, textColumn: guess.text, labelColumn: guess.label, ...mapped });
    } catch (error) {
      const message = (error as Error).message;
      patch('data', useStudio.getState().data.cancelling ? { notice: message } : { error: message });
    } finally {
      this.loadId = 0;
      patch('data', { loading: null, progress: null, cancelling: false });
    }
  }

  /** Stops the load in flight between two chunks; the previous dataset stays. */
  cancelLoad(): void {
    if (!this.loadId) return;
    patch('data', { cancelling: true });
    this.send({ type: 'cancelLoad', target: this.loadId });
  }

  /** Reads the current file again with other format overrides ("File format", "Delimiter", header). */
  async reparse(options: IngestOptions): Promise<void> {
    if (!this.lastSource) return;
    const previous = this.lastOptions;
    // The controls show the choice at once; a failed or cancelled read puts them back.
    patch('data', { ingestOptions: options });
    await this.loadSource(this.lastSource, options);
    if (this.lastOptions !== options) patch('data', { ingestOptions: previous });
  }

  /** Turns "Drop duplicates" on or off and maps the columns again. */
  async setDropDuplicates(dropDuplicates: boolean): Promise<void> {
    patch('data', { dropDuplicates });
    const { textColumn, labelColumn } = useStudio.getState().data;
    await this.mapColumns(textColumn, labelColumn);
  }

  async mapColumns(textColumn: number, labelColumn: number): Promise<void> {
    patch('data', { textColumn, labelColumn, error: null });
    try {
      patch('data', { summary: await this.summarize(textColumn, labelColumn) });
    } catch (error) {
      patch('data', { summary: null, error: (error as Error).message });
    }
  }

  /** Builds and checks the dataset from two columns of the worker's table. */
  private async summarize(textColumn: number, labelColumn: number): Promise<DatasetSummary> {
    const { dropDuplicates } = useStudio.getState().data;
    const answer = await this.request({ type: 'mapColumns', preprocess: { textColumn, labelColumn, dropDuplicates } });
    if (answer.type !== 'datasetReady') throw new Error(`Unexpected answer "${answer.type}" to mapColumns.`);
    return answer.summary;
  }

  train(): void {
    const { model, train, preprocess } = useStudio.getState();
    const runId = train.runId + 1;
    patch('train', { runId, status: 'starting', batches: [], epochs: [], progress: null, result: null, error: null, counts: null });
    const request = { spec: model.spec, config: train.config, tokenizer: preprocess.options };
    const classCount = Math.max(2, useStudio.getState().data.summary?.classes.length ?? 2);
    this.runCost = estimateCost(model.spec, classCount, train.config.batchSize, train.config.optimizer).trainFlops;
    void this.ready.then(() => this.send({ type: 'train', runId, request }));
  }

  /** Asks the worker for the Preprocess statistics of the current settings; only the newest answer lands. */
  async preprocessStats(): Promise<void> {
    const { data, preprocess, model, train } = useStudio.getState();
    if (!data.summary) return;
    const ticket = ++this.statsTicket;
    patch('preprocess', { loading: true, error: null });
    try {
      const answer = await this.request({ type: 'preprocessStats', request: statsRequestFor(preprocess.options, model.spec, train.config) });
      if (ticket !== this.statsTicket || answer.type !== 'preprocessStatsReady') return;
      patch('preprocess', { stats: answer.stats, statsMs: answer.elapsedMs, loading: false });
    } catch (error) {
      if (ticket === this.statsTicket) patch('preprocess', { loading: false, error: (error as Error).message });
    }
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
        patch('evaluate', {
          prediction: { text, classes: answer.classes, probabilities: answer.probabilities, highlights: answer.highlights },
          predictError: null,
        });
      }
    } catch (error) {
      patch('evaluate', { predictError: (error as Error).message });
    }
  }

  /** Times a few training steps of the current spec in the worker, to estimate epoch times. */
  async measureSpeed(): Promise<void> {
    const { model, train, data } = useStudio.getState();
    patch('model', { measuring: true });
    try {
      const classCount = Math.max(2, data.summary?.classes.length ?? 2);
      const answer = await this.request({ type: 'measure', spec: model.spec, classCount, batchSize: train.config.batchSize, backend: train.config.backend });
      if (answer.type === 'measured') {
        const trainFlops = estimateCost(model.spec, classCount, train.config.batchSize, train.config.optimizer).trainFlops;
        patch('model', { calibration: { backend: answer.backend, samplesPerSecond: answer.samplesPerSecond, trainFlops } });
      }
    } catch (error) {
      patch('train', { error: `Could not measure the speed: ${(error as Error).message}` });
    } finally {
      patch('model', { measuring: false });
    }
  }

  /** Texts of dataset rows held out in the last run (cut to 1,000 characters). */
  async texts(rows: number[]): Promise<string[]> {
    const answer = await this.request({ type: 'texts', rows });
    return answer.type === 'texts' ? answer.texts : [];
  }

  /** Predicts every text of a file in the worker; the CSV comes back ready to download. */
  async predictFile(file: File): Promise<void> {
    const previous = useStudio.getState().evaluate.filePrediction;
    if (previous) URL.revokeObjectURL(previous.url);
    patch('evaluate', { fileBusy: `Predicting “${file.name}”…`, fileError: null, filePrediction: null });
    try {
      const answer = await this.request({ type: 'predictFile', file });
      if (answer.type !== 'filePredictions') return;
      const url = URL.createObjectURL(new Blob([answer.csv], { type: 'text/csv;charset=utf-8' }));
      const { csv: _csv, type: _type, requestId: _id, ...rest } = answer;
      patch('evaluate', { filePrediction: { ...rest, url } });
    } catch (error) {
      patch('evaluate', { fileError: (error as Error).message });
    } finally {
      patch('evaluate', { fileBusy: null });
    }
  }
}

let client: StudioClient | null = null;
/** The page's single client, created on first use. */
export function studioClient(): StudioClient {
  return (client ??= new StudioClient());
}
