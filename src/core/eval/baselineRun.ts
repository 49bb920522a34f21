/**
 * The baseline as a training run runs it: one job (the texts it needs and the run's split),
 * fitted once on the training rows and scored on the validation rows and, when there is one,
 * the test rows. What the page shows and metadata.json keeps is a BaselineSummary.
 */
import { mulberry32 } from '../random';
import { BASELINE_C, fitBaseline, scoreBaseline } from './baseline';
import type { Analyzer } from './tfidf';

/** Past this many training rows the baseline fits on a seeded sample of them (time and memory stay bounded). */
export const BASELINE_MAX_TRAIN_ROWS = 100_000;

/**
 * Whether the baseline can train beside the CNN without slowing it: a core for the page, one per
 * thread the CNN's trainer keeps busy, and one for the baseline. Otherwise it waits for the CNN.
 */
export function baselineBesideCnn(cores: number, trainerThreads: number): boolean {
  return cores >= trainerThreads + 2;
}

/** What the baseline needs of a run: only the texts of its rows, renumbered 0 … texts.length − 1. */
export interface BaselineJob {
  texts: string[];
  labels: Int32Array;
  classCount: number;
  trainRows: Int32Array;
  validationRows: Int32Array;
  testRows: Int32Array;
  seed: number;
  /** Training rows of the run when trainRows is a sample of them; null when it is all of them. */
  sampledFrom: number | null;
}

/** One held-out split's scores. */
export interface BaselineSplitScore {
  /** 0–1. */
  accuracy: number;
  /** Unweighted mean of the per-class F1 scores, 0–1. */
  macroF1: number;
  /** Texts scored. */
  rows: number;
}

/** A finished baseline: what the page shows and metadata.json's metrics.baseline keeps. */
export interface BaselineSummary {
  /** In plain words, e.g. "TF-IDF of word 1–2-grams + logistic regression (L2, C = 10)". */
  method: string;
  validation: BaselineSplitScore;
  /** Null when the run holds out no test rows. */
  test: BaselineSplitScore | null;
  analyzer: Analyzer;
  /** Why that analyzer, one sentence. */
  analyzerReason: string;
  /** Terms kept (columns of the TF-IDF matrix). */
  features: number;
  /** Training texts fitted on. */
  trainRows: number;
  /** Training rows of the run when only a sample of them was fitted on; null otherwise. */
  sampledFrom: number | null;
  /** L-BFGS iterations. */
  iterations: number;
  /** Wall time of fit and scoring, ms. */
  elapsedMs: number;
}

/**
 * The job for a run's split: training rows (a seeded sample past BASELINE_MAX_TRAIN_ROWS),
 * validation and test rows, with only their texts copied (they travel to the baseline's worker).
 */
export function baselineJob(
  texts: readonly string[],
  labels: ArrayLike<number>,
  classCount: number,
  split: { train: ArrayLike<number>; validation: ArrayLike<number>; test: ArrayLike<number> },
  seed: number,
  maxTrainRows = BASELINE_MAX_TRAIN_ROWS,
): BaselineJob {
  let train = Int32Array.from(split.train);
  const sampledFrom = train.length > maxTrainRows ? train.length : null;
  if (sampledFrom !== null) {
    // Partial Fisher–Yates: the first maxTrainRows places hold a uniform seeded sample.
    const random = mulberry32(seed);
    for (let i = 0; i < maxTrainRows; i++) {
      const j = i + Math.floor(random() * (train.length - i));
      [train[i], train[j]] = [train[j], train[i]];
    }
    train = train.slice(0, maxTrainRows).sort();
  }
  const out: string[] = [];
  const outLabels: number[] = [];
  const renumber = (rows: ArrayLike<number>) =>
    Int32Array.from(rows, (row) => {
      out.push(texts[row]);
      outLabels.push(labels[row]);
      return out.length - 1;
    });
  const trainRows = renumber(train);
  const validationRows = renumber(split.validation);
  const testRows = renumber(split.test);
  return { texts: out, labels: Int32Array.from(outLabels), classCount, trainRows, validationRows, testRows, seed, sampledFrom };
}

/** The method in plain words, for the UI and metadata.json. */
export function baselineMethod(analyzer: Analyzer): string {
  return `TF-IDF of ${analyzer === 'word' ? 'word 1–2-grams' : 'character 1–3-grams'} + logistic regression (L2, C = ${BASELINE_C})`;
}

/**
 * Fits on the job's training rows and scores its validation and test rows. `clock` gives ms
 * (performance.now where there is one); isCancelled and onProgress as in BaselineInput.
 */
export function runBaselineJob(
  job: BaselineJob,
  clock: () => number,
  hooks: { isCancelled?: () => boolean; onProgress?: (fraction: number) => void } = {},
): BaselineSummary {
  const started = clock();
  const input = { ...job, ...hooks };
  const model = fitBaseline(input, 0.9);
  const validation = scoreBaseline(model, { ...input, onProgress: (f) => hooks.onProgress?.(0.9 + 0.05 * f) }, job.validationRows);
  const test = job.testRows.length > 0 ? scoreBaseline(model, { ...input, onProgress: (f) => hooks.onProgress?.(0.95 + 0.05 * f) }, job.testRows) : null;
  const score = (s: typeof validation, rows: number): BaselineSplitScore => ({ accuracy: s.accuracy, macroF1: s.macroF1, rows });
  hooks.onProgress?.(1);
  return {
    method: baselineMethod(model.analyzer),
    validation: score(validation, job.validationRows.length),
    test: test && score(test, job.testRows.length),
    analyzer: model.analyzer,
    analyzerReason: model.analyzerReason,
    features: model.tfidf.idf.length,
    trainRows: job.trainRows.length,
    sampledFrom: job.sampledFrom,
    iterations: model.iterations,
    elapsedMs: clock() - started,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isShare = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isScore = (v: unknown): v is BaselineSplitScore => isObject(v) && isShare(v.accuracy) && isShare(v.macroF1) && isCount(v.rows);

/**
 * A baseline summary read from a file (metadata.json of an imported bundle), or null when it
 * is absent or not the shape the studio writes: such a file is data, not trusted.
 */
export function readBaselineSummary(value: unknown): BaselineSummary | null {
  if (!isObject(value)) return null;
  const v = value;
  const ok =
    typeof v.method === 'string' &&
    isScore(v.validation) &&
    (v.test === null || isScore(v.test)) &&
    (v.analyzer === 'word' || v.analyzer === 'char') &&
    typeof v.analyzerReason === 'string' &&
    isCount(v.features) &&
    isCount(v.trainRows) &&
    (v.sampledFrom === null || isCount(v.sampledFrom)) &&
    isCount(v.iterations) &&
    typeof v.elapsedMs === 'number' &&
    v.elapsedMs >= 0;
  return ok ? (v as unknown as BaselineSummary) : null;
}
