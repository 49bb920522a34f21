import type { Activation } from '../../../core/model/modelSpec';

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
