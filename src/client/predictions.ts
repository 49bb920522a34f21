import { useStudio } from '../store/store';
import type { WorkerPort } from './workerPort';

/** The runId of an evaluation of the current model on the current data (not of a run). */
export const CURRENT_DATA_RUN = -1;

/** The Evaluate step's side of the client: the playground, held-out texts and file predictions. */
export class Predictions {
  /** Counts warm-ups: only the latest one's answer marks the model ready. */
  private warmups = 0;

  constructor(private readonly port: WorkerPort) {
    // A new current model (a run ended, a model loaded) is warmed at once, before anyone types:
    // its first prediction compiles the backend's kernels, which took seconds. The worker warms
    // each model once, so a store change that keeps the model (a save, a rename) costs nothing.
    useStudio.subscribe((state, previous) => {
      if (state.exporting.active && state.exporting.active !== previous.exporting.active && !state.evaluate.modelReady) void this.warm();
    });
  }

  /** One dummy prediction on the active model; the playground says "Loading model…" until it answers. */
  async warm(): Promise<void> {
    const warmup = ++this.warmups;
    try {
      await this.port.request({ type: 'warmModel' });
    } catch {
      // The real prediction will report what is wrong; the playground must not wait forever.
    }
    if (warmup === this.warmups) useStudio.getState().modelWarmed();
  }

  /** Evaluates the current model on the held-out rows of the data loaded now, split as the Train step's settings say. */
  async evaluateCurrent(): Promise<void> {
    const store = useStudio.getState();
    const { validationSplit, testSplit, seed } = store.train.config;
    store.currentEvaluationStarted('Evaluating on the current data…');
    try {
      const answer = await this.port.request({ type: 'evaluateCurrent', validationSplit, testSplit, seed });
      if (answer.type === 'currentEvaluation') {
        useStudio.getState().evaluationArrived({ runId: CURRENT_DATA_RUN, classes: answer.classes, splits: answer.splits });
      }
    } catch (error) {
      useStudio.getState().currentEvaluationFailed((error as Error).message);
    } finally {
      useStudio.getState().currentEvaluationEnded();
    }
  }

  /** Predicts one text; an answer for a text the playground no longer shows is dropped. */
  async predict(text: string): Promise<void> {
    try {
      const answer = await this.port.request({ type: 'predict', text });
      if (answer.type === 'prediction' && answer.text === text) {
        useStudio.getState().predictionArrived({ text, classes: answer.classes, probabilities: answer.probabilities, highlights: answer.highlights });
      }
    } catch (error) {
      useStudio.getState().predictionFailed((error as Error).message);
    }
  }

  /** Texts of dataset rows held out in the last run (cut to 1,000 characters). */
  async texts(rows: number[]): Promise<string[]> {
    const answer = await this.port.request({ type: 'texts', rows });
    return answer.type === 'texts' ? answer.texts : [];
  }

  /** Predicts every text of a file in the worker; the CSV comes back ready to download. */
  async predictFile(file: File): Promise<void> {
    const store = useStudio.getState();
    const previous = store.evaluate.filePrediction;
    if (previous) URL.revokeObjectURL(previous.url);
    store.filePredictionStarted(`Predicting “${file.name}”…`);
    try {
      const answer = await this.port.request({ type: 'predictFile', file });
      if (answer.type !== 'filePredictions') return;
      const url = URL.createObjectURL(new Blob([answer.csv], { type: 'text/csv;charset=utf-8' }));
      const { csv: _csv, type: _type, requestId: _id, ...rest } = answer;
      store.filePredicted({ ...rest, url });
    } catch (error) {
      store.filePredictionFailed((error as Error).message);
    } finally {
      store.filePredictionEnded();
    }
  }
}

