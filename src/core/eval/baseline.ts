/**
 * The linear baseline every CNN result is set beside: TF-IDF features (word 1–2-grams, or
 * character 1–3-grams for scripts written without spaces) and multinomial logistic regression
 * with an L2 penalty, fitted on the training rows and scored on held-out rows of the same split.
 * It draws no random numbers (full-batch L-BFGS from zeros), so one input always gives one answer;
 * `seed` is part of the input so that callers treat it like every other seeded step.
 */
import { confusionMatrix, metricsFromConfusion } from './metrics';
import { fitLogistic, predictClasses, type LogisticModel } from './logistic';
import { chooseAnalyzer, fitTransformTfidf, transformTfidf, type Analyzer, type TfidfModel } from './tfidf';

export interface BaselineInput {
  texts: readonly string[];
  /** Class index of every text (0 … classCount − 1). */
  labels: ArrayLike<number>;
  classCount: number;
  /** Rows (indices into texts) to fit on. */
  trainRows: ArrayLike<number>;
  /** Rows to score. */
  evalRows: ArrayLike<number>;
  seed: number;
  /** Polled every few hundred texts and every optimizer iteration; true stops with BASELINE_CANCELLED. */
  isCancelled?: () => boolean;
  /** Share done, 0–1. */
  onProgress?: (fraction: number) => void;
}

export interface BaselineScore {
  /** On evalRows, 0–1. */
  accuracy: number;
  /** Unweighted mean of the per-class F1 scores on evalRows, 0–1. */
  macroF1: number;
  /** Predicted class of each eval row, in evalRows' order. */
  predicted: Int32Array;
  /** Columns of the TF-IDF matrix (terms kept). */
  features: number;
  analyzer: Analyzer;
}

/** The message of the Error thrown when isCancelled answers true. */
export const BASELINE_CANCELLED = 'The baseline was cancelled.';

/** Weights × classes kept at most (about 8 MB of weights, ~60 MB with the optimizer's memory). */
const PARAMETER_BUDGET = 1_000_000;
const MAX_FEATURES = 200_000;
/** Training rows from which a term must be in two texts to count (fewer rows: one is enough). */
const MIN_DF_FROM_ROWS = 1000;
/** scikit-learn's C: weaker than its default 1.0, as TF-IDF rows are L2-normalised and short. */
export const BASELINE_C = 10;
const MAX_ITERATIONS = 200;
/** L-BFGS stops when an iteration gains less than this share of the loss: on the sample corpora and SMS, accuracy is flat past it. */
const RELATIVE_TOLERANCE = 1e-5;

/** A fitted baseline: the vectorizer, the classifier, and why that analyzer. */
export interface BaselineModel {
  tfidf: TfidfModel;
  logistic: LogisticModel;
  analyzer: Analyzer;
  analyzerReason: string;
  /** L-BFGS iterations used. */
  iterations: number;
}

/** Turns isCancelled and onProgress into one callback over [from, to] of the whole job. */
function stepper(input: Pick<BaselineInput, 'isCancelled' | 'onProgress'>) {
  return (from: number, to: number) => (fraction: number) => {
    if (input.isCancelled?.()) throw new Error(BASELINE_CANCELLED);
    input.onProgress?.(from + (to - from) * fraction);
  };
}

/** Most classes the baseline takes: past it, fewer than 1,000 terms would fit the parameter budget. */
export const BASELINE_MAX_CLASSES = 1000;

/** The vocabulary cap for this many classes: fewer terms when there are many classes (weights × classes stay in budget). */
export function maxFeaturesFor(classCount: number): number {
  return Math.min(MAX_FEATURES, Math.floor(PARAMETER_BUDGET / Math.max(1, classCount)));
}

/** Fits the vectorizer and the classifier on `trainRows`; progress runs 0 → `until`. */
export function fitBaseline(input: Omit<BaselineInput, 'evalRows'>, until = 1): BaselineModel {
  const { texts, labels, classCount, trainRows } = input;
  if (classCount > BASELINE_MAX_CLASSES) {
    throw new Error(`The baseline takes at most ${BASELINE_MAX_CLASSES.toLocaleString('en-US')} classes; this data has ${classCount.toLocaleString('en-US')}.`);
  }
  const step = stepper(input);
  const trainTexts = Array.from(trainRows, (r) => texts[r]);
  const { analyzer, reason } = chooseAnalyzer(trainTexts);
  const options = {
    analyzer,
    maxFeatures: maxFeaturesFor(classCount),
    minDf: trainRows.length >= MIN_DF_FROM_ROWS ? 2 : 1,
    sublinearTf: true,
  };
  const { model: tfidf, x } = fitTransformTfidf(texts, trainRows, options, step(0, 0.3 * until));
  const y = Int32Array.from(trainRows, (r) => labels[r]);
  const logistic = fitLogistic(x!, y, classCount, { c: BASELINE_C, maxIterations: MAX_ITERATIONS, relativeTolerance: RELATIVE_TOLERANCE, step: step(0.3 * until, until) });
  return { tfidf, logistic, analyzer, analyzerReason: reason, iterations: logistic.fit.iterations };
}

/** Scores a fitted baseline on `rows`; progress runs `from` → 1. */
export function scoreBaseline(
  model: BaselineModel,
  input: Pick<BaselineInput, 'texts' | 'labels' | 'isCancelled' | 'onProgress'>,
  rows: ArrayLike<number>,
  from = 0,
): BaselineScore {
  const x = transformTfidf(model.tfidf, input.texts, rows, stepper(input)(from, 1));
  const predicted = predictClasses(model.logistic, x);
  const truth = Int32Array.from(rows, (r) => input.labels[r]);
  const report = metricsFromConfusion(confusionMatrix(truth, predicted, model.logistic.classCount));
  input.onProgress?.(1);
  return { accuracy: report.accuracy, macroF1: report.macro.f1, predicted, features: model.tfidf.idf.length, analyzer: model.analyzer };
}

/** Fits on trainRows and scores on evalRows. Throws Error(BASELINE_CANCELLED) when cancelled. */
export function trainAndScoreBaseline(input: BaselineInput): BaselineScore {
  const model = fitBaseline(input, 0.95);
  return scoreBaseline(model, input, input.evalRows, 0.95);
}
