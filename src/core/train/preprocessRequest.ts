/**
 * The Preprocess statistics request for the page's current settings: the tokenizer options, the
 * model's vocabulary and kernel sizes, and the training configuration's split, so the
 * statistics describe exactly the rows a run will train on.
 */
import type { ModelSpec } from '../model/modelSpec';
import type { PreprocessStatsRequest } from '../text/preprocessReport';
import type { TokenizerOptions } from '../text/tokenizerMode';
import type { TrainConfig } from './trainConfig';

/** The statistics request for the page's current settings (split from the training config, so stats match training). */
export function statsRequestFor(tokenizer: TokenizerOptions, spec: ModelSpec, train: TrainConfig): PreprocessStatsRequest {
  const kernels = spec.layers.flatMap((l) => (l.kind === 'conv1d' ? l.kernelSizes : []));
  return {
    tokenizer,
    vocabSize: spec.vocabSize,
    minSequenceLength: Math.max(1, ...kernels),
    validationSplit: train.validationSplit,
    testSplit: train.testSplit,
    seed: train.seed,
  };
}
