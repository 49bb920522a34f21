import { relaxed, simd } from 'virtual:engine-wasm';

/** The kernel's exports (assembly/convMax.ts). Pointers are byte offsets into the memory. */
export interface ConvMaxKernel {
  convMax(
    embedding: number, dim: number, tokens: number, length: number,
    weights: number, bias: number, kernel: number, filters: number,
    outMax: number, outArg: number, outTies: number,
  ): void;
}

export type KernelFlavor = 'relaxed-simd' | 'simd';

export interface LoadedKernel {
  kernel: ConvMaxKernel;
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
  return { kernel: instance.exports as unknown as ConvMaxKernel, memory, flavor };
}
