import { engineUnsupported } from '../../core/train/enginePlan';
import {
  engineRefusalHere,
  fasterOfGpuAndEngine,
  planTrainer,
  speedCacheKey,
  type PlannedTrainer,
  type TrainerEnvironment,
} from '../../core/train/backendPolicy';
import { measureEngineSpeed } from '../train/engine/measureEngine';
import type { ModelSpec } from '../../core/model/modelSpec';
import type { BackendChoice } from '../../core/train/trainConfig';
import type { BackendInfo, TfjsBackendName } from '../../protocol/messages';
import { ORDER, hardwareWebGpuFound, selectBackend } from './backend';
import { kernelFlavor, type KernelFlavor } from '../train/engine/kernelModule';
import { measureSpeed } from './measure';

const FLAVORS: Record<KernelFlavor, string> = {
  'relaxed-simd': 'WebAssembly relaxed SIMD, fused multiply-add',
  simd: 'WebAssembly SIMD',
};

/** What Auto's policy needs to know about this browser, as far as this worker has found out. */
export function trainerEnvironment(): TrainerEnvironment {
  return { hardwareWebGpu: hardwareWebGpuFound(), wasmSimd: kernelFlavor() !== null };
}

/** The engine as what trains, with the tfjs backend that evaluates and saves the model. */
function engineInfo(tfjs: BackendInfo & { name: TfjsBackendName }, fallbackReason: string | null): BackendInfo {
  return { name: 'engine', adapter: FLAVORS[kernelFlavor()!], fallbackReason, evaluation: tfjs.name };
}

/**
 * The tfjs backend that holds the model the engine trains, for evaluation, prediction and saving:
 * hardware WebGPU when there is one, else tfjs' WASM backend (XNNPACK on the CPU, where the
 * engine trains too). On a software WebGPU adapter the Keras text CNN's forward pass cost about
 * 90 ms per text, so a run's evaluation and its first prediction waited seconds to minutes.
 */
export async function cpuModelHolder(started: BackendInfo & { name: TfjsBackendName }): Promise<BackendInfo & { name: TfjsBackendName }> {
  if (hardwareWebGpuFound() === true || started.name === 'wasm') return started;
  const wasm = await selectBackend('wasm');
  if (wasm.name !== 'wasm') return started;
  // Why not the backend Auto tried first: what WebGPU found, or why it could not start.
  const why = started.fallbackReason ?? (started.name === 'webgpu' ? `WebGPU has only a software adapter here (${started.adapter ?? 'fallback adapter'}).` : null);
  return { ...wasm, fallbackReason: why };
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
 * What trains a spec for a Backend choice, decided by planTrainer (core/train/backendPolicy.ts)
 * on what this browser has; the reason travels with the result, and so do the facts the page
 * needs to show the same plan before the next run.
 */
export async function chooseTrainer(choice: BackendChoice, spec: ModelSpec, classCount: number): Promise<BackendInfo> {
  // "engine" starts tfjs as Auto does: tfjs holds the model for evaluation, or trains it when refused.
  // Either way WebGPU is tried first, so the policy knows whether a hardware GPU is here.
  const tfjs = await selectBackend(choice === 'engine' ? 'auto' : choice);
  const environment = trainerEnvironment();
  const modelRefusal = engineUnsupported(spec);
  const { trains } = planTrainer(choice, modelRefusal, environment);
  const refusal = engineRefusalHere(modelRefusal, environment);
  return { ...(await startPlanned(trains, choice, tfjs, refusal, spec, classCount)), environment };
}

/** Turns the plan into the BackendInfo that trains, with the reason when it is a fallback. */
async function startPlanned(
  trains: PlannedTrainer,
  choice: BackendChoice,
  tfjs: BackendInfo & { name: TfjsBackendName },
  refusal: string | null,
  spec: ModelSpec,
  classCount: number,
): Promise<BackendInfo> {
  const noGpu =
    tfjs.name === 'webgpu'
      ? `WebGPU has only a software adapter here (${tfjs.adapter ?? 'fallback adapter'}).`
      : (tfjs.fallbackReason ?? 'WebGPU is not available here.');
  switch (trains.kind) {
    case 'tfjs':
      return tfjs;
    case 'engine':
      return engineInfo(await cpuModelHolder(tfjs), choice === 'auto' ? `${noGpu} The WASM SIMD engine trains this model fastest on the CPU.` : null);
    case 'firstTfjs':
      return { ...tfjs, fallbackReason: `The WASM engine cannot train this model: ${refusal}.${tfjs.fallbackReason ? ` ${tfjs.fallbackReason}` : ''}` };
    case 'fastestTfjs': {
      const speeds = await measureBackends(spec, classCount);
      if (!speeds.length) return tfjs;
      const best = await selectBackend(speeds[0].name);
      const table = speeds.map((s) => `${s.name} ${fmt(s.samplesPerSecond)}`).join(', ');
      return {
        ...best,
        fallbackReason: `${noGpu} The WASM engine cannot train this model (${refusal}); measured samples/s on it: ${table}, so ${best.name} trains it.`,
      };
    }
    case 'fasterOfGpuAndEngine': {
      const picked = await gpuOrEngine(spec, classCount, tfjs.adapter);
      if (picked.trains === 'webgpu') return { ...tfjs, adapter: `${tfjs.adapter ?? 'GPU'}; Auto ${picked.note}` };
      return engineInfo(await cpuModelHolder(tfjs), `A GPU is here, but the WASM SIMD engine trains this model faster (${picked.note}).`);
    }
    case 'gpuElse':
      // Not reached: selectBackend above has tried WebGPU. Were it, no hardware GPU is known.
      return startPlanned({ kind: trains.otherwise }, choice, tfjs, refusal, spec, classCount);
  }
}

/** GPU-versus-engine measurements by model shape, batch and device: Auto measures a model once per worker. */
const gpuOrEngineMeasured = new Map<string, ReturnType<typeof fasterOfGpuAndEngine>>();

/**
 * On a hardware GPU, times a few steps of the model on WebGPU (the fused WGSL kernels where the
 * model allows them) and on the WASM engine; the faster trains (fasterOfGpuAndEngine). A side
 * that fails to measure counts as not a number, and loses.
 */
async function gpuOrEngine(spec: ModelSpec, classCount: number, adapter: string | null) {
  const key = speedCacheKey(spec, classCount, PROBE_BATCH, adapter);
  const known = gpuOrEngineMeasured.get(key);
  if (known) return known;
  const webgpu = await measureSpeed(spec, classCount, PROBE_BATCH, true).catch(() => NaN);
  const engine = await measureEngineSpeed(spec, classCount, PROBE_BATCH).catch(() => NaN);
  const picked = fasterOfGpuAndEngine({ webgpu, engine });
  gpuOrEngineMeasured.set(key, picked);
  return picked;
}
