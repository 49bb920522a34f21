import type { Dataset } from '../../core/data/dataset';
import { stratifiedSplit, type Split } from '../../core/data/split';
import { validateModelSpec } from '../../core/model/modelSpec';
import { encodeTexts } from '../../core/text/padSequences';
import { augmentRows, augmentSizeProblem, unknownTokenId } from '../../core/train/augment';
import { fitTokenizer, type TokenizerState } from '../../core/text/tokenizer';
import { resolveTokenizer } from '../../core/text/tokenizerMode';
import { validateTrainConfig } from '../../core/train/trainConfig';
import type { TrainRequest } from '../../protocol/messages';
import { session } from '../session';
import type { Encoded } from './trainer';
import type { TestFileReport } from '../../core/data/testFile';
import { withTestFile } from '../data/testFileSteps';

/** The data of one run: the seeded split, the tokenizer fitted on its training rows, every row encoded. */
export interface RunData {
  /** The data, followed by a separate test file's rows when one is used (then `split.test` indexes those). */
  dataset: Dataset;
  /** Rows of the dataset: `split.train` are the original training texts only. */
  split: Split;
  /** The separate test file the test split is, or null when the test split comes from the data. */
  testFile: TestFileReport | null;
  /** Rows of the data itself (the dataset's first rows; the rest are the test file's). */
  dataRows: number;
  tokenizer: TokenizerState;
  /** Every dataset row at its index, then the augmented copies (when augmentation is on). */
  data: Encoded;
  /** What the loop trains on: split.train, then the augmented rows of `data`. */
  trainRows: Int32Array;
  /** Training texts added by augmentation (0: off). */
  augmented: number;
}

/**
 * Checks that a run can start (a mapped dataset, no run in progress, a valid spec and config)
 * and returns the dataset to train on. Checked before any backend starts, so a wrong setting
 * answers at once.
 */
export async function readyToTrain(request: TrainRequest): Promise<Dataset> {
  // The page enables Train when a run reports "done"; its evaluation may still be on its way.
  await session.evaluating;
  const dataset = session.dataset;
  if (!dataset) throw new Error('Load a dataset and choose its columns before training.');
  if (session.run) throw new Error('A training run is already in progress: stop it before starting another.');
  if (session.experiment) throw new Error(`${capitalized(session.experiment.what)} is in progress: cancel it or let it finish before training.`);
  checkRequest(request, dataset.classes.length);
  return dataset;
}

/** Throws the model spec's and training settings' problems in plain words, if any. */
export function checkRequest(request: TrainRequest, classCount: number): void {
  const problems = [...validateModelSpec(request.spec, classCount), ...validateTrainConfig(request.config)];
  if (problems.length) throw new Error(problems.map((p) => p.message).join(' '));
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Splits the rows (seeded, per class), fits the tokenizer on the training rows only (the
 * validation texts must stay unseen) and encodes every row, so evaluation can read any split.
 */
export function prepareData(data: Dataset, request: TrainRequest): RunData {
  const { config } = request;
  // A separate test file is the test split: the data splits into training and validation only.
  const withTest = withTestFile(data);
  const dataSplit = stratifiedSplit(data.labels, { validation: config.validationSplit, test: withTest ? 0 : config.testSplit, seed: config.seed });
  if (dataSplit.validation.length === 0) throw new Error(emptyValidationMessage(data.labels, data.classes.length));
  if (!withTest) return encodeRun(data, request, dataSplit);
  const run = encodeRun(withTest.dataset, request, { ...dataSplit, test: withTest.test });
  return { ...run, testFile: withTest.report, dataRows: data.texts.length };
}

/**
 * The data of a run on rows already chosen (a split, or a cross-validation fold): the tokenizer
 * fitted on `split.train` only and every row encoded with it, so any row can be read by index;
 * then, when augmentation is on, the changed copies of the `split.train` rows (only those).
 */
export function encodeRun(dataset: Dataset, request: TrainRequest, split: Split): RunData {
  const { spec, config } = request;
  const copies = config.augment?.copies ?? 0;
  const tooBig = augmentSizeProblem(split.train.length, copies, spec.sequenceLength);
  if (tooBig) throw new Error(tooBig);
  const trainTexts = Array.from(split.train, (i) => dataset.texts[i]);
  // The Preprocess step's options; 'auto' is decided on these same training texts.
  const tokenizer = fitTokenizer(trainTexts, resolveTokenizer(request.tokenizer, spec.vocabSize, trainTexts).config);
  const encoded: Encoded = {
    ids: encodeTexts(tokenizer, dataset.texts, { maxlen: spec.sequenceLength }),
    labels: dataset.labels,
    sequenceLength: spec.sequenceLength,
    classCount: dataset.classes.length,
  };
  const base = { dataset, split, tokenizer, testFile: null, dataRows: dataset.texts.length };
  if (!config.augment || copies === 0) return { ...base, data: encoded, trainRows: split.train, augmented: 0 };
  // After the split and on encoded ids: held-out rows are neither read nor changed (core/train/augment.ts).
  const more = augmentRows(encoded, split.train, config.augment, { seed: config.seed, unknownId: unknownTokenId(tokenizer) });
  return { ...base, data: { ...encoded, ids: more.ids, labels: more.labels }, trainRows: more.train, augmented: more.added };
}

/** The data itself, without a test file's rows: what the model's fingerprint and example count describe. */
export function dataOf(run: RunData): Dataset {
  const { dataset, dataRows } = run;
  if (dataRows === dataset.texts.length) return dataset;
  return { texts: dataset.texts.slice(0, dataRows), labels: dataset.labels.subarray(0, dataRows), classes: dataset.classes };
}

/**
 * Why the validation split is empty, and what helps: a class with fewer than 3 rows stays in
 * training only, so when no class has 3 the split's size cannot help.
 */
export function emptyValidationMessage(labels: ArrayLike<number>, classCount: number): string {
  const perClass = new Array<number>(classCount).fill(0);
  for (let i = 0; i < labels.length; i++) perClass[labels[i]]++;
  if (perClass.some((n) => n >= 3)) return 'The validation split is empty: add more rows or raise the validation split.';
  const n = classCount.toLocaleString('en-US');
  return (
    `The validation split is empty: each of the ${n} classes has fewer than 3 examples (${labels.length.toLocaleString('en-US')} rows in all), and such a class stays in training only, ` +
    'so a larger validation split cannot help. Too many classes for the data: merge labels into fewer classes, or choose a different Label column in Data.'
  );
}
