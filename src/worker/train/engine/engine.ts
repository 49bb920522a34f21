import type { EngineBranch, EngineHeadLayer, EnginePlan } from '../../../core/train/enginePlan';
import type { OptimizerName } from '../../../core/train/trainConfig';
import { Arena, type F32, type I32 } from './arena';
import { activate, activationBackward } from './activations';
import type { EngineKernels, KernelFlavor, LoadedKernel } from './kernelModule';
import { fromPadded, toPadded } from './layouts';
import { EngineOptimizer, type Slot } from './optimizer';

export interface EngineOptions {
  /** Largest batch the engine is sized for (training and prediction chunks). */
  batchSize: number;
  optimizer: OptimizerName;
  learningRate: number;
  /** Per-class loss weights (Keras class_weight), or null. */
  classWeights: number[] | null;
  /** Uniform [0, 1) numbers for the dropout masks. */
  random: () => number;
}

/** Weights in tfjs' layouts, by layer name: embedding [vocab, dim]; conv [kernel, dim, filters] + [filters]; dense [in, units] + [units]. */
export type NamedWeights = Map<string, Float32Array[]>;

/** Which part of a batch a computeGradients call covers, when two engines split one batch. */
export interface BatchPart {
  /** Samples in the whole batch: losses and gradients are divided by it. */
  total: number;
  /** Whether this part adds the weight penalties (exactly one part does). */
  penalties: boolean;
}

interface BranchState extends EngineBranch {
  /** Offset of this branch's filters in the pooled vector. */
  offset: number;
  /** Offset of its padded filters in the per-sample kernel outputs. */
  paddedOffset: number;
  weights: Slot;
  bias: Slot;
  /** Weights and their gradient transposed to [filters][kernel][dim] for the backward pass. */
  weightsT: F32;
  gradT: F32;
  /** Per sample and filter: the gradient reaching the pooled output, times the tie count. */
  pooledGrad: F32;
}

/** A head layer with its buffers: its output and the gradient with respect to its input (dIn). */
type HeadState =
  | { kind: 'dropout'; rate: number; width: number; mask: F32; out: F32; dIn: F32 }
  | (Extract<EngineHeadLayer, { kind: 'dense' }> & { kernel: Slot; bias: Slot; out: F32; dIn: F32 });

const EPSILON = 1e-7;
const ONE_MINUS_EPSILON = Math.fround(1 - EPSILON);

/**
 * Trains the engine's model family (see enginePlan) on the CPU. The fused convolution + max
 * runs in WebAssembly SIMD straight from the embedding rows, as do the dense layers, the sparse
 * backward and the optimizers; TypeScript orchestrates on Float32Array views of the module's
 * memory. The backward pass through global max pooling is sparse: each (sample, filter) pair
 * sends its gradient to its winning window only.
 *
 * Tie rule (as the tfjs-path fused step): when several windows share the maximum, the first
 * of them receives the gradient times the number of tied windows. tfjs gives each tied window
 * the full gradient; the two agree whenever the tied windows hold the same tokens, which is how
 * ties arise (identical all-padding windows).
 */
export class TextCnnEngine {
  readonly flavor: KernelFlavor;
  private readonly k: EngineKernels;
  private readonly embedding: Slot;
  private readonly branches: BranchState[];
  private readonly head: HeadState[];
  private readonly tokens: I32;
  private readonly max: F32;
  private readonly arg: I32;
  private readonly ties: I32;
  private readonly pooledWidth: number;
  private readonly paddedWidth: number;
  private readonly pooled: F32;
  /** Gradient of the loss with respect to the output layer's logits. */
  private readonly dLogits: F32;
  private readonly optimizer: EngineOptimizer;

  constructor(
    private readonly loaded: LoadedKernel,
    readonly plan: EnginePlan,
    private readonly options: EngineOptions,
  ) {
    this.flavor = loaded.flavor;
    this.k = loaded.kernels;
    const arena = new Arena(loaded.memory);
    const { vocabSize: V, embeddingDim: D, sequenceLength: L } = plan;
    const B = options.batchSize;
    const slot = (n: number): Slot => ({ value: arena.f32(n), grad: arena.f32(n) });
    this.embedding = { value: arena.f32(V * D), grad: arena.f32(plan.embeddingTrainable ? V * D : 0) };
    let offset = 0;
    let paddedOffset = 0;
    this.branches = plan.branches.map((b) => {
      const size = b.kernelSize * D * b.paddedFilters;
      const state = {
        ...b,
        offset,
        paddedOffset,
        weights: slot(size),
        bias: slot(b.paddedFilters),
        weightsT: arena.f32(size),
        gradT: arena.f32(size),
        pooledGrad: arena.f32(B * b.paddedFilters),
      };
      offset += b.filters;
      paddedOffset += b.paddedFilters;
      return state;
    });
    this.pooledWidth = offset;
    this.paddedWidth = paddedOffset;
    this.tokens = arena.i32(B * L);
    this.max = arena.f32(B * paddedOffset);
    this.arg = arena.i32(B * paddedOffset);
    this.ties = arena.i32(B * paddedOffset);
    let width = this.pooledWidth;
    this.head = plan.head.map((layer): HeadState => {
      const dIn = arena.f32(B * width);
      if (layer.kind === 'dropout') {
        return { kind: 'dropout', rate: layer.rate, width, mask: arena.f32(B * width), out: arena.f32(B * width), dIn };
      }
      width = layer.units;
      return { ...layer, kernel: slot(layer.inputs * layer.units), bias: slot(layer.units), out: arena.f32(B * layer.units), dIn };
    });
    this.pooled = arena.f32(B * this.pooledWidth);
    this.dLogits = arena.f32(B * plan.classCount);
    this.optimizer = new EngineOptimizer(this.k, arena, options.optimizer, options.learningRate, this.slots());
  }

  get batchSize(): number {
    return this.options.batchSize;
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
    const slots: Slot[] = this.plan.embeddingTrainable ? [this.embedding] : [];
    for (const b of this.branches) slots.push(b.weights, b.bias);
    for (const h of this.head) if (h.kind === 'dense') slots.push(h.kernel, h.bias);
    return slots;
  }

  // ---- weights in and out, in tfjs layouts ----

  setWeights(weights: NamedWeights): void {
    const D = this.plan.embeddingDim;
    const take = (name: string, count: number) => {
      const w = weights.get(name);
      if (!w || w.length !== count) throw new Error(`The engine needs ${count} weight arrays for layer "${name}".`);
      return w;
    };
    this.embedding.value.a.set(take('embedding', 1)[0]);
    for (const b of this.branches) {
      const [kernel, bias] = take(b.name, 2);
      toPadded(kernel, b.kernelSize * D, b.filters, b.paddedFilters, b.weights.value.a);
      b.bias.value.a.set(bias);
    }
    for (const h of this.head) {
      if (h.kind !== 'dense') continue;
      const [kernel, bias] = take(h.name, 2);
      h.kernel.value.a.set(kernel);
      h.bias.value.a.set(bias);
    }
  }

  getWeights(): NamedWeights {
    return this.named((s) => s.value);
  }

  /** The last computed gradients, by layer name, in tfjs' layouts (for tests and checks). */
  gradients(): NamedWeights {
    const named = this.named((s) => s.grad);
    if (!this.plan.embeddingTrainable) named.delete('embedding');
    return named;
  }

  private named(pick: (s: Slot) => F32): NamedWeights {
    const D = this.plan.embeddingDim;
    const out: NamedWeights = new Map([['embedding', [pick(this.embedding).a.slice()]]]);
    for (const b of this.branches) {
      out.set(b.name, [fromPadded(pick(b.weights).a, b.kernelSize * D, b.filters, b.paddedFilters), pick(b.bias).a.slice(0, b.filters)]);
    }
    for (const h of this.head) if (h.kind === 'dense') out.set(h.name, [pick(h.kernel).a.slice(), pick(h.bias).a.slice()]);
    return out;
  }

  /** The dropout masks of the last training forward pass (scaled by 1 / (1 − rate)), in head order. */
  dropoutMasks(): Float32Array[] {
    return this.head.flatMap((h) => (h.kind === 'dropout' ? [h.mask.a] : []));
  }

  // ---- forward ----

  /** Copies the rows' token ids into the module's memory, checking them against the vocabulary. */
  private loadTokens(ids: Int32Array, rows: Int32Array, start: number, n: number): void {
    const L = this.plan.sequenceLength;
    const V = this.plan.vocabSize;
    const tokens = this.tokens.a;
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
    const P = this.paddedWidth;
    for (let i = 0; i < n; i++) {
      for (const b of this.branches) {
        const at = (i * P + b.paddedOffset) * 4;
        this.k.convMax(this.embedding.value.ptr, D, this.tokens.ptr + i * L * 4, L, b.weights.value.ptr, b.bias.value.ptr, b.kernelSize, b.paddedFilters, this.max.ptr + at, this.arg.ptr + at, this.ties.ptr + at);
      }
    }
    const max = this.max.a;
    const pooled = this.pooled.a;
    for (let i = 0; i < n; i++) {
      for (const b of this.branches) {
        const src = i * P + b.paddedOffset;
        const dst = i * this.pooledWidth + b.offset;
        for (let f = 0; f < b.filters; f++) {
          const m = max[src + f];
          pooled[dst + f] = b.activation === 'relu' && !(m > 0) ? 0 : m;
        }
      }
    }
  }

  /** The head on pooled; returns the output layer's probabilities (n × classes). */
  private headForward(n: number, training: boolean): Float32Array {
    let x = this.pooled;
    for (const h of this.head) {
      if (h.kind === 'dropout') {
        if (!training || h.rate === 0) continue;
        const keep = 1 / (1 - h.rate);
        const [mask, out, input] = [h.mask.a, h.out.a, x.a];
        for (let j = 0; j < n * h.width; j++) {
          // tfjs: x / (1 − rate) × step(u − rate).
          mask[j] = this.options.random() - h.rate > 0 ? keep : 0;
          out[j] = input[j] * mask[j];
        }
        x = h.out;
        continue;
      }
      this.k.denseForward(x.ptr, n, h.inputs, h.kernel.value.ptr, h.bias.value.ptr, h.units, h.out.ptr);
      activate(h.out.a, n, h.units, h.activation);
      x = h.out;
    }
    return x.a;
  }

  /** Class probabilities for rows[start, start + n), n ≤ batchSize, written to out at outOffset. */
  predict(ids: Int32Array, rows: Int32Array, start: number, n: number, out: Float32Array, outOffset = 0): void {
    this.loadTokens(ids, rows, start, n);
    this.convolve(n);
    out.set(this.headForward(n, false).subarray(0, n * this.plan.classCount), outOffset);
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
    part: BatchPart = { total: n, penalties: true },
  ): { loss: number; accuracy: number } {
    this.loadTokens(ids, rows, start, n);
    this.convolve(n);
    const probs = this.headForward(n, true);
    const K = this.plan.classCount;
    const dz = this.dLogits.a;
    const weights = this.options.classWeights;
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
    loss += this.headBackward(n, part.penalties);
    this.convBackward(n);
    return { loss, accuracy: correct / part.total };
  }

  /** Backward through the head from dLogits to the first layer's dIn (the pooled gradient); returns the penalties. */
  private headBackward(n: number, penalties: boolean): number {
    let penalty = 0;
    const last = this.head.length - 1;
    for (let li = last; li >= 0; li--) {
      const h = this.head[li];
      // The gradient with respect to this layer's output: the next layer's input gradient.
      const dOut = li === last ? this.dLogits : this.head[li + 1].dIn;
      if (h.kind === 'dropout') {
        const [dIn, dy, mask] = [h.dIn.a, dOut.a, h.mask.a];
        if (h.rate === 0) dIn.set(dy.subarray(0, n * h.width));
        else for (let j = 0; j < n * h.width; j++) dIn[j] = dy[j] * mask[j];
        continue;
      }
      if (h.activation !== 'softmax') activationBackward(dOut.a, h.out.a, n * h.units, h.activation);
      h.kernel.grad.a.fill(0);
      h.bias.grad.a.fill(0);
      this.k.denseBackward(this.inputOf(li).ptr, n, h.inputs, h.kernel.value.ptr, h.units, dOut.ptr, h.kernel.grad.ptr, h.bias.grad.ptr, h.dIn.ptr);
      if (penalties && (h.l1 || h.l2)) penalty += this.penalize(h);
    }
    return penalty;
  }

  /** The input a head layer saw in the last training forward pass. */
  private inputOf(li: number): F32 {
    for (let j = li - 1; j >= 0; j--) {
      const prev = this.head[j];
      if (prev.kind === 'dense' || prev.rate > 0) return prev.out;
    }
    return this.pooled;
  }

  /** Adds L1/L2 gradients to a dense kernel; returns the penalty (as tfjs' l1l2 regularizer). */
  private penalize(h: Extract<HeadState, { kind: 'dense' }>): number {
    const w = h.kernel.value.a;
    const g = h.kernel.grad.a;
    let l1 = 0;
    let l2 = 0;
    for (let j = 0; j < w.length; j++) {
      l1 += Math.abs(w[j]);
      l2 += w[j] * w[j];
      // tfjs' Abs gradient is step(x, −1): +1 above zero, −1 otherwise.
      g[j] += (h.l1 ? h.l1 * (w[j] > 0 ? 1 : -1) : 0) + 2 * h.l2 * w[j];
    }
    return h.l1 * l1 + h.l2 * l2;
  }

  /** The sparse backward of convolution + global max pooling: winning windows only. */
  private convBackward(n: number): void {
    const { embeddingDim: D, sequenceLength: L } = this.plan;
    const P = this.paddedWidth;
    const [max, ties, dPooled] = [this.max.a, this.ties.a, this.head[0].dIn.a];
    const dE = this.plan.embeddingTrainable ? this.embedding.grad : null;
    dE?.a.fill(0);
    for (const b of this.branches) {
      const rows = b.kernelSize * D;
      const Fp = b.paddedFilters;
      this.k.transpose(b.weights.value.ptr, rows, b.filters, Fp, b.weightsT.ptr, rows);
      b.gradT.a.fill(0);
      b.bias.grad.a.fill(0);
      const g = b.pooledGrad.a;
      for (let i = 0; i < n; i++) {
        for (let f = 0; f < b.filters; f++) {
          const at = i * P + b.paddedOffset + f;
          const dp = dPooled[i * this.pooledWidth + b.offset + f];
          g[i * Fp + f] = b.activation === 'relu' && !(max[at] > 0) ? 0 : dp * ties[at];
        }
      }
      for (let i = 0; i < n; i++) {
        const at = (i * P + b.paddedOffset) * 4;
        this.k.convMaxBackward(
          this.embedding.value.ptr, dE ? dE.ptr : 0, D, this.tokens.ptr + i * L * 4,
          b.weightsT.ptr, b.gradT.ptr, b.bias.grad.ptr, b.kernelSize, b.filters,
          b.pooledGrad.ptr + i * Fp * 4, this.arg.ptr + at,
        );
      }
      this.k.transpose(b.gradT.ptr, b.filters, rows, rows, b.weights.grad.ptr, Fp);
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
