import { trainAndScoreBaseline } from '../../core/eval/baseline';
import type { CrossValidationProgress, FoldResult, FoldScores } from '../../core/eval/crossValidation';
import type { Dataset } from '../../core/data/dataset';
import { foldRows, stratifiedFolds, type FoldRows } from '../../core/train/folds';
import type { BackendInfo } from '../../protocol/messages';
import type { MessageOf, Post } from '../post';
import { session } from '../session';
import { checkRequest } from './runData';
import { runTrial, TrialCancelled } from './trial';

/** How session.experiment names a cross-validation (in refusals of other work). */
const WHAT = 'a cross-validation';

/** Minimum time between two progress messages, ms. */
const PROGRESS_EVERY_MS = 100;

/**
 * Stratified k-fold cross-validation of the Train step's settings: for every fold, the
 * TF-IDF + logistic regression baseline (when asked) and then a CNN trial train on the other
 * folds and are scored on this one.
 * Reports progress and each finished fold; answers the whole result, or an error when it
 * failed or was cancelled (the page then keeps its previous result).
 */
export async function crossValidate(message: MessageOf<'crossValidate'>, post: Post): Promise<void> {
  const { requestId, request } = message;
  await session.evaluating;
  const dataset = session.dataset;
  if (!dataset) throw new Error('Load a dataset and choose its columns before cross-validating.');
  if (session.run) throw new Error('A training run is in progress: stop it or let it finish before cross-validating.');
  if (session.experiment) throw new Error(`Wait for ${session.experiment.what} to finish, or cancel it, before cross-validating.`);
  checkRequest(request, dataset.classes.length);
  const { config } = request;
  const folds = stratifiedFolds(dataset.labels, dataset.classes, request.folds, config.seed);
  const abort = new AbortController();
  session.experiment = { what: WHAT, id: requestId, abort };
  const started = performance.now();
  try {
    const results: FoldResult[] = [];
    let backend: BackendInfo | null = null;
    let baselineProblem: string | null = null;
    const sameData = () => {
      // The folds are rows of this dataset: a dataset loaded meanwhile ends the cross-validation.
      if (session.dataset !== dataset) throw new Error('The dataset changed while it ran: press Cross-validate again.');
    };
    for (let i = 0; i < folds.length; i++) {
      sameData();
      const rows = foldRows(folds, i);
      const foldStarted = performance.now();
      const at: CrossValidationProgress = {
        fold: i + 1,
        folds: folds.length,
        stage: 'baseline',
        epoch: 0,
        epochs: config.epochs,
        batch: 0,
        // The loop trains on the fold's training rows and, with augmentation, their copies.
        batches: Math.ceil((rows.train.length * (1 + (config.augment?.copies ?? 0))) / config.batchSize),
      };
      let baseline: FoldScores | null = null;
      if (request.baseline && baselineProblem === null) {
        progressReporter(requestId, post, at);
        try {
          baseline = foldBaseline(dataset, rows, config.seed, abort.signal);
        } catch (error) {
          if (abort.signal.aborted) throw error;
          // The CNN's scores still count: the baseline is left out of every fold from here.
          baselineProblem = error instanceof Error ? error.message : String(error);
          baseline = null;
        }
      }
      const progress = progressReporter(requestId, post, { ...at, stage: 'cnn' });
      const outcome = await runTrial(
        { spec: request.spec, config, tokenizer: request.tokenizer, rows },
        { signal: abort.signal, onBatch: (b) => progress({ epoch: b.epoch, batch: b.batch }) },
      );
      sameData();
      backend ??= outcome.backend;
      const fold: FoldResult = {
        fold: i + 1,
        trainRows: rows.train.length,
        validationRows: rows.validation.length,
        cnn: { accuracy: outcome.accuracy, macroF1: outcome.macroF1, epochsRun: outcome.epochsRun },
        baseline,
        ms: performance.now() - foldStarted,
      };
      results.push(fold);
      post({ type: 'crossValidationFold', cvId: requestId, fold });
    }
    const result = { folds: results, seed: config.seed, examples: dataset.texts.length, backend: backend!, ms: performance.now() - started, baselineProblem };
    post({ type: 'crossValidated', requestId, result });
  } catch (error) {
    if (abort.signal.aborted) throw new TrialCancelled('Cross-validation cancelled: the previous result is kept.');
    throw error;
  } finally {
    if (session.experiment?.id === requestId && session.experiment.what === WHAT) session.experiment = null;
  }
}

/** The baseline fitted on the fold's training rows and scored on its held-out rows. */
function foldBaseline(dataset: Dataset, rows: FoldRows, seed: number, signal: AbortSignal): FoldScores {
  const score = trainAndScoreBaseline({
    texts: dataset.texts,
    labels: dataset.labels,
    classCount: dataset.classes.length,
    trainRows: rows.train,
    evalRows: rows.validation,
    seed,
    isCancelled: () => signal.aborted,
  });
  return { accuracy: score.accuracy, macroF1: score.macroF1 };
}

/** Cancels the cross-validation with this requestId after its current batch. */
export function cancelCrossValidation(message: MessageOf<'cancelCrossValidation'>): void {
  const experiment = session.experiment;
  if (experiment?.what === WHAT && experiment.id === message.target) experiment.abort.abort();
}

/** Posts the fold's progress at once, then at most every PROGRESS_EVERY_MS (the last batch of an epoch always). */
function progressReporter(cvId: number, post: Post, start: CrossValidationProgress) {
  let last = 0;
  const send = (progress: CrossValidationProgress) => post({ type: 'crossValidationProgress', cvId, progress });
  send(start);
  return (at: Pick<CrossValidationProgress, 'epoch' | 'batch'>) => {
    const now = performance.now();
    if (now - last < PROGRESS_EVERY_MS && at.batch !== start.batches) return;
    last = now;
    send({ ...start, ...at });
  };
}
