import type { Dataset } from '../../core/data/dataset';
import { stratifiedSplit, type Split } from '../../core/data/split';
import { validateModelSpec } from '../../core/model/modelSpec';
import { encodeTexts } from '../../core/text/padSequences';
import { fitTokenizer, type TokenizerState } from '../../core/text/tokenizer';
import { resolveTokenizer } from '../../core/text/tokenizerMode';
import { validateTrainConfig } from '../../core/train/trainConfig';
import type { TrainRequest } from '../../protocol/messages';
import { session } from '../session';
import type { Encoded } from './trainer';

/** The data of one run: the seeded split, the tokenizer fitted on its training rows, every row encoded. */
export interface RunData {
  dataset: Dataset;
  split: Split;
  tokenizer: TokenizerState;
  data: Encoded;
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
  const problems = [...validateModelSpec(request.spec, dataset.classes.length), ...validateTrainConfig(request.config)];
  if (problems.length) throw new Error(problems.map((p) => p.message).join(' '));
  return dataset;
}

/**
 * Splits the rows (seeded, per class), fits the tokenizer on the training rows only (the
 * validation texts must stay unseen) and encodes every row, so evaluation can read any split.
 */
export function prepareData(dataset: Dataset, request: TrainRequest): RunData {
  const { spec, config } = request;
  const labels = dataset.labels;
  const split = stratifiedSplit(labels, { validation: config.validationSplit, test: config.testSplit, seed: config.seed });
  if (split.validation.length === 0) throw new Error('The validation split is empty: add more rows or raise the validation split.');
  const trainTexts = Array.from(split.train, (i) => dataset.texts[i]);
  // The Preprocess step's options; 'auto' is decided on these same training texts.
  const tokenizer = fitTokenizer(trainTexts, resolveTokenizer(request.tokenizer, spec.vocabSize, trainTexts).config);
  const data: Encoded = {
    ids: encodeTexts(tokenizer, dataset.texts, { maxlen: spec.sequenceLength }),
    labels,
    sequenceLength: spec.sequenceLength,
    classCount: dataset.classes.length,
  };
  return { dataset, split, tokenizer, data };
}
