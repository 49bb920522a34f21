import type { EnginePlan } from '../../../core/train/enginePlan';
import type { OptimizerName } from '../../../core/train/trainConfig';
import type { NamedWeights } from './engine';

/** The lead engine → the helper worker that trains the second half of every batch. */
export type ToHelper =
  | {
      type: 'init';
      plan: EnginePlan;
      batchSize: number;
      optimizer: OptimizerName;
      learningRate: number;
      classWeights: number[] | null;
      seed: number;
      weights: NamedWeights;
      ids: Int32Array;
      labels: Int32Array;
    }
  /** Gradients for rows (this part of a batch of `total`), with no penalties: the lead adds them. */
  | { type: 'gradients'; rows: Int32Array; total: number }
  /** The whole batch's gradients, every slot concatenated: apply them as the lead does. */
  | { type: 'apply'; gradients: Float32Array; learningRate: number }
  | { type: 'weights'; weights: NamedWeights };

export type FromHelper =
  | { type: 'ready' }
  | { type: 'gradients'; gradients: Float32Array; loss: number; accuracy: number }
  | { type: 'error'; message: string };
