import type { Slot } from './optimizer';

/** Every slot's gradient, concatenated in slot order (a fresh buffer, ready to transfer). */
export function concatGradients(slots: Slot[]): Float32Array {
  const out = new Float32Array(slots.reduce((n, s) => n + s.grad.length, 0));
  let at = 0;
  for (const s of slots) {
    out.set(s.grad.a, at);
    at += s.grad.length;
  }
  return out;
}

/** Overwrites the slots' gradients with concatenated ones. */
export function loadGradients(slots: Slot[], gradients: Float32Array): void {
  let at = 0;
  for (const s of slots) {
    s.grad.a.set(gradients.subarray(at, at + s.grad.length));
    at += s.grad.length;
  }
}

/** Adds concatenated gradients to the slots' own. */
export function addGradients(slots: Slot[], gradients: Float32Array): void {
  let at = 0;
  for (const s of slots) {
    const g = s.grad.a;
    for (let j = 0; j < g.length; j++) g[j] += gradients[at + j];
    at += s.grad.length;
  }
}
