import type { EnginePlan } from '../../../core/train/enginePlan';
import type { TeamConfig } from './engineTeam';
import type { NamedWeights } from './engineWeights';

/**
 * Mixed into the run's seed for the dropout masks. The lead and the helper draw the same
 * sequence, each keeping its own rows' masks (BatchPart.offset): together, one engine's masks.
 */
export const DROPOUT_SEED_MIX = 0x5bd1e995;

/** The lead engine → the helper worker that trains the second half of every batch. */
export type ToHelper =
  | {
      type: 'init';
      plan: EnginePlan;
      /** The run's TrainConfig, as the training request carried it. */
      config: TeamConfig;
      /** Per-class loss weights of the run, or null. */
      classWeights: number[] | null;
      /** The lead's starting weights. */
      weights: NamedWeights;
      ids: Int32Array;
      labels: Int32Array;
      /** The GradientExchange's buffer when the page is cross-origin isolated; null: gradients travel by message. */
      shared: SharedArrayBuffer | null;
    }
  /** Shared memory only: wait for steps on the exchange (blocking) until the lead releases the helper. */
  | { type: 'loop' }
  /** Gradients for rows (this part of a batch of `total`), with no penalties: the lead adds them. */
  | { type: 'gradients'; rows: Int32Array; total: number }
  /** The whole batch's gradients, every slot concatenated: apply them as the lead does. */
  | { type: 'apply'; gradients: Float32Array; learningRate: number }
  | { type: 'weights'; weights: NamedWeights };

export type FromHelper =
  | { type: 'ready' }
  | { type: 'gradients'; gradients: Float32Array; loss: number; accuracy: number }
  | { type: 'error'; message: string };
