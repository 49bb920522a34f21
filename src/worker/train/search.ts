import { stratifiedSplit, type Split } from '../../core/data/split';
import { majorityRate } from '../../core/eval/metrics';
import { halvingRungs, SuccessiveHalving, type Rung } from '../../core/train/searchHalving';
import { applyTrial, budgetSpent, planTrials, type TrialValues } from '../../core/train/searchPlan';
import type { EpochMetrics } from '../../protocol/messages';
import type { SearchEnd, SearchRequest, TrialReport } from '../../protocol/searchMessages';
import type { MessageOf, Post } from '../post';
import { runPool } from '../../core/train/trialPool';
import { chooseTrainer } from '../backends/trainerChoice';
import { session } from '../session';
import { runLimitedTrial, type TrialExecutor } from './limitedTrial';
import { emptyValidationMessage } from './runData';
import { isCancelled } from './trial';
import { startTrialSlot } from './trialSlot';

const WHAT = 'a search';

/** What every trial of one search shares. */
interface SearchRun {
  searchId: number;
  request: SearchRequest;
  trials: TrialValues[];
  split: Split;
  classCount: number;
  signal: AbortSignal;
  /** Date.now() when the time budget ends, ms (the trial worker has its own performance.now()). */
  deadline: number;
  post: Post;
  /** Set once the minutes are up: the running trials stop at their next epoch, no other starts. */
  timeUp: boolean;
  /** One executor per slot: this worker's, then the trial worker's when two trials run at once. */
  slots: TrialExecutor[];
}

/**
 * Runs a hyperparameter search on the loaded dataset: plans the trials (grid, random, or
 * successive halving), trains them one after another on one seeded split (the same for all, so
 * their scores compare), reports each trial as it goes, and stops at the budget or on Cancel
 * (finished trials stay reported). Trials that cannot train fail alone; the search goes on.
 */
export async function runSearch(message: MessageOf<'search'>, post: Post): Promise<void> {
  const { searchId, request } = message;
  try {
    await session.evaluating;
    const dataset = session.dataset;
    if (!dataset) throw new Error('Load a dataset and choose its columns before searching.');
    if (session.run) throw new Error('A training run is in progress: stop it or let it finish before searching.');
    if (session.experiment) throw new Error(`Wait for ${session.experiment.what} to finish, or cancel it, before searching.`);
    const plan = planTrials(request.search);
    if (plan.issues.length) throw new Error(plan.issues.map((i) => i.message).join(' '));
    const { config } = request;
    const split = stratifiedSplit(dataset.labels, { validation: config.validationSplit, test: config.testSplit, seed: config.seed });
    if (split.validation.length === 0) throw new Error(emptyValidationMessage(dataset.labels, dataset.classes.length));
    const classCount = dataset.classes.length;
    const halving = request.search.method === 'halving';
    const rungs: Rung[] = halving ? halvingRungs(plan.trials.length, config.epochs, request.search.eta) : [{ trials: plan.trials.length, epochs: config.epochs }];
    const abort = new AbortController();
    session.experiment = { what: WHAT, id: searchId, abort };
    const parallel = await trialsAtOnce(request, classCount);
    const slot = parallel === 2 ? startTrialSlot(dataset) : null;
    const slots = slot ? [runLimitedTrial, slot.run] : [runLimitedTrial];
    const deadline = Date.now() + request.search.maxMinutes * 60_000;
    const run: SearchRun = { searchId, request, trials: plan.trials, split, classCount, signal: abort.signal, deadline, post, timeUp: false, slots };
    const valTruth = Int32Array.from(split.validation, (row) => dataset.labels[row]);
    post({
      type: 'searchStarted',
      searchId,
      trials: plan.trials,
      rungs,
      trainCount: split.train.length,
      valCount: split.validation.length,
      testCount: split.test.length,
      valMajorityRate: majorityRate(valTruth, classCount),
      parallel,
      note: plan.note,
    });
    try {
      const reason = halving ? await halvingSearch(run, rungs) : await plainSearch(run);
      post({ type: 'searchDone', searchId, reason });
    } finally {
      slot?.close();
      if (session.experiment?.id === searchId && session.experiment.what === WHAT) session.experiment = null;
    }
  } catch (error) {
    post({ type: 'searchFailed', searchId, message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * How many trials train at once: 2 when the search asks for 2, the browser has at least 2 cores
 * and the trials train on the CPU engine (each then on one engine worker); else 1 (WebGPU trials
 * would share one GPU, tfjs on the CPU already uses its threads).
 */
async function trialsAtOnce(request: SearchRequest, classCount: number): Promise<1 | 2> {
  const cores = typeof navigator === 'undefined' ? 1 : (navigator.hardwareConcurrency ?? 1);
  if (request.search.parallel !== 2 || cores < 2) return 1;
  if (request.config.backend !== 'engine' && request.config.backend !== 'auto') return 1;
  const trainer = await chooseTrainer(request.config.backend, request.spec, classCount);
  return trainer.name === 'engine' ? 2 : 1;
}

/** Cancel: the running trial stops after its current batch; the search then reports 'cancelled'. */
export function cancelSearch(message: MessageOf<'cancelSearch'>): void {
  const experiment = session.experiment;
  if (experiment?.what === WHAT && experiment.id === message.searchId) experiment.abort.abort();
}

/** Why no further trial may start, or null. */
function spent(run: SearchRun, trialsStarted: number): SearchEnd | null {
  if (run.signal.aborted) return 'cancelled';
  const { maxTrials, maxMinutes } = run.request.search;
  if (run.timeUp) return 'time';
  return budgetSpent({ trialsStarted, maxTrials, elapsedMs: maxMinutes * 60_000 - (run.deadline - Date.now()), maxMinutes });
}

/** Grid and random: every planned trial once, in order (two at a time on two slots), with its own epochs. */
async function plainSearch(run: SearchRun): Promise<SearchEnd> {
  const state: { cancelled: boolean; end: SearchEnd | null } = { cancelled: false, end: null };
  await runPool(
    run.trials.length,
    run.slots.length,
    (i) => !(state.end = spent(run, i)),
    (i, slot) => trainTrial(run, slot, i + 1, 0, null),
    (_, report) => {
      run.post({ type: 'trialDone', searchId: run.searchId, report });
      if (report.reason === CANCELLED) state.cancelled = true;
    },
  );
  if (state.cancelled || run.signal.aborted) return 'cancelled';
  if (state.end) return state.end;
  return run.timeUp ? 'time' : 'completed';
}

/**
 * Successive halving: every trial of a rung trains to the rung's epochs (stopped there through the
 * runner's epoch hook, with the full run's epochs and schedule); the best 1/η go on to the next rung
 * and train again from their seeded start, the others stop.
 */
async function halvingSearch(run: SearchRun, rungs: Rung[]): Promise<SearchEnd> {
  const bracket = new SuccessiveHalving(
    run.trials.map((_, i) => i + 1),
    rungs,
  );
  const last = new Map<number, TrialReport>();
  for (let current = bracket.current; current; current = bracket.current) {
    const trials = current.trials;
    const state: { cancelled: boolean; end: SearchEnd | null } = { cancelled: false, end: null };
    await runPool(
      trials.length,
      run.slots.length,
      () => !(state.end = spent(run, 0)),
      (i, slot) => trainTrial(run, slot, trials[i], current.rung, current.epochs),
      (i, report) => {
        if (report.reason === CANCELLED) {
          state.cancelled = true;
          run.post({ type: 'trialDone', searchId: run.searchId, report });
          return;
        }
        last.set(trials[i], report);
        bracket.report(trials[i], report.status === 'failed' ? Number.NaN : report.accuracy);
        // A failed trial is final now; the others wait for their rung's ranking.
        if (report.status === 'failed') run.post({ type: 'trialDone', searchId: run.searchId, report });
        else run.post({ type: 'trialDone', searchId: run.searchId, report: { ...report, status: 'continued', reason: 'waiting for the rest of its rung' } });
      },
    );
    const stop: SearchEnd | null = state.cancelled || run.signal.aborted ? 'cancelled' : state.end;
    if (stop) {
      closeRung(run, trials, last, stop);
      return stop;
    }
    const outcome = bracket.advance();
    const finalRung = outcome.rung === rungs.length - 1;
    for (const trial of current.trials) {
      const report = last.get(trial)!;
      if (report.status === 'failed') continue;
      const kept = outcome.continued.includes(trial);
      const next = rungs[outcome.rung + 1];
      const decided: TrialReport = finalRung
        ? report
        : kept
          ? { ...report, status: 'continued', reason: `among the best ${next.trials}: trains ${next.epochs} epochs next` }
          : { ...report, status: 'stopped', reason: `stopped after ${current.epochs} epoch${current.epochs === 1 ? '' : 's'}: not among the best ${next.trials} of ${current.trials.length}` };
      run.post({ type: 'trialDone', searchId: run.searchId, report: decided });
    }
  }
  return run.timeUp ? 'time' : 'completed';
}

/**
 * The budget or Cancel ended a rung midway: its trials' last scores are final now (stopped), so
 * every trial that has a score is decided and lands in the run history.
 */
function closeRung(run: SearchRun, trials: readonly number[], last: Map<number, TrialReport>, end: SearchEnd): void {
  const why = end === 'cancelled' ? 'the search was cancelled' : end === 'time' ? 'the time budget ran out' : 'the search ended';
  for (const trial of trials) {
    const report = last.get(trial);
    if (!report || report.status === 'failed') continue;
    run.post({ type: 'trialDone', searchId: run.searchId, report: { ...report, status: 'stopped', reason: `stopped after ${epochsText(report.epochs.length)}: ${why} before its rung was done` } });
  }
}

const epochsText = (n: number) => `${n} epoch${n === 1 ? '' : 's'}`;

const CANCELLED = 'Cancelled.';

/**
 * Trains one trial on the search's split: `rungEpochs` (successive halving) ends it after that
 * many epochs; the time budget ends it at its next epoch. Never throws: a failure is a report.
 */
async function trainTrial(run: SearchRun, slot: number, trial: number, rung: number, rungEpochs: number | null): Promise<TrialReport> {
  const { searchId, request, post } = run;
  const values = run.trials[trial - 1];
  const applied = applyTrial(request.spec, request.config, values, run.classCount);
  const epochs = rungEpochs ?? applied.config.epochs;
  const failed = (reason: string, history: EpochMetrics[] = [], ms = 0): TrialReport => ({
    trial,
    values,
    rung,
    status: 'failed',
    reason,
    accuracy: Number.NaN,
    macroF1: Number.NaN,
    loss: Number.NaN,
    epochs: history,
    backend: null,
    ms,
  });
  post({ type: 'trialStarted', searchId, trial, rung, epochs });
  if (applied.issues.length) return failed(applied.issues.join(' '));
  // Two trials at once: each on one engine worker (the two slots are the two cores).
  const config = run.slots.length > 1 ? { ...applied.config, engineWorkers: 1 as const } : applied.config;
  const history: EpochMetrics[] = [];
  const began = performance.now();
  try {
    const { outcome, timeUp, stoppedBy } = await run.slots[slot](
      { spec: applied.spec, config, tokenizer: request.tokenizer, rows: { train: run.split.train, validation: run.split.validation } },
      { epochs, deadline: run.deadline },
      run.signal,
      (metrics) => {
        history.push(metrics);
        post({ type: 'trialEpoch', searchId, trial, metrics });
      },
    );
    if (timeUp) run.timeUp = true;
    return {
      trial,
      values,
      rung,
      status: stoppedBy ? 'stopped' : 'finished',
      reason: stoppedBy,
      accuracy: outcome.accuracy,
      macroF1: outcome.macroF1,
      loss: outcome.loss,
      epochs: outcome.history,
      backend: outcome.backend.name,
      ms: outcome.ms,
    };
  } catch (error) {
    if (isCancelled(error)) return { ...failed(CANCELLED, history, performance.now() - began), status: 'stopped' };
    return failed(error instanceof Error ? error.message : String(error), history, performance.now() - began);
  }
}
