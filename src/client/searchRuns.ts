import { applyTrial } from '../core/train/searchPlan';
import { engineUnsupported } from '../core/train/enginePlan';
import { defaultSearchForm, defaultTrialsAtOnce, settingsFromForm } from '../core/train/searchSpace';
import { plannedTrainer } from '../core/train/trainerLabel';
import type { SearchFromWorker, TrialReport } from '../protocol/searchMessages';
import { useStudio } from '../store/store';
import { recordTrial } from './runHistory';
import type { WorkerPort } from './workerPort';

/**
 * The Search section's side of the client: starts and cancels hyperparameter searches, turns
 * the worker's search events into store actions, and keeps every decided trial in the run
 * history, tagged with its search.
 */
export class SearchRuns {
  /** `ready` settles when a restarted worker holds the dataset again; searches wait for it. */
  constructor(
    private readonly port: WorkerPort,
    private readonly ready: () => Promise<void>,
  ) {}

  start(): void {
    const store = useStudio.getState();
    const { model, train, preprocess } = store;
    const { settings, issues } = settingsFromForm(store.search.form ?? defaultSearchForm(model.spec, train.config));
    if (issues.length) {
      store.searchFailed(issues.map((i) => i.message).join(' '));
      return;
    }
    const base = { spec: model.spec, config: train.config, tokenizer: preprocess.options, startedAt: Date.now(), clock: performance.now(), method: settings.method };
    const searchId = store.searchRequested(base);
    // "Trials at once" left at its default: 2 on the CPU engine with 2 cores or more, else 1.
    const planned = train.backend ? plannedTrainer(train.config.backend, engineUnsupported(model.spec), train.backend.environment ?? 'unknown', train.backend) : null;
    const parallel = settings.parallel ?? defaultTrialsAtOnce(planned?.label.what === 'WASM engine', navigator.hardwareConcurrency || 1);
    const request = { spec: model.spec, config: train.config, tokenizer: preprocess.options, search: { ...settings, parallel } };
    void this.ready().then(() => this.port.send({ type: 'search', searchId, request }));
  }

  cancel(): void {
    const store = useStudio.getState();
    store.searchCancelRequested();
    this.port.send({ type: 'cancelSearch', searchId: store.search.searchId });
  }

  /** Applies a search event to the store; events of any search but the current one are dropped. */
  receive(message: SearchFromWorker): void {
    const store = useStudio.getState();
    if (message.searchId !== store.search.searchId) return;
    store.searchEvent(message);
    if (message.type === 'trialDone') void this.keep(message.report);
  }

  /** The worker crashed: a search under way stops; its finished trials stay on the board. */
  crashed(reason: string): void {
    const { search, searchFailed } = useStudio.getState();
    if (search.status === 'running' || search.status === 'cancelling') searchFailed(`The search stopped: the worker crashed (${reason}). The finished trials are kept; start the search again for the rest.`);
  }

  /** A trial whose fate is decided (finished, or stopped with a score) goes into the run history. */
  private async keep(report: TrialReport): Promise<void> {
    const { search, data } = useStudio.getState();
    const { base, counts } = search;
    const decided = report.status === 'finished' || report.status === 'stopped';
    if (!base || !counts || !decided || !Number.isFinite(report.accuracy) || report.epochs.length === 0) return;
    const { spec, config } = applyTrial(base.spec, base.config, report.values);
    const seen = counts.train * report.epochs.length;
    await recordTrial(
      { dataset: data.table?.name ?? '', spec, config, tokenizer: base.tokenizer },
      {
        classes: data.summary?.classes ?? [],
        epochs: report.epochs,
        valAccuracy: report.accuracy,
        valLoss: report.loss,
        valMajorityRate: counts.majority,
        durationMs: report.ms,
        samplesPerSecond: report.ms > 0 ? seen / (report.ms / 1000) : 0,
        backend: report.backend ?? 'cpu',
        stopReason: report.status === 'stopped' ? 'early' : 'completed',
        restoredEpoch: null,
        trainCount: counts.train,
        valCount: counts.validation,
        testCount: counts.test,
      },
      { startedAt: base.startedAt, method: base.method, trial: report.trial },
    );
  }
}
