import { engineUnsupported } from '../../core/train/enginePlan';
import type { ModelSpec } from '../../core/model/modelSpec';
import type { BackendChoice } from '../../core/train/trainConfig';
import type { BackendInfo, TfjsBackendName } from '../../protocol/messages';
import { ORDER, onHardwareWebGpu, selectBackend } from './backend';
import { kernelFlavor, type KernelFlavor } from '../train/engine/kernelModule';
import { measureSpeed } from './measure';

const FLAVORS: Record<KernelFlavor, string> = {
  'relaxed-simd': 'WebAssembly relaxed SIMD, fused multiply-add',
  simd: 'WebAssembly SIMD',
};

/** Why the engine cannot train a spec in this browser, or null. */
export function engineUnavailable(spec: ModelSpec): string | null {
  return engineUnsupported(spec) ?? (kernelFlavor() ? null : 'this browser has no WebAssembly SIMD');
}

/** The engine as what trains, with the tfjs backend that evaluates and saves the model. */
function engineInfo(tfjs: BackendInfo & { name: TfjsBackendName }, fallbackReason: string | null): BackendInfo {
  return { name: 'engine', adapter: FLAVORS[kernelFlavor()!], fallbackReason, evaluation: tfjs.name };
}

/** Measured speeds by spec, classes and batch: Auto measures a model once per worker. */
const measured = new Map<string, { name: TfjsBackendName; samplesPerSecond: number }[]>();

/** Batch used to compare backends: enough to be representative, small enough to stay quick. */
const PROBE_BATCH = 16;

/** Times a few training steps on every tfjs backend that starts; the fastest first. */
async function measureBackends(spec: ModelSpec, classCount: number): Promise<{ name: TfjsBackendName; samplesPerSecond: number }[]> {
  const key = JSON.stringify([spec, classCount]);
  const known = measured.get(key);
  if (known) return known;
  const speeds: { name: TfjsBackendName; samplesPerSecond: number }[] = [];
  for (const name of ORDER) {
    const info = await selectBackend(name);
    if (info.name !== name) continue;
    speeds.push({ name, samplesPerSecond: await measureSpeed(spec, classCount, PROBE_BATCH) });
  }
  speeds.sort((a, b) => b.samplesPerSecond - a.samplesPerSecond);
  measured.set(key, speeds);
  return speeds;
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toPrecision(2));

/**
 * What trains a spec for a Backend choice. A forced tfjs backend is used when it starts;
 * "engine" is used when the model fits it (else Auto's tfjs pick, with the reason). "auto"
 * takes WebGPU on a hardware adapter; without one, the engine where the model fits it, else the
 * tfjs backend measured fastest on this model. The reason travels with the result.
 */
export async function chooseTrainer(choice: BackendChoice, spec: ModelSpec, classCount: number): Promise<BackendInfo> {
  const unavailable = engineUnavailable(spec);
  if (choice === 'engine') {
    const tfjs = await selectBackend('auto');
    if (unavailable === null) return engineInfo(tfjs, null);
    return { ...tfjs, fallbackReason: `The WASM engine cannot train this model: ${unavailable}.${tfjs.fallbackReason ? ` ${tfjs.fallbackReason}` : ''}` };
  }
  const tfjs = await selectBackend(choice);
  if (choice !== 'auto' || onHardwareWebGpu()) return tfjs;
  const noGpu =
    tfjs.name === 'webgpu'
      ? `WebGPU has only a software adapter here (${tfjs.adapter ?? 'fallback adapter'}).`
      : (tfjs.fallbackReason ?? 'WebGPU is not available here.');
  if (unavailable === null) {
    return engineInfo(tfjs, `${noGpu} The WASM SIMD engine trains this model fastest on the CPU.`);
  }
  const speeds = await measureBackends(spec, classCount);
  if (!speeds.length) return tfjs;
  const best = await selectBackend(speeds[0].name);
  const table = speeds.map((s) => `${s.name} ${fmt(s.samplesPerSecond)}`).join(', ');
  return {
    ...best,
    fallbackReason: `${noGpu} The WASM engine cannot train this model (${unavailable}); measured samples/s on it: ${table}, so ${best.name} trains it.`,
  };
}
