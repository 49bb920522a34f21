// The engine's hot kernel: a fused Conv1D ('valid', stride 1) with a running max and argmax
// over the windows, read straight from the embedding rows (no im2col copy). AssemblyScript,
// built twice by vite-engine-wasm.ts: plain SIMD and relaxed SIMD (fused multiply-add).
//
// Memory belongs to the caller (src/worker/engine/arena.ts); this module allocates nothing.
// Layouts (little-endian, 16-byte aligned):
//   embedding  f32 [vocab][dim]
//   tokens     i32 [length]                 one sample
//   weights    f32 [kernel][dim][filters]   filters padded to a multiple of 8 (zero columns)
//   bias       f32 [filters]
//   outMax     f32 [filters]  largest window output (before the activation)
//   outArg     i32 [filters]  first window reaching it
//   outTies    i32 [filters]  how many windows reach it
import { madd } from './simd';


/** Folds one window's outputs for 4 filters into the running max, first argmax and tie count at m/a/c. */
@inline function fold(s: v128, t: i32, m: usize, a: usize, c: usize): void {
  const max = v128.load(m);
  const gt = f32x4.gt(s, max);
  const eq = f32x4.eq(s, max);
  v128.store(m, v128.bitselect(s, max, gt));
  v128.store(a, v128.bitselect(i32x4.splat(t), v128.load(a), gt));
  // A new max restarts the count at 1; an equal value adds one (eq lanes are -1).
  v128.store(c, v128.bitselect(i32x4.splat(1), i32x4.sub(v128.load(c), eq), gt));
}

export function convMax(
  embedding: usize, dim: i32, tokens: usize, length: i32,
  weights: usize, bias: usize, kernel: i32, filters: i32,
  outMax: usize, outArg: usize, outTies: usize,
): void {
  const windows = length - kernel + 1;
  const rowBytes = <usize>dim << 2;
  const wStride = <usize>filters << 2;
  for (let f = 0; f < filters; f += 8) {
    const fo = <usize>f << 2;
    const m0 = outMax + fo, m1 = m0 + 16, a0 = outArg + fo, a1 = a0 + 16, c0 = outTies + fo, c1 = c0 + 16;
    v128.store(m0, f32x4.splat(-Infinity)); v128.store(m1, f32x4.splat(-Infinity));
    v128.store(a0, i32x4.splat(0)); v128.store(a1, i32x4.splat(0));
    v128.store(c0, i32x4.splat(0)); v128.store(c1, i32x4.splat(0));
    const b0 = v128.load(bias + fo), b1 = v128.load(bias + fo, 16);
    let t = 0;
    // Four windows at a time: 8 accumulators (4 windows × 8 filters).
    for (; t + 4 <= windows; t += 4) {
      let a00 = f32x4.splat(0), a01 = a00, a10 = a00, a11 = a00;
      let a20 = a00, a21 = a00, a30 = a00, a31 = a00;
      let wp = weights + fo;
      for (let j = 0; j < kernel; j++) {
        const tp = tokens + (<usize>(t + j) << 2);
        let r0 = embedding + <usize>load<i32>(tp) * rowBytes;
        let r1 = embedding + <usize>load<i32>(tp, 4) * rowBytes;
        let r2 = embedding + <usize>load<i32>(tp, 8) * rowBytes;
        let r3 = embedding + <usize>load<i32>(tp, 12) * rowBytes;
        for (let d = 0; d < dim; d++) {
          const w0 = v128.load(wp), w1 = v128.load(wp, 16);
          const e0 = v128.load32_splat(r0);
          a00 = madd(e0, w0, a00); a01 = madd(e0, w1, a01);
          const e1 = v128.load32_splat(r1);
          a10 = madd(e1, w0, a10); a11 = madd(e1, w1, a11);
          const e2 = v128.load32_splat(r2);
          a20 = madd(e2, w0, a20); a21 = madd(e2, w1, a21);
          const e3 = v128.load32_splat(r3);
          a30 = madd(e3, w0, a30); a31 = madd(e3, w1, a31);
          wp += wStride; r0 += 4; r1 += 4; r2 += 4; r3 += 4;
        }
      }
      // In window order, so the first window of a tie keeps the argmax. Bias added last, as tfjs does.
      fold(f32x4.add(a00, b0), t, m0, a0, c0); fold(f32x4.add(a01, b1), t, m1, a1, c1);
      fold(f32x4.add(a10, b0), t + 1, m0, a0, c0); fold(f32x4.add(a11, b1), t + 1, m1, a1, c1);
      fold(f32x4.add(a20, b0), t + 2, m0, a0, c0); fold(f32x4.add(a21, b1), t + 2, m1, a1, c1);
      fold(f32x4.add(a30, b0), t + 3, m0, a0, c0); fold(f32x4.add(a31, b1), t + 3, m1, a1, c1);
    }
    // The last windows one at a time.
    for (; t < windows; t++) {
      let s0 = f32x4.splat(0), s1 = s0;
      let wp = weights + fo;
      for (let j = 0; j < kernel; j++) {
        let r = embedding + <usize>load<i32>(tokens + (<usize>(t + j) << 2)) * rowBytes;
        for (let d = 0; d < dim; d++) {
          const e = v128.load32_splat(r);
          s0 = madd(e, v128.load(wp), s0);
          s1 = madd(e, v128.load(wp, 16), s1);
          wp += wStride; r += 4;
        }
      }
      fold(f32x4.add(s0, b0), t, m0, a0, c0); fold(f32x4.add(s1, b1), t, m1, a1, c1);
    }
  }
}
