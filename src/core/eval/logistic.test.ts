import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { minimizeLbfgs } from './lbfgs';
import { fitLogistic, lossAndGradient, predictClasses, predictProbabilities, softmaxInPlace } from './logistic';
import { CsrBuilder, type CsrMatrix } from './sparse';

/** Row 0: feature 0 = 1 (class 0); row 1: feature 1 = 0.5 (class 1). */
function tiny(): CsrMatrix {
  const b = new CsrBuilder(2);
  b.addRow([0], [1]);
  b.addRow([1], [0.5]);
  return b.build();
}

describe('softmaxInPlace', () => {
  it('is stable for huge logits and returns log Σ exp', () => {
    const z = Float64Array.from([1000, 1000]);
    expect(softmaxInPlace(z)).toBeCloseTo(1000 + Math.log(2), 10);
    expect(Array.from(z)).toEqual([0.5, 0.5]);
  });
  it('matches exp(z) / Σ exp(z)', () => {
    const z = Float64Array.from([1, 0, -1]);
    softmaxInPlace(z);
    const s = Math.E + 1 + 1 / Math.E;
    expect(z[0]).toBeCloseTo(Math.E / s, 12);
    expect(z[2]).toBeCloseTo(1 / Math.E / s, 12);
  });
});

describe('lossAndGradient (hand-computed, two rows, two classes)', () => {
  it('at zero weights: loss ln 2, gradient (1/n) Xᵀ(P − Y)', () => {
    const grad = new Float64Array(6);
    const loss = lossAndGradient(tiny(), [0, 1], 2, new Float64Array(6), 0.1, grad);
    expect(loss).toBeCloseTo(Math.LN2, 12);
    // Row 0 residual [0.5 − 1, 0.5]·1/2; row 1 residual [0.5, 0.5 − 1]·0.5/2; intercepts cancel.
    expect(Array.from(grad)).toEqual([-0.25, 0.25, 0.125, -0.125, 0, 0]);
  });

  it('with weights and the L2 penalty', () => {
    // W[feature 0] = [1, 0]: row 0's logits [1, 0] → p = [e/(e+1), 1/(e+1)] = [0.7310586, 0.2689414].
    const params = Float64Array.from([1, 0, 0, 0, 0, 0]);
    const grad = new Float64Array(6);
    const loss = lossAndGradient(tiny(), [0, 1], 2, params, 0.1, grad);
    // (−ln 0.7310586 + ln 2) / 2 + 0.1/2 · 1² = 0.5532044.
    expect(loss).toBeCloseTo(0.5532044, 6);
    // ∂/∂W[0] = [(0.7310586 − 1)/2 + 0.1·1, 0.2689414/2] = [−0.0344707, 0.1344707].
    expect(grad[0]).toBeCloseTo(-0.0344707, 6);
    expect(grad[1]).toBeCloseTo(0.1344707, 6);
    // Intercepts are not penalised: ((0.7310586 − 1) + 0.5) / 2.
    expect(grad[4]).toBeCloseTo((0.7310586 - 1 + 0.5) / 2, 6);
  });

  it('matches finite differences on a random three-class case', () => {
    const random = mulberry32(7);
    const b = new CsrBuilder(4);
    for (let r = 0; r < 5; r++) b.addRow([0, 2, 3], [random(), random(), random() - 0.5]);
    const x = b.build();
    const y = [0, 1, 2, 1, 0];
    const params = Float64Array.from({ length: 4 * 3 + 3 }, () => random() - 0.5);
    const grad = new Float64Array(params.length);
    lossAndGradient(x, y, 3, params, 0.3, grad);
    const h = 1e-6;
    for (let j = 0; j < params.length; j++) {
      const up = Float64Array.from(params);
      const down = Float64Array.from(params);
      up[j] += h;
      down[j] -= h;
      const scratch = new Float64Array(params.length);
      const numeric = (lossAndGradient(x, y, 3, up, 0.3, scratch) - lossAndGradient(x, y, 3, down, 0.3, scratch)) / (2 * h);
      expect(grad[j]).toBeCloseTo(numeric, 6);
    }
  });
});

describe('minimizeLbfgs', () => {
  it('finds the minimum of a badly scaled quadratic', () => {
    const result = minimizeLbfgs(
      (x, g) => {
        g[0] = 2 * (x[0] - 3);
        g[1] = 200 * (x[1] + 1);
        return (x[0] - 3) ** 2 + 100 * (x[1] + 1) ** 2;
      },
      new Float64Array(2),
      { maxIterations: 100, memory: 5, gradientTolerance: 1e-9, relativeTolerance: 0 },
    );
    expect(result.x[0]).toBeCloseTo(3, 6);
    expect(result.x[1]).toBeCloseTo(-1, 6);
    expect(result.converged).toBe('gradient');
    expect(result.evaluations).toBeGreaterThanOrEqual(result.iterations);
  });

  it('stops after maxIterations and lets its step callback cancel', () => {
    const f = (x: Float64Array, g: Float64Array) => {
      g[0] = 4 * x[0] ** 3;
      return x[0] ** 4;
    };
    const result = minimizeLbfgs(f, Float64Array.from([5]), { maxIterations: 3, memory: 3, gradientTolerance: 0, relativeTolerance: 0 });
    expect(result.iterations).toBe(3);
    expect(result.converged).toBe('iterations');
    expect(Math.abs(result.x[0])).toBeLessThan(5);
    const cancel = () => {
      throw new Error('cancelled');
    };
    expect(() => minimizeLbfgs(f, Float64Array.from([5]), { maxIterations: 3, memory: 3, gradientTolerance: 0, relativeTolerance: 0, step: cancel })).toThrow('cancelled');
  });
});

describe('fitLogistic', () => {
  it('separates a separable case and predicts probabilities that sum to 1', () => {
    const model = fitLogistic(tiny(), [0, 1], 2, { c: 100, maxIterations: 100 });
    expect(Array.from(predictClasses(model, tiny()))).toEqual([0, 1]);
    const probs = predictProbabilities(model, tiny());
    expect(probs[0]).toBeGreaterThan(0.9);
    expect(probs[3]).toBeGreaterThan(0.9);
    expect(probs[0] + probs[1]).toBeCloseTo(1, 12);
  });

  it('lands where the gradient is zero (the optimum of the penalised loss)', () => {
    const model = fitLogistic(tiny(), [0, 1], 2, { c: 1, maxIterations: 200 });
    const grad = new Float64Array(model.params.length);
    lossAndGradient(tiny(), [0, 1], 2, model.params, 1 / 2, grad);
    for (const g of grad) expect(Math.abs(g)).toBeLessThan(1e-4);
  });

  it('refuses rows and labels that do not match, and features of another size', () => {
    expect(() => fitLogistic(tiny(), [0], 2, { c: 1, maxIterations: 5 })).toThrow('2 rows but there are 1 labels');
    const model = fitLogistic(tiny(), [0, 1], 2, { c: 1, maxIterations: 5 });
    expect(() => predictProbabilities(model, new CsrBuilder(3).build())).toThrow('2 features but the rows have 3');
  });
});
