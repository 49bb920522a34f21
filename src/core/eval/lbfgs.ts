/**
 * Limited-memory BFGS (Nocedal & Wright, algorithm 7.4 with the two-loop recursion) with a
 * backtracking Armijo line search: the baseline's optimizer. Full-batch and without randomness,
 * so the same problem always gives the same answer.
 */

/** Writes the gradient at x into `grad` and returns the objective. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  maxIterations: number;
  /** Corrections kept (m). */
  memory: number;
  /** Stop when the largest gradient component is below this. */
  gradientTolerance: number;
  /** Stop when an iteration lowers the objective by less than this share of it. */
  relativeTolerance: number;
  /** Called before each iteration with the share of maxIterations done; it may throw to cancel. */
  step?: (fraction: number) => void;
}

export interface LbfgsResult {
  x: Float64Array;
  value: number;
  iterations: number;
  /** Objective evaluations (line-search tries included). */
  evaluations: number;
  /** Why it stopped. */
  converged: 'gradient' | 'relative' | 'iterations' | 'line-search';
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

const maxAbs = (a: Float64Array) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
};

/** Minimizes `f` from `x0` (not modified). */
export function minimizeLbfgs(f: Objective, x0: Float64Array, options: LbfgsOptions): LbfgsResult {
  const n = x0.length;
  const m = Math.max(1, options.memory);
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let evaluations = 1;
  let fx = f(x, g);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const alpha = new Float64Array(m);
  const d = new Float64Array(n);
  for (let iter = 0; iter < options.maxIterations; iter++) {
    options.step?.(iter / options.maxIterations);
    if (maxAbs(g) < options.gradientTolerance) return { x, value: fx, iterations: iter, evaluations, converged: 'gradient' };
    // Two-loop recursion: d = -H g.
    d.set(g);
    for (let i = s.length - 1; i >= 0; i--) {
      alpha[i] = rho[i] * dot(s[i], d);
      const yi = y[i];
      for (let j = 0; j < n; j++) d[j] -= alpha[i] * yi[j];
    }
    if (s.length > 0) {
      const last = s.length - 1;
      const gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
      for (let j = 0; j < n; j++) d[j] *= gamma;
    }
    for (let i = 0; i < s.length; i++) {
      const beta = rho[i] * dot(y[i], d);
      const si = s[i];
      for (let j = 0; j < n; j++) d[j] += si[j] * (alpha[i] - beta);
    }
    for (let j = 0; j < n; j++) d[j] = -d[j];
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Not a descent direction (curvature information went stale): start again from steepest descent.
      s.length = y.length = rho.length = 0;
      for (let j = 0; j < n; j++) d[j] = -g[j];
      slope = -dot(g, g);
    }
    let t = s.length === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    let fNew = Infinity;
    let accepted = false;
    for (let tries = 0; tries < 40; tries++) {
      for (let j = 0; j < n; j++) xNew[j] = x[j] + t * d[j];
      fNew = f(xNew, gNew);
      evaluations++;
      if (fNew <= fx + 1e-4 * t * slope) {
        accepted = true;
        break;
      }
      t *= 0.5;
    }
    if (!accepted) return { x, value: fx, iterations: iter, evaluations, converged: 'line-search' };
    const sk = s.length === m ? s.shift()! : new Float64Array(n);
    const yk = y.length === m ? y.shift()! : new Float64Array(n);
    if (rho.length === m) rho.shift();
    for (let j = 0; j < n; j++) {
      sk[j] = xNew[j] - x[j];
      yk[j] = gNew[j] - g[j];
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
    }
    const decrease = (fx - fNew) / Math.max(Math.abs(fx), Math.abs(fNew), 1);
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    fx = fNew;
    if (decrease < options.relativeTolerance) return { x, value: fx, iterations: iter + 1, evaluations, converged: 'relative' };
  }
  return { x, value: fx, iterations: options.maxIterations, evaluations, converged: 'iterations' };
}
