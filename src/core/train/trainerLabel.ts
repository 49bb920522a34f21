/**
 * What trains, in a word a person reads: where it computes (GPU or CPU) and what runs there
 * ("CPU · WASM engine", "GPU · WebGPU"). The header badge, the Model step's "Measure speed" and
 * the Train step's status all say it this way; before a run it comes from planTrainer, so it
 * names what the run will then use. WebGPU on a software adapter (SwiftShader) computes on the
 * CPU and is never called a GPU.
 */
import { planTrainer, type TfjsChoice, type TrainerEnvironment } from './backendPolicy';
import type { BackendChoice } from './trainConfig';

/** The part of the worker's BackendInfo this module reads. */
export interface RunningTrainer {
  name: TfjsChoice | 'engine';
  /** Adapter description; a software WebGPU adapter ends in "(software)". */
  adapter: string | null;
  /** When the engine trains: the tfjs backend that holds the model. */
  evaluation?: TfjsChoice;
  fallbackReason: string | null;
}

/** Where a trainer computes, and what it is. */
export interface TrainerLabel {
  where: 'GPU' | 'CPU' | 'GPU or CPU';
  what: string;
}

/** A trainer for the badge and buttons, with why it is the one. */
export interface TrainerPlanLabel {
  label: TrainerLabel;
  reason: string;
}

/** "CPU · WASM engine". */
export const badgeText = (label: TrainerLabel): string => `${label.where} · ${label.what}`;

/** "your CPU (WASM engine)", for sentences such as "Training on …". */
export const placeText = (label: TrainerLabel): string => (label.where === 'GPU or CPU' ? `the ${label.what}` : `your ${label.where} (${label.what})`);

function describeTfjs(name: TfjsChoice, adapter: string | null, environment: TrainerEnvironment | 'unknown'): TrainerLabel {
  switch (name) {
    case 'webgpu': {
      const software = adapter ? adapter.endsWith('(software)') : environment !== 'unknown' && environment.hardwareWebGpu === false;
      return software ? { where: 'CPU', what: 'WebGPU on a software adapter' } : { where: 'GPU', what: 'WebGPU' };
    }
    case 'webgl':
      return { where: 'GPU', what: 'WebGL' };
    case 'wasm':
      return { where: 'CPU', what: 'WASM' };
    case 'cpu':
      return { where: 'CPU', what: 'JavaScript' };
  }
}

/** What a backend the worker started is, in a word. */
export function describeRunning(info: RunningTrainer, environment: TrainerEnvironment | 'unknown' = 'unknown'): TrainerLabel {
  return info.name === 'engine' ? { where: 'CPU', what: 'WASM engine' } : describeTfjs(info.name, info.adapter, environment);
}

/**
 * What a Backend choice will train the current model on, decided by planTrainer exactly as
 * the worker decides, with the running backend filling in what the policy leaves to "the
 * first tfjs backend that starts".
 */
export function plannedTrainer(
  choice: BackendChoice,
  engineRefusal: string | null,
  environment: TrainerEnvironment | 'unknown',
  running: RunningTrainer | null,
): TrainerPlanLabel {
  const plan = planTrainer(choice, engineRefusal, environment);
  const trains = plan.trains;
  const tfjsNow = running ? (running.name === 'engine' ? (running.evaluation ?? null) : running.name) : null;
  const adapterNow = running && running.name !== 'engine' ? running.adapter : null;
  const label = ((): TrainerLabel => {
    switch (trains.kind) {
      case 'engine':
        return { where: 'CPU', what: 'WASM engine' };
      case 'tfjs':
        return describeTfjs(trains.backend, tfjsNow === trains.backend ? adapterNow : null, environment);
      case 'firstTfjs':
        return tfjsNow ? describeTfjs(tfjsNow, adapterNow, environment) : { where: 'GPU or CPU', what: 'first backend that starts' };
      case 'fastestTfjs':
        return { where: 'GPU or CPU', what: 'fastest backend, measured at the start' };
      case 'fasterOfGpuAndEngine':
        return { where: 'GPU or CPU', what: 'WebGPU or the WASM engine, whichever measures faster' };
      case 'gpuElse':
        return { where: 'GPU or CPU', what: trains.otherwise === 'engine' ? 'GPU if there is one, else the WASM engine' : 'GPU if there is one, else the fastest backend' };
    }
  })();
  return { label, reason: plainReason(plan.reason) };
}

/** The policy's reason in the person's words: no library names. */
function plainReason(reason: string): string {
  return reason
    .replace(/^forced/, 'Chosen by you')
    .replace(/tfjs' WebAssembly backend \(XNNPACK SIMD\)/g, 'the WebAssembly backend')
    .replace(/\btfjs backend/g, 'backend');
}
