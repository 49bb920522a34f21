import { useStudio } from '../store/store';
import type { WorkerPort } from './workerPort';

/** The Evaluate step's side of the client: the playground, held-out texts and file predictions. */
export class Predictions {
  constructor(private readonly port: WorkerPort) {}

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
