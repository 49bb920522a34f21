/**
 * Everything the Preprocess step shows, computed in one pass over a dataset exactly as a
 * training run will see it: the same stratified split, the tokenizer fitted on the training
 * split only, token counts of the training texts, the out-of-vocabulary rate of the
 * validation texts.
 */
import {
  lengthStats,
  oovStats,
  sortedCounts,
  suggestSequenceLength,
  vocabularyStats,
  type LengthStats,
  type OovStats,
  type VocabularyStats,
} from './preprocessStats';
import { stratifiedSplit } from '../data/split';
import { fitTokenizer } from './tokenizer';
import { describeTokenizerConfig, resolveTokenizer, type ModeChoice, type TokenizerDescription, type TokenizerOptions } from './tokenizerMode';

export interface PreprocessStatsRequest {
  tokenizer: TokenizerOptions;
  /** Keras num_words: the model's "Vocabulary size". */
  vocabSize: number;
  /** The suggested sequence length is at least this many tokens (the largest kernel size). */
  minSequenceLength: number;
  /** The training configuration's split, so the statistics are about the rows training will use. */
  validationSplit: number;
  testSplit: number;
  seed: number;
}

export interface PreprocessStats {
  /** How the tokenizer reads text ('auto' resolved). */
  tokenizer: TokenizerDescription;
  /** What the automatic choice is for this data, with its reason (also when overridden). */
  auto: ModeChoice;
  trainTexts: number;
  validationTexts: number;
  /** Tokens per training text after the vocabulary cut-off. */
  lengths: LengthStats;
  /** The same counts, ascending, so the page can count truncated texts for any length at once. */
  sortedLengths: Int32Array;
  /** p95 of the counts, capped at 1,000 tokens and at least minSequenceLength. */
  suggestedSequenceLength: number;
  vocabulary: VocabularyStats;
  /** Out-of-vocabulary rate of the validation texts under the training split's vocabulary. */
  validationOov: OovStats;
}

/** Computes the Preprocess statistics of `texts`/`labels` for `request` (throws with a readable message). */
export function computePreprocessStats(texts: readonly string[], labels: ArrayLike<number>, request: PreprocessStatsRequest): PreprocessStats {
  const { vocabSize, minSequenceLength, validationSplit, testSplit, seed } = request;
  if (!Number.isInteger(vocabSize) || vocabSize < 2) throw new Error('Vocabulary size must be a whole number of at least 2: change it in the Model step.');
  const split = stratifiedSplit(labels, { validation: validationSplit, test: testSplit, seed });
  const trainTexts = Array.from(split.train, (i) => texts[i]);
  const validationTexts = Array.from(split.validation, (i) => texts[i]);
  const resolved = resolveTokenizer(request.tokenizer, vocabSize, trainTexts);
  const state = fitTokenizer(trainTexts, resolved.config);
  const sorted = sortedCounts(state, trainTexts);
  const lengths = lengthStats(sorted);
  return {
    tokenizer: describeTokenizerConfig(resolved.config),
    auto: resolved.auto,
    trainTexts: trainTexts.length,
    validationTexts: validationTexts.length,
    lengths,
    sortedLengths: sorted,
    suggestedSequenceLength: suggestSequenceLength(lengths.percentiles.p95, minSequenceLength),
    vocabulary: vocabularyStats(state),
    validationOov: oovStats(state, validationTexts),
  };
}
