import { relaxed, simd } from 'virtual:engine-wasm';

/** The module's exports (assembly/). Pointers are byte offsets into the memory; floats pass as f32. */
export interface EngineKernels {
  convMax(
    embedding: number, dim: number, tokens: number, length: number,
    weights: number, bias: number, kernel: number, filters: number,
    outMax: number, outArg: number, outTies: number,
  ): void;
  convMaxBackward(
    embedding: number, dEmbedding: number, dim: number, tokens: number,
    weightsT: number, dWeightsT: number, dBias: number, kernel: number, filters: number,
    g: number, arg: number,
  ): void;
  transpose(input: number, rows: number, cols: number, inStride: number, out: number, outStride: number): void;
  denseForward(x: number, rows: number, inputs: number, kernel: number, bias: number, units: number, out: number): void;
  denseBackward(x: number, rows: number, inputs: number, kernel: number, units: number, dz: number, dKernel: number, dBias: number, dx: number): void;
  adam(
    value: number, grad: number, m: number, v: number, n: number,
    b1: number, b2: number, o1: number, o2: number, c1: number, c2: number, lr: number, eps: number,
  ): void;
  momentum(value: number, grad: number, acc: number, n: number, mu: number, lr: number): void;
  rmsprop(value: number, grad: number, ms: number, n: number, decay: number, oneMinusDecay: number, lr: number, eps: number): void;
  addInto(dst: number, src: number, n: number): void;
}

export type KernelFlavor = 'relaxed-simd' | 'simd';

export interface LoadedKernel {
  kernels: EngineKernels;
  memory: WebAssembly.Memory;
  flavor: KernelFlavor;
}

const decode = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

/**
 * Which build this runtime can run: relaxed SIMD (fused multiply-add) where it validates, else
 * plain SIMD, else null (no WebAssembly SIMD: the engine is unavailable).
 */
export function kernelFlavor(): KernelFlavor | null {
  if (typeof WebAssembly === 'undefined') return null;
  if (WebAssembly.validate(decode(relaxed))) return 'relaxed-simd';
  if (WebAssembly.validate(decode(simd))) return 'simd';
  return null;
}

/** Instantiates the kernel on a fresh memory; `flavor` forces a build (tests compare both). */
export async function loadKernel(flavor: KernelFlavor | null = kernelFlavor()): Promise<LoadedKernel> {
  if (!flavor) throw new Error('This browser has no WebAssembly SIMD, which the WASM engine needs: use a tfjs backend instead.');
  const memory = new WebAssembly.Memory({ initial: 1 });
  const bytes = decode(flavor === 'relaxed-simd' ? relaxed : simd);
  const { instance } = await WebAssembly.instantiate(bytes, {
    env: {
      memory,
      abort: () => {
        throw new Error('The WASM engine kernel aborted.');
      },
    },
  });
  return { kernels: instance.exports as unknown as EngineKernels, memory, flavor };
}
