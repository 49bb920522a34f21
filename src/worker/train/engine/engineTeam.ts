import type { EnginePlan } from '../../../core/train/enginePlan';
import { mulberry32 } from '../../../core/random';
import type { TrainConfig } from '../../../core/train/trainConfig';
import { TextCnnEngine, type EngineConfig } from './engine';
import type { NamedWeights } from './engineWeights';
import { concatGradients } from './gradientTransfer';
import { loadKernel } from './kernelModule';
import { canShareMemory, GradientExchange } from './sharedExchange';
import { DROPOUT_SEED_MIX, type FromHelper, type ToHelper } from './splitProtocol';

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
  /** false forces the message exchange even where memory can be shared (tests, the bench's comparison). */
  shareMemory?: boolean;
}

/** How long the lead waits for the helper's gradients on shared memory before giving up. */
const HELPER_TIMEOUT_MS = 60_000;

/**
 * The engine as the trainer runs it: the lead engine in this worker and, optionally, a helper
 * worker with a replica. Each step, both compute the gradients of half the batch at once.
 * On a cross-origin isolated page they exchange them through shared memory (GradientExchange):
 * each adds the other's and applies the optimizer itself, with no copy of weights and no
 * message. Otherwise the helper sends its gradients by message; the lead sums them, applies the
 * optimizer and sends the sum, which the helper applies to its replica with the same optimizer
 * state. Either way both hold the same weights after every step.
 */
export class EngineTeam {
  private pending: { resolve: (m: Extract<FromHelper, { type: 'gradients' }>) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;
  /** Steps and releases ordered on the exchange so far. */
  private go = 0;

  private constructor(
    readonly lead: TextCnnEngine,
    private readonly helper: Worker | null,
    private readonly exchange: GradientExchange | null,
  ) {
    if (helper) {
      helper.onmessage = (event: MessageEvent<FromHelper>) => this.receive(event.data);
      helper.onerror = (event) => this.fail(new Error(`The engine's second worker crashed: ${event.message || 'no message'}.`));
    }
  }

  static async start(plan: EnginePlan, config: TeamConfig, start: TeamStart): Promise<EngineTeam> {
    const { weights, ids, labels, classWeights } = start;
    const lead = new TextCnnEngine(await loadKernel(), plan, config, classWeights, mulberry32(config.seed ^ DROPOUT_SEED_MIX));
    lead.setWeights(weights);
    if (start.workers < 2) return new EngineTeam(lead, null, null);
    const length = lead.slots().reduce((n, s) => n + s.grad.length, 0);
    const exchange = start.shareMemory !== false && canShareMemory() ? GradientExchange.create(config.batchSize, length, plan.classCount) : null;
    const helper = new Worker(new URL('./helperWorker.ts', import.meta.url), { type: 'module', name: 'engine-helper' });
    const ready = new Promise<void>((resolve, reject) => {
      helper.onmessage = (event: MessageEvent<FromHelper>) =>
        event.data.type === 'ready' ? resolve() : reject(new Error(event.data.type === 'error' ? event.data.message : 'unexpected message'));
      helper.onerror = (event) => reject(new Error(`The engine's second worker failed to start: ${event.message || 'no message'}.`));
    });
    helper.postMessage({ type: 'init', plan, config, classWeights, weights, ids, labels, shared: exchange?.buffer ?? null } satisfies ToHelper);
    try {
      await ready;
    } catch (error) {
      helper.terminate();
      throw error;
    }
    const team = new EngineTeam(lead, helper, exchange);
    if (exchange) team.send({ type: 'loop' });
    return team;
  }

  get workers(): number {
    return this.helper ? 2 : 1;
  }

  /** How the two workers exchange gradients, for the status details (null with one worker). */
  get exchangeNote(): string | null {
    if (!this.helper) return null;
    if (this.exchange) return 'gradients exchanged through shared memory';
    return canShareMemory()
      ? 'gradients exchanged by message'
      : 'gradients exchanged by message: this page is not cross-origin isolated, so workers cannot share memory';
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
    if (!this.helper) {
      const { loss, accuracy } = this.lead.step(ids, labels, rows, start, n);
      return [loss, accuracy];
    }
    // The helper takes the second half, even when it is empty (a batch of one): its replica still steps.
    const own = n - (n >> 1);
    if (this.exchange) return this.sharedStep(this.exchange, ids, labels, rows, start, own, end);
    const answer = new Promise<Extract<FromHelper, { type: 'gradients' }>>((resolve, reject) => (this.pending = { resolve, reject }));
    this.send({ type: 'gradients', rows: rows.slice(start + own, end), total: n });
    const mine = this.lead.computeGradients(ids, labels, rows, start, own, { total: n, penalties: true, offset: 0 });
    const theirs = await answer;
    this.lead.addGradients(theirs.gradients);
    this.lead.applyGradients();
    const sum = concatGradients(this.lead.slots());
    this.send({ type: 'apply', gradients: sum, learningRate: this.lead.learningRate }, [sum.buffer]);
    return [mine.loss + theirs.loss, mine.accuracy + theirs.accuracy];
  }

  /** One step on shared memory: both halves at once, each side sums and applies the optimizer itself. */
  private sharedStep(ex: GradientExchange, ids: Int32Array, labels: Int32Array, rows: Int32Array, start: number, own: number, end: number): [number, number] {
    if (this.failure) throw this.failure;
    const step = ++this.go;
    const n = end - start;
    ex.order(step, rows.subarray(start + own, end), n, this.lead.learningRate);
    const mine = this.lead.computeGradients(ids, labels, rows, start, own, { total: n, penalties: true, offset: 0 });
    const slots = this.lead.slots();
    ex.publish('lead', step, slots);
    if (!ex.awaitOther('lead', step, HELPER_TIMEOUT_MS)) {
      this.failure ??= new Error(ex.failed ? "The engine's second worker failed." : `The engine's second worker did not answer within ${HELPER_TIMEOUT_MS / 1000} s.`);
      throw this.failure;
    }
    this.lead.addGradients(ex.other('lead', step));
    this.lead.applyGradients();
    const [loss, accuracy] = ex.helperScores;
    return [mine.loss + loss, mine.accuracy + accuracy];
  }

  /**
   * Class probabilities for rows[start, start + n), n ≤ batchSize, into out at outOffset. On
   * shared memory the helper predicts the second half meanwhile (validation after each epoch).
   */
  predict(ids: Int32Array, rows: Int32Array, start: number, n: number, out: Float32Array, outOffset: number): void {
    const ex = this.exchange;
    if (!ex || n < 2) return this.lead.predict(ids, rows, start, n, out, outOffset);
    if (this.failure) throw this.failure;
    const step = ++this.go;
    const own = n - (n >> 1);
    ex.orderPrediction(step, rows.subarray(start + own, start + n));
    this.lead.predict(ids, rows, start, own, out, outOffset);
    if (!ex.awaitOther('lead', step, HELPER_TIMEOUT_MS)) {
      this.failure ??= new Error(ex.failed ? "The engine's second worker failed." : `The engine's second worker did not answer within ${HELPER_TIMEOUT_MS / 1000} s.`);
      throw this.failure;
    }
    const K = this.lead.plan.classCount;
    out.set(ex.probabilities.subarray(0, (n - own) * K), outOffset + own * K);
  }

  set learningRate(rate: number) {
    this.lead.learningRate = rate;
  }

  setWeights(weights: NamedWeights): void {
    this.lead.setWeights(weights);
    if (!this.helper) return;
    // On shared memory the helper is blocked waiting for steps: release it, then send it back.
    this.exchange?.release(++this.go);
    this.send({ type: 'weights', weights });
    if (this.exchange) this.send({ type: 'loop' });
  }

  dispose(): void {
    this.helper?.terminate();
  }
}
