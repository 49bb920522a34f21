import type { EnginePlan } from '../../../core/train/enginePlan';
import type { TrainConfig } from '../../../core/train/trainConfig';
import { Arena, type F32 } from './arena';
import { activate } from './activations';
import { convBackward, headBackward } from './engineBackward';
import { allocateState, trainableSlots, type EngineState } from './engineState';
import { readNamedWeights, writeNamedWeights, type NamedWeights } from './engineWeights';
import type { EngineKernels, KernelFlavor, LoadedKernel } from './kernelModule';
import { EngineOptimizer, type Slot } from './optimizer';

/**
 * The training settings the engine reads: the run's TrainConfig itself, passed on unchanged.
 * batchSize (samples) is also the largest chunk it predicts at once.
 */
export type EngineConfig = Pick<TrainConfig, 'batchSize' | 'optimizer' | 'learningRate'>;

/** Which part of a batch a computeGradients call covers, when two engines split one batch. */
export interface BatchPart {
  /** Samples in the whole batch: losses and gradients are divided by it. */
  total: number;
  /** Whether this part adds the weight penalties (exactly one part does). */
  penalties: boolean;
  /**
   * The part's first row within the batch. Dropout draws the whole batch's masks and keeps this
   * part's rows, so engines with the same seed split a batch into the masks one engine draws.
   */
  offset: number;
}

const EPSILON = 1e-7;
const ONE_MINUS_EPSILON = Math.fround(1 - EPSILON);

/**
 * Trains the engine's model family (see enginePlan) on the CPU. The fused convolution + max
 * runs in WebAssembly SIMD straight from the embedding rows, as do the dense layers, the sparse
 * backward (engineBackward.ts) and the optimizers; TypeScript orchestrates on Float32Array
 * views of the module's memory (engineState.ts). The backward pass through global max pooling
 * is sparse: each (sample, filter) pair sends its gradient to its winning window only.
 *
 * Tie rule (as the tfjs-path fused step): when several windows share the maximum, the first
 * of them receives the gradient times the number of tied windows. tfjs gives each tied window
 * the full gradient; the two agree whenever the tied windows hold the same tokens, which is how
 * ties arise (identical all-padding windows).
 */
export class TextCnnEngine {
  readonly flavor: KernelFlavor;
  private readonly k: EngineKernels;
  private readonly s: EngineState;
  private readonly optimizer: EngineOptimizer;
  private readonly arena: Arena;
  /** Another worker's gradients, copied in to be added (allocated on first use). */
  private incoming: F32 | null = null;

  /**
   * @param classWeights per-class loss weights (Keras class_weight), or null
   * @param random uniform [0, 1) numbers for the dropout masks
   */
  constructor(
    private readonly loaded: LoadedKernel,
    readonly plan: EnginePlan,
    private readonly config: EngineConfig,
    private readonly classWeights: number[] | null,
    private readonly random: () => number,
  ) {
    this.flavor = loaded.flavor;
    this.k = loaded.kernels;
    this.arena = new Arena(loaded.memory);
    this.s = allocateState(this.arena, plan, config.batchSize);
    this.optimizer = new EngineOptimizer(this.k, this.arena, config.optimizer, config.learningRate, this.slots());
  }

  get batchSize(): number {
    return this.config.batchSize;
  }

  /** Bytes of WebAssembly memory the engine holds. */
  get wasmBytes(): number {
    return this.loaded.memory.buffer.byteLength;
  }

  get learningRate(): number {
    return this.optimizer.learningRate;
  }

  set learningRate(rate: number) {
    this.optimizer.learningRate = rate;
  }

  /** The trainable arrays in tfjs' trainableWeights order (a frozen embedding is not one). */
  slots(): Slot[] {
    return trainableSlots(this.s, this.plan);
  }

  // ---- weights in and out, in tfjs layouts ----

  setWeights(weights: NamedWeights): void {
    writeNamedWeights(this.s, this.plan, weights);
  }

  getWeights(): NamedWeights {
    return readNamedWeights(this.s, this.plan, (s) => s.value);
  }

  /** The last computed gradients, by layer name, in tfjs' layouts (for tests and checks). */
  gradients(): NamedWeights {
    const named = readNamedWeights(this.s, this.plan, (s) => s.grad);
    if (!this.plan.embeddingTrainable) named.delete('embedding');
    return named;
  }

  /** The dropout masks of the last training forward pass (scaled by 1 / (1 − rate)), in head order. */
  dropoutMasks(): Float32Array[] {
    return this.s.head.flatMap((h) => (h.kind === 'dropout' ? [h.mask.a] : []));
  }

  // ---- forward ----

  /** Copies the rows' token ids into the module's memory, checking them against the vocabulary. */
  private loadTokens(ids: Int32Array, rows: Int32Array, start: number, n: number): void {
    const L = this.plan.sequenceLength;
    const V = this.plan.vocabSize;
    const tokens = this.s.tokens.a;
    for (let i = 0; i < n; i++) {
      const row = rows[start + i];
      for (let t = 0, at = row * L; t < L; t++) {
        const id = ids[at + t];
        if (!(id >= 0 && id < V)) throw new Error(`Row ${row + 1} has token id ${id}, outside the vocabulary of ${V}.`);
        tokens[i * L + t] = id;
      }
    }
  }

  /** Convolution + global max pooling (+ the activation) for n loaded samples: fills pooled. */
  private convolve(n: number): void {
    const { embeddingDim: D, sequenceLength: L } = this.plan;
    const s = this.s;
    const P = s.paddedWidth;
    for (let i = 0; i < n; i++) {
      for (const b of s.branches) {
        const at = (i * P + b.paddedOffset) * 4;
        this.k.convMax(s.embedding.value.ptr, D, s.tokens.ptr + i * L * 4, L, b.weights.value.ptr, b.bias.value.ptr, b.kernelSize, b.paddedFilters, s.max.ptr + at, s.arg.ptr + at, s.ties.ptr + at);
      }
    }
    const max = s.max.a;
    const pooled = s.pooled.a;
    for (let i = 0; i < n; i++) {
      for (const b of s.branches) {
        const src = i * P + b.paddedOffset;
        const dst = i * s.pooledWidth + b.offset;
        for (let f = 0; f < b.filters; f++) {
          const m = max[src + f];
          pooled[dst + f] = b.activation === 'relu' && !(m > 0) ? 0 : m;
        }
      }
    }
  }

  /** The head on pooled; returns the output layer's probabilities (n × classes). */
  private headForward(n: number, part: BatchPart | null): Float32Array {
    let x = this.s.pooled;
    for (const h of this.s.head) {
      if (h.kind === 'dropout') {
        if (!part || h.rate === 0) continue;
        const keep = 1 / (1 - h.rate);
        const [mask, out, input] = [h.mask.a, h.out.a, x.a];
        // The rows before and after this part: drawn and dropped, as the other part draws them.
        this.skipRandom(part.offset * h.width);
        for (let j = 0; j < n * h.width; j++) {
          // tfjs: x / (1 − rate) × step(u − rate).
          mask[j] = this.random() - h.rate > 0 ? keep : 0;
          out[j] = input[j] * mask[j];
        }
        this.skipRandom((part.total - part.offset - n) * h.width);
        x = h.out;
        continue;
      }
      this.k.denseForward(x.ptr, n, h.inputs, h.kernel.value.ptr, h.bias.value.ptr, h.units, h.out.ptr);
      activate(h.out.a, n, h.units, h.activation);
      x = h.out;
    }
    return x.a;
  }

  private skipRandom(count: number): void {
    for (let j = 0; j < count; j++) this.random();
  }

  /** Class probabilities for rows[start, start + n), n ≤ batchSize, written to out at outOffset. */
  predict(ids: Int32Array, rows: Int32Array, start: number, n: number, out: Float32Array, outOffset = 0): void {
    this.loadTokens(ids, rows, start, n);
    this.convolve(n);
    out.set(this.headForward(n, null).subarray(0, n * this.plan.classCount), outOffset);
  }

  // ---- training ----

  /**
   * Loss, accuracy and every gradient for one batch (rows[start, start + n)), as tfjs'
   * trainOnBatch computes them: mean (class-weighted) categorical cross-entropy plus the dense
   * layers' L1/L2 penalties. Leaves the gradients in place for `applyGradients`. With `part`,
   * these rows are one part of a larger batch (see BatchPart); the loss returned is this part's
   * share and accuracy its count of correct rows over the whole batch.
   */
  computeGradients(
    ids: Int32Array, labels: Int32Array, rows: Int32Array, start: number, n: number,
    part: BatchPart = { total: n, penalties: true, offset: 0 },
  ): { loss: number; accuracy: number } {
    this.loadTokens(ids, rows, start, n);
    this.convolve(n);
    const probs = this.headForward(n, part);
    const K = this.plan.classCount;
    const dz = this.s.dLogits.a;
    const weights = this.classWeights;
    let loss = 0;
    let correct = 0;
    for (let i = 0; i < n; i++) {
      const y = labels[rows[start + i]];
      const o = i * K;
      let sum = 0;
      let best = 0;
      for (let c = 0; c < K; c++) {
        sum += probs[o + c];
        if (probs[o + c] > probs[o + best]) best = c;
      }
      if (best === y) correct++;
      const w = weights ? weights[y] : 1;
      // tfjs clips the (normalised) probability to [ε, 1 − ε]; outside it the gradient is zero.
      const q = Math.fround(weights ? probs[o + y] : probs[o + y] / sum);
      const clipped = q < EPSILON || q > ONE_MINUS_EPSILON;
      loss -= w * Math.log(Math.min(Math.max(q, EPSILON), ONE_MINUS_EPSILON));
      for (let c = 0; c < K; c++) dz[o + c] = clipped ? 0 : (w * (probs[o + c] - (c === y ? 1 : 0))) / part.total;
    }
    loss /= part.total;
    loss += headBackward(this.k, this.s, n, part.penalties);
    convBackward(this.k, this.s, this.plan, n);
    return { loss, accuracy: correct / part.total };
  }

  /**
   * Adds gradients given in slot order (another worker's part of the batch) to this engine's
   * own: copied into the module's memory, added 4 lanes at a time.
   */
  addGradients(theirs: Float32Array): void {
    this.incoming ??= this.arena.f32(theirs.length);
    this.incoming.a.set(theirs);
    let at = 0;
    for (const s of this.slots()) {
      this.k.addInto(s.grad.ptr, this.incoming.ptr + at * 4, s.grad.length);
      at += s.grad.length;
    }
  }

  /** One optimizer step with the gradients in place. */
  applyGradients(): void {
    this.optimizer.step();
  }

  /** computeGradients + applyGradients: one training step on rows[start, start + n). */
  step(ids: Int32Array, labels: Int32Array, rows: Int32Array, start: number, n: number): { loss: number; accuracy: number } {
    const result = this.computeGradients(ids, labels, rows, start, n);
    this.applyGradients();
    return result;
  }
}
