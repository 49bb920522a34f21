import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import type { BackendChoice } from '../../core/train/trainConfig';
import { registerCpuUnsortedSegmentSum, registerWebglUnsortedSegmentSum } from './kernels/unsortedSegmentSum';
import type { BackendInfo, TfjsBackendName } from '../../protocol/messages';

/** The slice of the WebGPU API we read; the worker lib has no WebGPU types. */
interface GpuAdapterLike {
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<GpuAdapterLike | null>;
}

/** The tfjs backends in Auto's order of preference. */
export const ORDER: TfjsBackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

function describeAdapter(adapter: GpuAdapterLike): string {
  const info = adapter.info ?? {};
  const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unknown adapter';
  const software = info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? /swiftshader/i.test(name);
  return software ? `${name} (software)` : name;
}

/** Tries one backend (reason null on success) and remembers what WebGPU found, for Auto's policy. */
async function tryBackend(name: TfjsBackendName): Promise<{ reason: string | null; adapter: string | null }> {
  const tried = await startBackend(name);
  if (name === 'webgpu') hardwareWebGpu = tried.reason === null && !currentSoftware;
  return tried;
}

/** Starts one backend; returns null on success or the reason it cannot run here. */
async function startBackend(name: TfjsBackendName): Promise<{ reason: string | null; adapter: string | null }> {
  let adapter: string | null = null;
  let software = false;
  if (name === 'webgpu') {
    const gpu = (navigator as unknown as { gpu?: GpuLike }).gpu;
    if (!gpu) {
      return {
        reason: 'WebGPU is not available in this browser (navigator.gpu is missing). Use Chrome or Edge 113+; on Linux start it with --enable-unsafe-webgpu.',
        adapter,
      };
    }
    const found = await gpu.requestAdapter().catch(() => null);
    if (!found) {
      return {
        reason: 'WebGPU found no GPU adapter (the GPU is blocked, missing, or WebGPU is disabled; on Linux start Chrome with --enable-unsafe-webgpu).',
        adapter,
      };
    }
    adapter = describeAdapter(found);
    software = adapter.endsWith('(software)');
  }
  // setBackend can fail quietly: it resolves false and tfjs moves on to another backend.
  let ok: boolean;
  try {
    // Loaded only when asked for: sets where its .wasm files are served and registers the
    // kernels training needs (see wasmBackend.ts).
    ok = name === 'wasm' ? await (await import('./wasmBackend')).setWasmBackend() : await tf.setBackend(name);
    await tf.ready();
  } catch (error) {
    return { reason: `The ${name} backend failed to start: ${(error as Error).message}`, adapter };
  }
  if (ok && name === 'cpu') registerCpuUnsortedSegmentSum();
  if (ok && name === 'webgl') registerWebglUnsortedSegmentSum();
  if (!ok || tf.getBackend() !== name) {
    return { reason: `tfjs could not initialise the ${name} backend (it is running on ${tf.getBackend() ?? 'none'} instead).`, adapter };
  }
  currentSoftware = software;
  if (name === 'wasm') adapter = (await import('./wasmBackend')).wasmThreadsNote();
  return { reason: null, adapter };
}

/**
 * Picks the backend for a choice: "auto" walks WebGPU → WebGL → CPU; a forced backend that
 * fails falls back the same way, and the reason travels with the result.
 */
export function selectBackend(choice: BackendChoice): Promise<BackendInfo & { name: TfjsBackendName }> {
  // One switch at a time: a second call while tfjs is still starting a backend would see
  // getBackend() name it before it is ready ("backend 'webgpu' has not yet been initialized").
  const next = queue.then(() => switchBackend(choice));
  queue = next.catch(() => undefined);
  return next;
}

let queue: Promise<unknown> = Promise.resolve();

async function switchBackend(choice: BackendChoice): Promise<BackendInfo & { name: TfjsBackendName }> {
  const candidates = choice === 'auto' || choice === 'engine' ? ORDER : [choice, ...ORDER.filter((b) => b !== choice)];
  const reasons: string[] = [];
  for (const name of candidates) {
    if (tf.getBackend() === name && reasons.length === 0) {
      return { name, fallbackReason: null, adapter: currentAdapter };
    }
    const { reason, adapter } = await tryBackend(name);
    if (reason === null) {
      currentAdapter = adapter;
      return { name, fallbackReason: reasons.length ? reasons.join(' ') : null, adapter };
    }
    reasons.push(reason);
  }
  throw new Error(`No tfjs backend could start: ${reasons.join(' ')}`);
}

let currentAdapter: string | null = null;
let currentSoftware = false;
/** What the last start of WebGPU found: a hardware adapter that tfjs runs on, or not. */
let hardwareWebGpu: boolean | 'unknown' = 'unknown';

/**
 * Whether tfjs runs WebGPU on a hardware adapter here (not SwiftShader or another fallback);
 * 'unknown' until WebGPU was tried. Known after selectBackend('auto'): it tries WebGPU first,
 * or is already running on it.
 */
export function hardwareWebGpuFound(): boolean | 'unknown' {
  return hardwareWebGpu;
}
