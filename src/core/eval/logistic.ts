/**
 * Multinomial logistic regression with an L2 penalty on sparse rows, fitted by L-BFGS.
 * Objective (scikit-learn's, divided by C·n): mean cross-entropy + λ/2 · ‖W‖² with
 * λ = 1 / (C · n); the intercepts are not penalised. Parameters are one Float64Array: the
 * weights W (features × classes, row-major) followed by the K intercepts.
 */
import { minimizeLbfgs, type LbfgsResult } from './lbfgs';
import type { CsrMatrix } from './sparse';

export interface LogisticModel {
  features: number;
  classCount: number;
  /** features × classCount weights, then classCount intercepts. */
  params: Float64Array;
}

export interface LogisticOptions {
  /** Inverse regularization strength, as scikit-learn's C. */
  c: number;
  maxIterations: number;
  /** Stop when an iteration lowers the objective by less than this share of it (default 1e-7). */
  relativeTolerance?: number;
  step?: (fraction: number) => void;
}

/** Writes softmax(z) into `out` in place of the logits, stably (the largest logit is subtracted first); returns log Σ exp(z). */
export function softmaxInPlace(z: Float64Array): number {
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) if (z[k] > max) max = z[k];
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    z[k] = Math.exp(z[k] - max);
    sum += z[k];
  }
  for (let k = 0; k < z.length; k++) z[k] /= sum;
  return max + Math.log(sum);
}

/** Logits of row r into z (length K). */
function logits(x: CsrMatrix, r: number, params: Float64Array, classCount: number, z: Float64Array): void {
  const { indptr, indices, values } = x;
  const bias = x.cols * classCount;
  for (let k = 0; k < classCount; k++) z[k] = params[bias + k];
  for (let p = indptr[r], end = indptr[r + 1]; p < end; p++) {
    const v = values[p];
    const base = indices[p] * classCount;
    for (let k = 0; k < classCount; k++) z[k] += v * params[base + k];
  }
}

/**
 * The objective at `params` for rows `x` with classes `y`, and its gradient into `grad`:
 * (1/n) Σ −log p(y_i | x_i) + λ/2 ‖W‖², ∂/∂W = (1/n) Xᵀ(P − Y) + λW, ∂/∂b = (1/n) Σ (P − Y).
 */
export function lossAndGradient(x: CsrMatrix, y: ArrayLike<number>, classCount: number, params: Float64Array, lambda: number, grad: Float64Array): number {
  const { rows: n, indptr, indices, values } = x;
  const bias = x.cols * classCount;
  const z = new Float64Array(classCount);
  grad.fill(0);
  let loss = 0;
  for (let r = 0; r < n; r++) {
    logits(x, r, params, classCount, z);
    const truth = y[r];
    const zTrue = z[truth];
    loss += softmaxInPlace(z) - zTrue;
    // z is now P − Y for this row.
    z[truth] -= 1;
    for (let k = 0; k < classCount; k++) grad[bias + k] += z[k];
    for (let p = indptr[r], end = indptr[r + 1]; p < end; p++) {
      const v = values[p];
      const base = indices[p] * classCount;
      for (let k = 0; k < classCount; k++) grad[base + k] += v * z[k];
    }
  }
  const inv = n > 0 ? 1 / n : 0;
  let penalty = 0;
  for (let j = 0; j < bias; j++) {
    const w = params[j];
    penalty += w * w;
    grad[j] = grad[j] * inv + lambda * w;
  }
  for (let k = 0; k < classCount; k++) grad[bias + k] *= inv;
  return loss * inv + 0.5 * lambda * penalty;
}

/** Fits the model on rows `x` with classes `y` (0 … classCount − 1), starting from zeros. */
export function fitLogistic(x: CsrMatrix, y: ArrayLike<number>, classCount: number, options: LogisticOptions): LogisticModel & { fit: LbfgsResult } {
  if (x.rows !== y.length) throw new Error(`The features have ${x.rows} rows but there are ${y.length} labels.`);
  const lambda = 1 / (options.c * Math.max(1, x.rows));
  const size = x.cols * classCount + classCount;
  const fit = minimizeLbfgs((params, grad) => lossAndGradient(x, y, classCount, params, lambda, grad), new Float64Array(size), {
    maxIterations: options.maxIterations,
    memory: 7,
    gradientTolerance: 1e-5,
    relativeTolerance: options.relativeTolerance ?? 1e-7,
    step: options.step,
  });
  return { features: x.cols, classCount, params: fit.x, fit };
}

/** Class probabilities, row-major (rows × classes). */
export function predictProbabilities(model: LogisticModel, x: CsrMatrix): Float64Array {
  if (x.cols !== model.features) throw new Error(`The model has ${model.features} features but the rows have ${x.cols}.`);
  const k = model.classCount;
  const out = new Float64Array(x.rows * k);
  const z = new Float64Array(k);
  for (let r = 0; r < x.rows; r++) {
    logits(x, r, model.params, k, z);
    softmaxInPlace(z);
    out.set(z, r * k);
  }
  return out;
}

/** The most probable class of each row (first on ties). */
export function predictClasses(model: LogisticModel, x: CsrMatrix): Int32Array {
  const k = model.classCount;
  const out = new Int32Array(x.rows);
  const z = new Float64Array(k);
  for (let r = 0; r < x.rows; r++) {
    logits(x, r, model.params, k, z);
    let best = 0;
    for (let c = 1; c < k; c++) if (z[c] > z[best]) best = c;
    out[r] = best;
  }
  return out;
}
