import { statsRequestFor } from '../core/train/preprocessRequest';
import { useStudio } from '../store/store';
import type { WorkerPort } from './workerPort';

/** The Preprocess step's statistics, computed in the worker; only the newest request's answer lands. */
export class PreprocessStatsRequests {
  /** Number of the newest request: answers to older ones are dropped. */
  private ticket = 0;

  constructor(private readonly port: WorkerPort) {}

  /** Asks for the statistics of the current settings; nothing without a dataset. */
  async refresh(): Promise<void> {
    const { data, preprocess, model, train, statsRequested, statsArrived, statsFailed } = useStudio.getState();
    if (!data.summary) return;
    const ticket = ++this.ticket;
    statsRequested();
    try {
      const answer = await this.port.request({ type: 'preprocessStats', request: statsRequestFor(preprocess.options, model.spec, train.config) });
      if (ticket !== this.ticket || answer.type !== 'preprocessStatsReady') return;
      statsArrived(answer.stats, answer.elapsedMs);
    } catch (error) {
      if (ticket === this.ticket) statsFailed((error as Error).message);
    }
  }
}
