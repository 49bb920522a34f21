// The engine's optimizers: tfjs 4.22's formulas, one float32 operation at a time as tfjs' CPU
// backend rounds them, 4 lanes at once. value, grad and the state arrays are f32 [n], 16-byte
// aligned. Constants such as 1 − β1 come from the caller, rounded from float64 as tfjs does.

/** Adam: c1 = 1 − β1^t, c2 = 1 − β2^t (tfjs' accBeta), applied to n weights. */
export function adam(
  value: usize, grad: usize, m: usize, v: usize, n: i32,
  b1: f32, b2: f32, o1: f32, o2: f32, c1: f32, c2: f32, lr: f32, eps: f32,
): void {
  const B1 = f32x4.splat(b1), B2 = f32x4.splat(b2), O1 = f32x4.splat(o1), O2 = f32x4.splat(o2);
  const C1 = f32x4.splat(c1), C2 = f32x4.splat(c2), LR = f32x4.splat(lr), EPS = f32x4.splat(eps);
  const end = <usize>(n & ~3) << 2;
  for (let o: usize = 0; o < end; o += 16) {
    const g = v128.load(grad + o);
    const mj = f32x4.add(f32x4.mul(v128.load(m + o), B1), f32x4.mul(g, O1));
    const vj = f32x4.add(f32x4.mul(v128.load(v + o), B2), f32x4.mul(f32x4.mul(g, g), O2));
    v128.store(m + o, mj);
    v128.store(v + o, vj);
    const update = f32x4.div(f32x4.div(mj, C1), f32x4.add(f32x4.sqrt(f32x4.div(vj, C2)), EPS));
    v128.store(value + o, f32x4.sub(v128.load(value + o), f32x4.mul(update, LR)));
  }
  for (let o = end; o < (<usize>n << 2); o += 4) {
    const g = load<f32>(grad + o);
    const mj = load<f32>(m + o) * b1 + g * o1;
    const vj = load<f32>(v + o) * b2 + g * g * o2;
    store<f32>(m + o, mj);
    store<f32>(v + o, vj);
    store<f32>(value + o, load<f32>(value + o) - (mj / c1 / (Mathf.sqrt(vj / c2) + eps)) * lr);
  }
}

/** SGD with momentum (tfjs' MomentumOptimizer, not Nesterov). */
export function momentum(value: usize, grad: usize, acc: usize, n: i32, mu: f32, lr: f32): void {
  const MU = f32x4.splat(mu), LR = f32x4.splat(lr);
  const end = <usize>(n & ~3) << 2;
  for (let o: usize = 0; o < end; o += 16) {
    const a = f32x4.add(f32x4.mul(v128.load(acc + o), MU), v128.load(grad + o));
    v128.store(acc + o, a);
    v128.store(value + o, f32x4.sub(v128.load(value + o), f32x4.mul(a, LR)));
  }
  for (let o = end; o < (<usize>n << 2); o += 4) {
    const a = load<f32>(acc + o) * mu + load<f32>(grad + o);
    store<f32>(acc + o, a);
    store<f32>(value + o, load<f32>(value + o) - a * lr);
  }
}

/** RMSprop, tfjs' defaults: not centered, momentum 0 (its moment buffer is then just the step). */
export function rmsprop(value: usize, grad: usize, ms: usize, n: i32, decay: f32, oneMinusDecay: f32, lr: f32, eps: f32): void {
  const D = f32x4.splat(decay), O = f32x4.splat(oneMinusDecay), LR = f32x4.splat(lr), EPS = f32x4.splat(eps);
  const end = <usize>(n & ~3) << 2;
  for (let o: usize = 0; o < end; o += 16) {
    const g = v128.load(grad + o);
    const s = f32x4.add(f32x4.mul(v128.load(ms + o), D), f32x4.mul(f32x4.mul(g, g), O));
    v128.store(ms + o, s);
    v128.store(value + o, f32x4.sub(v128.load(value + o), f32x4.div(f32x4.mul(g, LR), f32x4.sqrt(f32x4.add(s, EPS)))));
  }
  for (let o = end; o < (<usize>n << 2); o += 4) {
    const g = load<f32>(grad + o);
    const s = load<f32>(ms + o) * decay + g * g * oneMinusDecay;
    store<f32>(ms + o, s);
    store<f32>(value + o, load<f32>(value + o) - (g * lr) / Mathf.sqrt(s + eps));
  }
}
