import type { Activation } from '../../core/modelSpec';

/** Row-major batch matrices for the engine's dense head: x (rows × inputs) · kernel (inputs × units) + bias. */
export function denseForward(x: Float32Array, rows: number, inputs: number, kernel: Float32Array, bias: Float32Array, units: number, out: Float32Array): void {
  for (let i = 0; i < rows; i++) {
    const o = i * units;
    out.set(bias, o);
    for (let k = 0; k < inputs; k++) {
      const xv = x[i * inputs + k];
      if (xv === 0) continue; // ReLU and dropout leave many zeros
      const w = k * units;
      for (let u = 0; u < units; u++) out[o + u] += xv * kernel[w + u];
    }
  }
}

/** Applies an activation in place; softmax works per row. */
export function activate(z: Float32Array, rows: number, units: number, activation: Activation | 'softmax'): void {
  const n = rows * units;
  switch (activation) {
    case 'relu':
      for (let j = 0; j < n; j++) if (z[j] < 0) z[j] = 0;
      return;
    case 'tanh':
      for (let j = 0; j < n; j++) z[j] = Math.tanh(z[j]);
      return;
    case 'sigmoid':
      for (let j = 0; j < n; j++) z[j] = 1 / (1 + Math.exp(-z[j]));
      return;
    case 'linear':
      return;
    case 'softmax':
      for (let i = 0; i < rows; i++) {
        const o = i * units;
        let max = -Infinity;
        for (let u = 0; u < units; u++) max = Math.max(max, z[o + u]);
        let sum = 0;
        for (let u = 0; u < units; u++) sum += z[o + u] = Math.exp(z[o + u] - max);
        for (let u = 0; u < units; u++) z[o + u] /= sum;
      }
      return;
  }
}

/**
 * Turns the gradient with respect to an activation's output into the gradient with respect to
 * its input, in place, from the activation's output y (tfjs' rules: ReLU passes where y > 0).
 */
export function activationBackward(dy: Float32Array, y: Float32Array, n: number, activation: Activation): void {
  switch (activation) {
    case 'relu':
      for (let j = 0; j < n; j++) if (!(y[j] > 0)) dy[j] = 0;
      return;
    case 'tanh':
      for (let j = 0; j < n; j++) dy[j] *= 1 - y[j] * y[j];
      return;
    case 'sigmoid':
      for (let j = 0; j < n; j++) dy[j] *= y[j] * (1 - y[j]);
      return;
    case 'linear':
      return;
  }
}

/**
 * Backward of x · kernel + bias: adds the kernel and bias gradients, and writes the input
 * gradient into dx when given (the first dense layer's input gradient feeds the pooling).
 */
export function denseBackward(
  x: Float32Array, rows: number, inputs: number, kernel: Float32Array, units: number,
  dz: Float32Array, dKernel: Float32Array, dBias: Float32Array, dx: Float32Array | null,
): void {
  for (let i = 0; i < rows; i++) {
    const o = i * units;
    for (let u = 0; u < units; u++) dBias[u] += dz[o + u];
    for (let k = 0; k < inputs; k++) {
      const xv = x[i * inputs + k];
      const w = k * units;
      if (xv !== 0) for (let u = 0; u < units; u++) dKernel[w + u] += xv * dz[o + u];
      if (dx) {
        let s = 0;
        for (let u = 0; u < units; u++) s += dz[o + u] * kernel[w + u];
        dx[i * inputs + k] = s;
      }
    }
  }
}
