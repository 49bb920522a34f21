// Element-wise helpers on f32 arrays (16-byte aligned), 4 lanes at once.

/** dst[i] += src[i] for n floats: one worker adding the other's gradients (sharedExchange.ts). */
export function addInto(dst: usize, src: usize, n: i32): void {
  const end = <usize>(n & ~3) << 2;
  for (let o: usize = 0; o < end; o += 16) v128.store(dst + o, f32x4.add(v128.load(dst + o), v128.load(src + o)));
  for (let o = end; o < (<usize>n << 2); o += 4) store<f32>(dst + o, load<f32>(dst + o) + load<f32>(src + o));
}
