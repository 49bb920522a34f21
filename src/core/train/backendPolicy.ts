/**
 * Auto's backend policy, written once. The worker decides what trains by it
 * (src/worker/backends/trainerChoice.ts) and the Train step shows what it returns before a run,
 * so the page and the worker cannot tell two different stories. Pure: the worker supplies the
 * facts it found about this browser; before it has, the page passes 'unknown'.
 */
import type { BackendChoice } from './trainConfig';

/** A tfjs backend the studio can force. */
export type TfjsChoice = Exclude<BackendChoice, 'auto' | 'engine'>;

/** What the policy needs to know about this browser, as the studio worker found it. */
export interface TrainerEnvironment {
  /**
   * true: tfjs started WebGPU on a hardware adapter. false: no WebGPU, no adapter, only a
   * software one (e.g. SwiftShader), or it failed to start. 'unknown': WebGPU has not been
   * tried yet (a forced backend other than WebGPU started first).
   */
  hardwareWebGpu: boolean | 'unknown';
  /** Whether WebAssembly SIMD runs here: the WASM engine needs it. */
  wasmSimd: boolean;
}

/** What will train a model. */
export type PlannedTrainer =
  /** This tfjs backend; a forced one that cannot start falls back in Auto's order, with the reason. */
  | { kind: 'tfjs'; backend: TfjsChoice }
  /** The studio's WebAssembly SIMD engine, on the CPU. */
  | { kind: 'engine' }
  /** Each tfjs backend that starts is timed on the model; the fastest trains. */
  | { kind: 'fastestTfjs' }
  /** The first tfjs backend that starts, in Auto's order (WebGPU, WebGL, WASM, CPU). */
  | { kind: 'firstTfjs' }
  /** A hardware GPU, and the engine can train the model: a few steps are timed on each, the faster trains. */
  | { kind: 'fasterOfGpuAndEngine' }
  /** Not known yet whether a hardware GPU is here: WebGPU if one is, else `otherwise`. */
  | { kind: 'gpuElse'; otherwise: 'engine' | 'fastestTfjs' };

/** What will train, and a sentence for the person choosing saying why. */
export interface TrainerPlan {
  trains: PlannedTrainer;
  reason: string;
}

/** The Backend field's option labels. */
export const BACKEND_CHOICE_LABELS: Readonly<Record<BackendChoice, string>> = {
  auto: 'Auto: GPU when there is a real one, else the WASM engine on your CPU',
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
  engine: 'WASM SIMD engine (CPU)',
};

/** Why the engine cannot run in a browser without WebAssembly SIMD (a clause, as engineUnsupported's). */
export const NO_WASM_SIMD = 'this browser has no WebAssembly SIMD';

/**
 * Why the WASM engine cannot train here: the model's refusal (engineUnsupported), else the
 * browser's, else null. An unknown environment refuses nothing the model itself allows.
 */
export function engineRefusalHere(engineRefusal: string | null, environment: TrainerEnvironment | 'unknown'): string | null {
  if (engineRefusal) return engineRefusal;
  return environment !== 'unknown' && !environment.wasmSimd ? NO_WASM_SIMD : null;
}

/**
 * What trains for a Backend choice. Auto takes WebGPU on a hardware adapter (never on a
 * software one: it is slower than the CPU); without one, the WASM engine when it can train the
 * model here, else the tfjs backend measured fastest on the model. "engine" trains on the
 * engine when it can, else on the first tfjs backend that starts. A forced tfjs backend trains.
 */
export function planTrainer(choice: BackendChoice, engineRefusal: string | null, environment: TrainerEnvironment | 'unknown'): TrainerPlan {
  const refusal = engineRefusalHere(engineRefusal, environment);
  switch (choice) {
    case 'auto':
      return planAuto(refusal, environment === 'unknown' ? 'unknown' : environment.hardwareWebGpu);
    case 'engine':
      if (refusal === null) return { trains: { kind: 'engine' }, reason: 'Trains on your CPU in WebAssembly SIMD; fastest without a GPU' };
      return {
        trains: { kind: 'firstTfjs' },
        reason: `${engineRefusal ? 'Refused for this model' : 'Not available here'}: ${refusal}. The first tfjs backend that starts (WebGPU, WebGL, WASM, CPU, in that order) trains it instead.`,
      };
    case 'wasm':
      return { trains: { kind: 'tfjs', backend: 'wasm' }, reason: "forced: tfjs' WebAssembly backend (XNNPACK SIMD) on the CPU; falls back with the reason if it cannot start" };
    case 'webgpu':
      if (environment !== 'unknown' && environment.hardwareWebGpu === false) {
        return { trains: { kind: 'tfjs', backend: 'webgpu' }, reason: 'forced, but no hardware WebGPU adapter is here: it runs on a software one (slow) or falls back with the reason' };
      }
      return { trains: { kind: 'tfjs', backend: 'webgpu' }, reason: 'forced; falls back with the reason if it cannot start' };
    case 'webgl':
    case 'cpu':
      return { trains: { kind: 'tfjs', backend: choice }, reason: 'forced; falls back with the reason if it cannot start' };
  }
}

/** Auto's three cases, or the two it may still be while the GPU is not known. */
function planAuto(refusal: string | null, hardwareWebGpu: boolean | 'unknown'): TrainerPlan {
  if (hardwareWebGpu === true) {
    return refusal === null
      ? { trains: { kind: 'fasterOfGpuAndEngine' }, reason: 'A GPU is here: a few steps are timed on WebGPU and on the WASM engine, and the faster trains' }
      : { trains: { kind: 'tfjs', backend: 'webgpu' }, reason: 'WebGPU on this machine’s GPU' };
  }
  if (hardwareWebGpu === false) {
    return refusal === null
      ? { trains: { kind: 'engine' }, reason: 'No hardware GPU here: the WASM engine trains on your CPU' }
      : { trains: { kind: 'fastestTfjs' }, reason: `No hardware GPU here, and the WASM engine cannot train this model (${refusal}): the tfjs backend measured fastest on it trains` };
  }
  return refusal === null
    ? { trains: { kind: 'gpuElse', otherwise: 'engine' }, reason: 'GPU if there is a real one, else the WASM engine on your CPU' }
    : {
        trains: { kind: 'gpuElse', otherwise: 'fastestTfjs' },
        reason: `GPU if there is a real one, else the tfjs backend measured fastest on this model (the WASM engine cannot train it: ${refusal})`,
      };
}

/** Samples/s of a few timed training steps of one model on each side. */
export interface GpuEngineSpeeds {
  /** WebGPU (with the fused WGSL kernels where the model allows them). */
  webgpu: number;
  engine: number;
}

/**
 * Auto's pick between the GPU and the engine from measured speeds: the faster, WebGPU on a tie
 * or when the engine's figure is missing (not a number), the engine when WebGPU's is. The note
 * carries both figures for the status details.
 */
export function fasterOfGpuAndEngine(speeds: GpuEngineSpeeds): { trains: 'webgpu' | 'engine'; note: string } {
  const { webgpu, engine } = speeds;
  const trains = Number.isNaN(webgpu) || engine > webgpu ? 'engine' : 'webgpu';
  const fmt = (n: number) => (Number.isNaN(n) ? 'failed' : `${Math.round(n).toLocaleString('en-US')} samples/s`);
  return { trains, note: `measured on this model: WebGPU ${fmt(webgpu)}, WASM engine ${fmt(engine)}` };
}

/**
 * The key Auto caches a GPU-versus-engine measurement under: the model's shape (the spec), the
 * classes, the batch and the device (the adapter's description). A different model, batch or GPU
 * is measured again.
 */
export function speedCacheKey(spec: unknown, classCount: number, batchSize: number, adapter: string | null): string {
  return JSON.stringify([spec, classCount, batchSize, adapter ?? 'unknown adapter']);
}
