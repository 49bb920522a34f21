import type { Slot } from './optimizer';

/** Which engine of a two-worker team: the lead (the training worker) or its helper. */
export type Side = 'lead' | 'helper';

// Control words (Int32, one per index).
const GO = 0; // the lead's step counter: bumped when the helper's rows (or a command) are written
const CMD = 1; // what GO asks for
const ROWS = 2; // the helper's row count this step
const TOTAL = 3; // samples in the whole batch
const DONE = { lead: 4, helper: 5 } as const; // each side's count of gradients written
const FAILED = 6; // 1 once the helper failed (its message follows by postMessage)
const CONTROL_BYTES = 64;
// Float64 after the control words: learning rate, the helper's loss and accuracy share.
const LEARNING_RATE = 0;
const LOSS = 1;
const ACCURACY = 2;
const NUMBER_BYTES = 64;

/**
 * Commands the lead gives through GO: a training step; class probabilities for the rows (the
 * helper's half of a validation chunk); or leave the blocking loop and go back to handling
 * messages (new weights, then 'loop').
 */
export type Command = 'step' | 'predict' | 'release';
const COMMANDS: Command[] = ['step', 'predict', 'release'];

const align16 = (n: number) => Math.ceil(n / 16) * 16;

/**
 * The two engines' gradient exchange on one SharedArrayBuffer (cross-origin isolated pages):
 * each step the lead writes the helper's rows and bumps GO; both compute the gradients of their
 * part; each writes them to its own region and bumps its DONE; each adds the other's to its own
 * and applies the optimizer itself. Float addition is commutative, so both replicas stay
 * bitwise equal with no copy of weights and no message. Gradient regions alternate by step
 * parity: a side reads the other's step-k gradients while the other may already write step k+1's.
 */
export class GradientExchange {
  private readonly control: Int32Array;
  private readonly numbers: Float64Array;
  readonly rows: Int32Array;
  private readonly grads: Record<Side, [Float32Array, Float32Array]>;
  /** The helper's class probabilities for a 'predict' (rows × classes). */
  readonly probabilities: Float32Array;

  constructor(
    readonly buffer: SharedArrayBuffer,
    readonly batchSize: number,
    readonly gradientLength: number,
    readonly classCount: number,
  ) {
    this.control = new Int32Array(buffer, 0, CONTROL_BYTES / 4);
    this.numbers = new Float64Array(buffer, CONTROL_BYTES, NUMBER_BYTES / 8);
    const rowsAt = CONTROL_BYTES + NUMBER_BYTES;
    this.rows = new Int32Array(buffer, rowsAt, batchSize);
    let at = align16(rowsAt + batchSize * 4);
    const region = () => {
      const view = new Float32Array(buffer, at, gradientLength);
      at = align16(at + gradientLength * 4);
      return view;
    };
    this.grads = { lead: [region(), region()], helper: [region(), region()] };
    this.probabilities = new Float32Array(buffer, at, batchSize * classCount);
  }

  static bytes(batchSize: number, gradientLength: number, classCount: number): number {
    return align16(CONTROL_BYTES + NUMBER_BYTES + batchSize * 4) + 4 * align16(gradientLength * 4) + batchSize * classCount * 4;
  }

  /** A fresh exchange for a team (the buffer goes to the helper in its 'init' message). */
  static create(batchSize: number, gradientLength: number, classCount: number): GradientExchange {
    const bytes = GradientExchange.bytes(batchSize, gradientLength, classCount);
    return new GradientExchange(new SharedArrayBuffer(bytes), batchSize, gradientLength, classCount);
  }

  // ---- the lead's side ----

  /** Step `step` (counted from 1): the helper's rows, the batch size and the learning rate, then GO. */
  order(step: number, rows: Int32Array, total: number, learningRate: number): void {
    this.rows.set(rows);
    Atomics.store(this.control, ROWS, rows.length);
    Atomics.store(this.control, TOTAL, total);
    this.numbers[LEARNING_RATE] = learningRate;
    this.signal(GO, step, 'step');
  }

  /** Order `step`: the helper's class probabilities for these rows, into `probabilities`. */
  orderPrediction(step: number, rows: Int32Array): void {
    this.rows.set(rows);
    Atomics.store(this.control, ROWS, rows.length);
    this.signal(GO, step, 'predict');
  }

  /** The helper's answer to a 'predict' (its probabilities written): wakes the lead. */
  predicted(step: number): void {
    this.signal(DONE.helper, step);
  }

  /** Sends the helper back to its message loop (GO without rows). */
  release(step: number): void {
    this.signal(GO, step, 'release');
  }

  private signal(word: number, value: number, command?: Command): void {
    if (command !== undefined) Atomics.store(this.control, CMD, COMMANDS.indexOf(command));
    Atomics.store(this.control, word, value);
    Atomics.notify(this.control, word);
  }

  // ---- the helper's side ----

  /** Blocks until the lead's GO passes `seen`; returns its command. */
  awaitOrder(seen: number): Command {
    while (Atomics.load(this.control, GO) === seen) Atomics.wait(this.control, GO, seen);
    return COMMANDS[Atomics.load(this.control, CMD)];
  }

  get step(): number {
    return Atomics.load(this.control, GO);
  }

  /** What the lead's last 'step' asks of the helper. */
  readOrder(): { rows: Int32Array; total: number; learningRate: number } {
    const n = Atomics.load(this.control, ROWS);
    return { rows: this.rows.subarray(0, n), total: Atomics.load(this.control, TOTAL), learningRate: this.numbers[LEARNING_RATE] };
  }

  /** The helper's loss and accuracy shares of the step (read by the lead after `awaitOther`). */
  set helperScores([loss, accuracy]: [number, number]) {
    this.numbers[LOSS] = loss;
    this.numbers[ACCURACY] = accuracy;
  }

  get helperScores(): [number, number] {
    return [this.numbers[LOSS], this.numbers[ACCURACY]];
  }

  /** Marks the helper failed and wakes the lead. */
  fail(): void {
    Atomics.store(this.control, FAILED, 1);
    Atomics.add(this.control, DONE.helper, 1);
    Atomics.notify(this.control, DONE.helper);
  }

  get failed(): boolean {
    return Atomics.load(this.control, FAILED) === 1;
  }

  // ---- both sides ----

  /** Writes this side's gradients of `step` (slot order) and says so. */
  publish(side: Side, step: number, slots: Slot[]): void {
    const out = this.grads[side][step & 1];
    let at = 0;
    for (const s of slots) {
      out.set(s.grad.a, at);
      at += s.grad.length;
    }
    this.signal(DONE[side], step);
  }

  /**
   * Waits until the other side has published its gradients of `step` (false after `timeoutMs`
   * or when the helper failed).
   */
  awaitOther(side: Side, step: number, timeoutMs: number): boolean {
    const word = DONE[side === 'lead' ? 'helper' : 'lead'];
    const until = performance.now() + timeoutMs;
    for (;;) {
      const now = Atomics.load(this.control, word);
      if (this.failed) return false;
      if (now >= step) return true;
      const left = until - performance.now();
      if (left <= 0) return false;
      Atomics.wait(this.control, word, now, left);
    }
  }

  /** The other side's gradients of `step` (valid until that side publishes step + 2). */
  other(side: Side, step: number): Float32Array {
    return this.grads[side === 'lead' ? 'helper' : 'lead'][step & 1];
  }
}

/** True where SharedArrayBuffer can be shared between workers: a cross-origin isolated page (or Node). */
export function canShareMemory(): boolean {
  return typeof SharedArrayBuffer === 'function' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated !== false;
}
