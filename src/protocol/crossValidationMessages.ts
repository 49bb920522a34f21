/** The cross-validation's request and result (its messages are in messages.ts' ToWorker and FromWorker). */
import type { FoldResult } from '../core/eval/crossValidation';
import type { BackendInfo, TrainRequest } from './messages';

/** Cross-validation of the Train step's settings: k stratified folds of the loaded dataset. */
export interface CrossValidateRequest extends TrainRequest {
  /** 3–10. */
  folds: number;
  /** Also score the TF-IDF + logistic regression baseline on every fold. */
  baseline: boolean;
}

/** A finished cross-validation. */
export interface CrossValidationResult {
  folds: FoldResult[];
  /** The seed the folds were drawn with (the training seed). */
  seed: number;
  examples: number;
  /** What trained the folds' CNNs. */
  backend: BackendInfo;
  /** Wall time, ms. */
  ms: number;
  /** Why the baseline could not be scored (the fold where it failed and those after have none); null when it was, or not asked for. */
  baselineProblem: string | null;
}
