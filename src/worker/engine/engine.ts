import type { EngineBranch, EngineHeadLayer, EnginePlan } from '../../core/enginePlan';
import type { OptimizerName } from '../../core/trainConfig';
import { Arena } from './arena';
import { activate, activationBackward, denseBackward, denseForward } from './dense';
import type { KernelFlavor, LoadedKernel } from './kernelModule';
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

interface BranchState extends EngineBranch {
  /** Offset of this branch's filters in the pooled vector. */
  offset: number;
  /** Offset of its padded filters in the per-sample kernel outputs. */
  paddedOffset: number;
  weightsPtr: number;
  biasPtr: number;
  weights: Slot;
  bias: Slot;
}

/** A head layer with its buffers: its output and the gradient with respect to its input (dIn). */
type HeadState =
  | { kind: 'dropout'; rate: number; width: number; mask: Float32Array; out: Float32Array; dIn: Float32Array }
  | (Extract<EngineHeadLayer, { kind: 'dense' }> & { kernel: Slot; bias: Slot; out: Float32Array; dIn: Float32Array });

const EPSILON = 1e-7;
const ONE_MINUS_EPSILON = Math.fround(1 - EPSILON);

/**
 * Trains the engine's model family (see enginePlan) on the CPU: the fused convolution + max
 * runs in the WebAssembly SIMD kernel, straight from the embedding rows; everything else is
 * TypeScript on Float32Arrays. The backward pass through global max pooling is sparse: each
 * (sample, filter) pair sends its gradient to its winning window only.
 *
 * Tie rule (as the tfjs-path fused step): when several windows share the maximum, the first
 * of them receives the gradient times the number of tied windows. tfjs gives each tied window
 * the full gradient; the two agree whenever the tied windows hold the same tokens, which is how
 * ties arise (identical all-padding windows).
 */
export class TextCnnEngine {
  readonly flavor: KernelFlavor;
  private readonly arena: Arena;
  private readonly embeddingPtr: number;
  private readonly embedding: Slot;
  private readonly branches: BranchState[];
  private readonly head: HeadState[];
  private readonly tokensPtr: number;
  private readonly maxPtr: number;
  private readonly argPtr: number;
  private readonly tiesPtr: number;
  private readonly pooledWidth: number;
  private readonly paddedWidth: number;
  private readonly pooled: Float32Array;
  /** Gradient of the loss with respect to the output layer's logits. */
  private readonly dLogits: Float32Array;
  private readonly optimizer: EngineOptimizer;

  constructor(
    private readonly loaded: LoadedKernel,
    readonly plan: EnginePlan,
    private readonly options: EngineOptions,
  ) {
    this.flavor = loaded.flavor;
    const arena = (this.arena = new Arena(loaded.memory));
    const { vocabSize: V, embeddingDim: D, sequenceLength: L } = plan;
    const B = options.batchSize;
    // All allocations first: growing the memory detaches views taken before.
    this.embeddingPtr = arena.alloc(V * D * 4);
    let offset = 0;
    let paddedOffset = 0;
    const layout = plan.branches.map((b) => {
      const at = { offset, paddedOffset, weightsPtr: arena.alloc(b.kernelSize * D * b.paddedFilters * 4), biasPtr: arena.alloc(b.paddedFilters * 4) };
      offset += b.filters;
      paddedOffset += b.paddedFilters;
      return at;
    });
    this.pooledWidth = offset;
    this.paddedWidth = paddedOffset;
    this.tokensPtr = arena.alloc(B * L * 4);
    this.maxPtr = arena.alloc(B * paddedOffset * 4);
    this.argPtr = arena.alloc(B * paddedOffset * 4);
    this.tiesPtr = arena.alloc(B * paddedOffset * 4);

    this.embedding = { value: arena.f32(this.embeddingPtr, V * D), grad: new Float32Array(plan.embeddingTrainable ? V * D : 0) };
    this.branches = plan.branches.map((b, i) => {
      const size = b.kernelSize * D * b.paddedFilters;
      return {
        ...b,
        ...layout[i],
        weights: { value: arena.f32(layout[i].weightsPtr, size), grad: new Float32Array(size) },
        bias: { value: arena.f32(layout[i].biasPtr, b.paddedFilters), grad: new Float32Array(b.paddedFilters) },
      };
    });
    let width = this.pooledWidth;
    this.head = plan.head.map((layer): HeadState => {
      const dIn = new Float32Array(B * width);
      if (layer.kind === 'dropout') {
        return { kind: 'dropout', rate: layer.rate, width, mask: new Float32Array(B * width), out: new Float32Array(B * width), dIn };
      }
      width = layer.units;
      return {
        ...layer,
        kernel: { value: new Float32Array(layer.inputs * layer.units), grad: new Float32Array(layer.inputs * layer.units) },
        bias: { value: new Float32Array(layer.units), grad: new Float32Array(layer.units) },
        out: new Float32Array(B * layer.units),
        dIn,
      };
    });
    this.pooled = new Float32Array(B * this.pooledWidth);
    this.dLogits = new Float32Array(B * plan.classCount);
    this.optimizer = new EngineOptimizer(options.optimizer, options.learningRate, this.slots());
  }

  get batchSize(): number {
    return this.options.batchSize;
  }

  /** Bytes of WebAssembly memory the engine holds. */
  get wasmBytes(): number {
    return this.loaded.memory.buffer.byteLength;
  }

  set learningRate(rate: number) {
    this.optimizer.learningRate = rate;
  }

  /** The trainable arrays in tfjs' trainableWeights order (a frozen embedding is not one). */
  private slots(): Slot[] {
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
    const [embedding] = take('embedding', 1);
    this.embedding.value.set(embedding);
    for (const b of this.branches) {
      const [kernel, bias] = take(b.name, 2);
      for (let r = 0; r < b.kernelSize * D; r++) {
        b.weights.value.set(kernel.subarray(r * b.filters, (r + 1) * b.filters), r * b.paddedFilters);
      }
      b.bias.value.set(bias);
    }
    for (const h of this.head) {
      if (h.kind !== 'dense') continue;
      const [kernel, bias] = take(h.name, 2);
      h.kernel.value.set(kernel);
      h.bias.value.set(bias);
    }
  }

  getWeights(): NamedWeights {
    const D = this.plan.embeddingDim;
    const out: NamedWeights = new Map([['embedding', [this.embedding.value.slice()]]]);
    for (const b of this.branches) {
      const kernel = new Float32Array(b.kernelSize * D * b.filters);
      for (let r = 0; r < b.kernelSize * D; r++) {
        kernel.set(b.weights.value.subarray(r * b.paddedFilters, r * b.paddedFilters + b.filters), r * b.filters);
      }
      out.set(b.name, [kernel, b.bias.value.slice(0, b.filters)]);
    }
    for (const h of this.head) if (h.kind === 'dense') out.set(h.name, [h.kernel.value.slice(), h.bias.value.slice()]);
    return out;
  }

  /** The last computed gradients, by layer name, in tfjs' layouts (for tests and checks). */
  gradients(): NamedWeights {
    const D = this.plan.embeddingDim;
    const out: NamedWeights = new Map();
    if (this.plan.embeddingTrainable) out.set('embedding', [this.embedding.grad.slice()]);
    for (const b of this.branches) {
      const kernel = new Float32Array(b.kernelSize * D * b.filters);
      for (let r = 0; r < b.kernelSize * D; r++) {
        kernel.set(b.weights.grad.subarray(r * b.paddedFilters, r * b.paddedFilters + b.filters), r * b.filters);
      }
      out.set(b.name, [kernel, b.bias.grad.slice(0, b.filters)]);
    }
    for (const h of this.head) if (h.kind === 'dense') out.set(h.name, [h.kernel.grad.slice(), h.bias.grad.slice()]);
    return out;
  }

  /** The dropout masks of the last training forward pass (scaled by 1 / (1 − rate)), in head order. */
  dropoutMasks(): Float32Array[] {
    return this.head.flatMap((h) => (h.kind === 'dropout' ? [h.mask] : []));
  }

  // ---- forward ----

  /** Copies the rows' token ids into the kernel's memory, checking them against the vocabulary. */
  private loadTokens(ids: Int32Array, rows: Int32Array, start: number, n: number): void {
    const L = this.plan.sequenceLength;
    const V = this.plan.vocabSize;
    const tokens = this.arena.i32(this.tokensPtr, n * L);
    for (let i = 0; i < n; i++) {
      const row = rows[start + i];
      const src = ids.subarray(row * L, row * L + L);
      for (let t = 0; t < L; t++) {
        const id = src[t];
        if (!(id >= 0 && id < V)) throw new Error(`Row ${row + 1} has token id ${id}, outside the vocabulary of ${V}.`);
        tokens[i * L + t] = id;
      }
    }
  }

  /** Convolution + global max pooling for n loaded samples: fills this.pooled. */
  private convolve(n: number): void {
    const { embeddingDim: D, sequenceLength: L } = this.plan;
    const { convMax } = this.loaded.kernel;
    const P = this.paddedWidth;
    for (let i = 0; i < n; i++) {
      for (const b of this.branches) {
        const at = (i * P + b.paddedOffset) * 4;
        convMax(this.embeddingPtr, D, this.tokensPtr + i * L * 4, L, b.weightsPtr, b.biasPtr, b.kernelSize, b.paddedFilters, this.maxPtr + at, this.argPtr + at, this.tiesPtr + at);
      }
    }
    const max = this.arena.f32(this.maxPtr, n * P);
    for (let i = 0; i < n; i++) {
      for (const b of this.branches) {
        const src = i * P + b.paddedOffset;
        const dst = i * this.pooledWidth + b.offset;
        for (let f = 0; f < b.filters; f++) {
          const m = max[src + f];
          this.pooled[dst + f] = b.activation === 'relu' && !(m > 0) ? 0 : m;
        }
      }
    }
  }

  /** The head on this.pooled; returns the output layer's probabilities (n × classes). */
  private headForward(n: number, training: boolean): Float32Array {
    let x = this.pooled;
    let width = this.pooledWidth;
    for (const h of this.head) {
      if (h.kind === 'dropout') {
        if (!training || h.rate === 0) continue;
        const keep = 1 / (1 - h.rate);
        for (let j = 0; j < n * width; j++) {
          // tfjs: x / (1 − rate) × step(u − rate).
          h.mask[j] = this.options.random() - h.rate > 0 ? keep : 0;
          h.out[j] = x[j] * h.mask[j];
        }
        x = h.out;
        continue;
      }
      denseForward(x, n, h.inputs, h.kernel.value, h.bias.value, h.units, h.out);
      activate(h.out, n, h.units, h.activation);
      x = h.out;
      width = h.units;
    }
    return x;
  }

  /** Class probabilities for rows[start, start + n), n ≤ batchSize, written to out at outOffset. */
  predict(ids: Int32Array, rows: Int32Array, start: number, n: number, out: Float32Array, outOffset = 0): void {
    this.loadTokens(ids, rows, start, n);
    this.convolve(n);
    const probs = this.headForward(n, false);
    out.set(probs.subarray(0, n * this.plan.classCount), outOffset);
  }

  // ---- training ----

  /**
   * Loss, accuracy and every gradient for one batch (rows[start, start + n)), as tfjs'
   * trainOnBatch computes them: mean (class-weighted) categorical cross-entropy plus the dense
   * layers' L1/L2 penalties. Leaves the gradients in place for `applyGradients`.
   */
  computeGradients(ids: Int32Array, labels: Int32Array, rows: Int32Array, start: number, n: number): { loss: number; accuracy: number } {
    this.loadTokens(ids, rows, start, n);
    this.convolve(n);
    const probs = this.headForward(n, true);
    const K = this.plan.classCount;
    const dz = this.dLogits;
    let loss = 0;
    let correct = 0;
    const weights = this.options.classWeights;
    for (let i = 0; i < n; i++) {
      const y = labels[rows[start + i]];
      const o = i * K;
      let sum = 0;
      let best = 0;
      for (let k = 0; k < K; k++) {
        sum += probs[o + k];
        if (probs[o + k] > probs[o + best]) best = k;
      }
      if (best === y) correct++;
      const w = weights ? weights[y] : 1;
      // tfjs clips the (normalised) probability to [ε, 1 − ε]; outside it the gradient is zero.
      const q = Math.fround(weights ? probs[o + y] : probs[o + y] / sum);
      const clipped = q < EPSILON || q > ONE_MINUS_EPSILON;
      loss -= w * Math.log(Math.min(Math.max(q, EPSILON), ONE_MINUS_EPSILON));
      for (let k = 0; k < K; k++) dz[o + k] = clipped ? 0 : (w * (probs[o + k] - (k === y ? 1 : 0))) / n;
    }
    loss /= n;
    loss += this.headBackward(n);
    this.convBackward(n);
    return { loss, accuracy: correct / n };
  }

  /** Backward through the head from dLogits to the first layer's dIn (the pooled gradient); returns the penalties. */
  private headBackward(n: number): number {
    let penalty = 0;
    const last = this.head.length - 1;
    for (let li = last; li >= 0; li--) {
      const h = this.head[li];
      // The gradient with respect to this layer's output: the next layer's input gradient.
      const dOut = li === last ? this.dLogits : this.head[li + 1].dIn;
      if (h.kind === 'dropout') {
        const size = n * h.width;
        if (h.rate === 0) h.dIn.set(dOut.subarray(0, size));
        else for (let j = 0; j < size; j++) h.dIn[j] = dOut[j] * h.mask[j];
        continue;
      }
      if (h.activation !== 'softmax') activationBackward(dOut, h.out, n * h.units, h.activation);
      h.kernel.grad.fill(0);
      h.bias.grad.fill(0);
      denseBackward(this.inputOf(li), n, h.inputs, h.kernel.value, h.units, dOut, h.kernel.grad, h.bias.grad, h.dIn);
      if (h.l1 || h.l2) penalty += this.penalize(h);
    }
    return penalty;
  }

  /** The input a head layer saw in the last training forward pass. */
  private inputOf(li: number): Float32Array {
    for (let j = li - 1; j >= 0; j--) {
      const prev = this.head[j];
      if (prev.kind === 'dense' || prev.rate > 0) return prev.out;
    }
    return this.pooled;
  }

  /** Adds L1/L2 gradients to a dense kernel; returns the penalty (as tfjs' l1l2 regularizer). */
  private penalize(h: Extract<HeadState, { kind: 'dense' }>): number {
    const w = h.kernel.value;
    const g = h.kernel.grad;
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
    const max = this.arena.f32(this.maxPtr, n * P);
    const arg = this.arena.i32(this.argPtr, n * P);
    const ties = this.arena.i32(this.tiesPtr, n * P);
    const tokens = this.arena.i32(this.tokensPtr, n * L);
    const dPooled = this.head[0].dIn;
    const E = this.embedding.value;
    const dE = this.plan.embeddingTrainable ? this.embedding.grad : null;
    dE?.fill(0);
    for (const b of this.branches) {
      const W = b.weights.value;
      const dW = b.weights.grad;
      const dB = b.bias.grad;
      dW.fill(0);
      dB.fill(0);
      const Fp = b.paddedFilters;
      for (let i = 0; i < n; i++) {
        for (let f = 0; f < b.filters; f++) {
          const at = i * P + b.paddedOffset + f;
          const dp = dPooled[i * this.pooledWidth + b.offset + f];
          if (dp === 0 || (b.activation === 'relu' && !(max[at] > 0))) continue;
          const g = dp * ties[at];
          dB[f] += g;
          const t0 = arg[at];
          for (let j = 0; j < b.kernelSize; j++) {
            const row = tokens[i * L + t0 + j] * D;
            const wj = j * D * Fp + f;
            for (let d = 0; d < D; d++) {
              dW[wj + d * Fp] += g * E[row + d];
              if (dE) dE[row + d] += g * W[wj + d * Fp];
            }
          }
        }
      }
    }
  }

  /** One optimizer step with the gradients computeGradients left. */
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
