import type { EnginePlan } from '../../../core/train/enginePlan';
import { mulberry32 } from '../../../core/random';
import type { TrainConfig } from '../../../core/train/trainConfig';
import { TextCnnEngine, type EngineConfig } from './engine';
import type { NamedWeights } from './engineWeights';
import { addGradients, concatGradients } from './gradientTransfer';
import { loadKernel } from './kernelModule';
import { LEAD_SEED_MIX, type FromHelper, type ToHelper } from './splitProtocol';

/** The settings the team reads: the run's TrainConfig itself (the engines' and the seed of their dropout masks). */
export type TeamConfig = EngineConfig & Pick<TrainConfig, 'seed'>;

/** What the team starts from besides the config: the run's data and what it derived from it. */
export interface TeamStart {
  /** The tfjs model's seeded initial weights: every engine starts from them. */
  weights: NamedWeights;
  /** Encoded rows (rows × sequence length) and their class indices. */
  ids: Int32Array;
  labels: Int32Array;
  /** Per-class loss weights from the training rows, or null. */
  classWeights: number[] | null;
  /** 2 adds a helper worker that trains the second half of every batch. */
  workers: 1 | 2;
}

/**
 * The engine as the trainer runs it: the lead engine in this worker and, optionally, a helper
 * worker with a replica. Each step, both compute the gradients of half the batch at once; the
 * lead sums them, applies the optimizer and sends the sum, which the helper applies to its
 * replica with the same optimizer state, so both hold the same weights after every step.
 */
export class EngineTeam {
  private pending: { resolve: (m: Extract<FromHelper, { type: 'gradients' }>) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;

  private constructor(
    readonly lead: TextCnnEngine,
    private readonly helper: Worker | null,
  ) {
    if (helper) {
      helper.onmessage = (event: MessageEvent<FromHelper>) => this.receive(event.data);
      helper.onerror = (event) => this.fail(new Error(`The engine's second worker crashed: ${event.message || 'no message'}.`));
    }
  }

  static async start(plan: EnginePlan, config: TeamConfig, start: TeamStart): Promise<EngineTeam> {
    const { weights, ids, labels, classWeights } = start;
    const lead = new TextCnnEngine(await loadKernel(), plan, config, classWeights, mulberry32(config.seed ^ LEAD_SEED_MIX));
    lead.setWeights(weights);
    if (start.workers < 2) return new EngineTeam(lead, null);
    const helper = new Worker(new URL('./helperWorker.ts', import.meta.url), { type: 'module', name: 'engine-helper' });
    const ready = new Promise<void>((resolve, reject) => {
      helper.onmessage = (event: MessageEvent<FromHelper>) =>
        event.data.type === 'ready' ? resolve() : reject(new Error(event.data.type === 'error' ? event.data.message : 'unexpected message'));
      helper.onerror = (event) => reject(new Error(`The engine's second worker failed to start: ${event.message || 'no message'}.`));
    });
    helper.postMessage({ type: 'init', plan, config, classWeights, weights, ids, labels } satisfies ToHelper);
    try {
      await ready;
    } catch (error) {
      helper.terminate();
      throw error;
    }
    return new EngineTeam(lead, helper);
  }

  get workers(): number {
    return this.helper ? 2 : 1;
  }

  private receive(message: FromHelper): void {
    if (message.type === 'gradients') {
      this.pending?.resolve(message);
      this.pending = null;
    } else if (message.type === 'error') {
      this.fail(new Error(`The engine's second worker failed: ${message.message}`));
    }
  }

  private fail(error: Error): void {
    this.failure = error;
    this.pending?.reject(error);
    this.pending = null;
  }

  private send(message: ToHelper, transfer: Transferable[] = []): void {
    if (this.failure) throw this.failure;
    this.helper!.postMessage(message, transfer);
  }

  /** One optimizer step on rows[start, end): [loss, accuracy]. */
  async step(ids: Int32Array, labels: Int32Array, rows: Int32Array, start: number, end: number): Promise<[number, number]> {
    const n = end - start;
    if (!this.helper || n < 2) {
      const { loss, accuracy } = this.lead.step(ids, labels, rows, start, n);
      return [loss, accuracy];
    }
    const own = n - (n >> 1);
    const answer = new Promise<Extract<FromHelper, { type: 'gradients' }>>((resolve, reject) => (this.pending = { resolve, reject }));
    this.send({ type: 'gradients', rows: rows.slice(start + own, end), total: n });
    const mine = this.lead.computeGradients(ids, labels, rows, start, own, { total: n, penalties: true });
    const theirs = await answer;
    const slots = this.lead.slots();
    addGradients(slots, theirs.gradients);
    this.lead.applyGradients();
    const sum = concatGradients(slots);
    this.send({ type: 'apply', gradients: sum, learningRate: this.lead.learningRate }, [sum.buffer]);
    return [mine.loss + theirs.loss, mine.accuracy + theirs.accuracy];
  }

  set learningRate(rate: number) {
    this.lead.learningRate = rate;
  }

  setWeights(weights: NamedWeights): void {
    this.lead.setWeights(weights);
    if (this.helper) this.send({ type: 'weights', weights });
  }

  dispose(): void {
    this.helper?.terminate();
  }
}
