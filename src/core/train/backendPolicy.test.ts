import { describe, expect, it } from 'vitest';
import { BACKEND_CHOICE_LABELS, NO_WASM_SIMD, planTrainer, type PlannedTrainer, type TrainerEnvironment } from './backendPolicy';
import { fasterOfGpuAndEngine, speedCacheKey } from './backendPolicy';
import { BACKEND_CHOICES, type BackendChoice } from './trainConfig';

const gpu: TrainerEnvironment = { hardwareWebGpu: true, wasmSimd: true };
const cpuOnly: TrainerEnvironment = { hardwareWebGpu: false, wasmSimd: true };
const noSimd: TrainerEnvironment = { hardwareWebGpu: false, wasmSimd: false };
const notTried: TrainerEnvironment = { hardwareWebGpu: 'unknown', wasmSimd: true };
const AVG = 'the WASM engine trains global max pooling, not average pooling';

describe('planTrainer', () => {
  it.each<[BackendChoice, string | null, TrainerEnvironment | 'unknown', PlannedTrainer]>([
    ['auto', null, gpu, { kind: 'fasterOfGpuAndEngine' }],
    ['auto', AVG, gpu, { kind: 'tfjs', backend: 'webgpu' }],
    ['auto', null, cpuOnly, { kind: 'engine' }],
    ['auto', AVG, cpuOnly, { kind: 'fastestTfjs' }],
    ['auto', null, noSimd, { kind: 'fastestTfjs' }],
    ['auto', null, notTried, { kind: 'gpuElse', otherwise: 'engine' }],
    ['auto', null, 'unknown', { kind: 'gpuElse', otherwise: 'engine' }],
    ['auto', AVG, 'unknown', { kind: 'gpuElse', otherwise: 'fastestTfjs' }],
    ['engine', null, cpuOnly, { kind: 'engine' }],
    ['engine', null, gpu, { kind: 'engine' }],
    ['engine', null, 'unknown', { kind: 'engine' }],
    ['engine', AVG, cpuOnly, { kind: 'firstTfjs' }],
    ['engine', null, noSimd, { kind: 'firstTfjs' }],
    ['webgpu', null, cpuOnly, { kind: 'tfjs', backend: 'webgpu' }],
    ['webgl', null, gpu, { kind: 'tfjs', backend: 'webgl' }],
    ['wasm', null, 'unknown', { kind: 'tfjs', backend: 'wasm' }],
    ['cpu', AVG, noSimd, { kind: 'tfjs', backend: 'cpu' }],
  ])('%s with engine refusal %s in %o trains %o', (choice, refusal, environment, trains) => {
    expect(planTrainer(choice, refusal, environment).trains).toEqual(trains);
  });

  it.each<[string, BackendChoice, string | null, TrainerEnvironment | 'unknown', string]>([
    ['a model refusal, quoted as the page has always shown it', 'engine', AVG, cpuOnly, `Refused for this model: ${AVG}.`],
    ['the browser’s refusal', 'engine', null, noSimd, `Not available here: ${NO_WASM_SIMD}.`],
    ['the tfjs WebAssembly backend', 'wasm', null, 'unknown', "forced: tfjs' WebAssembly backend (XNNPACK SIMD) on the CPU"],
    ['no GPU, the engine', 'auto', null, cpuOnly, 'No hardware GPU here: the WASM engine trains on your CPU'],
    ['no GPU, the engine refused: measurement', 'auto', AVG, cpuOnly, `the WASM engine cannot train this model (${AVG}): the tfjs backend measured fastest`],
    ['before the worker said', 'auto', null, 'unknown', 'GPU if there is a real one, else the WASM engine'],
    ['forced WebGPU on a software adapter', 'webgpu', null, cpuOnly, 'no hardware WebGPU adapter is here'],
  ])('the reason names %s', (_, choice, refusal, environment, fragment) => {
    expect(planTrainer(choice, refusal, environment).reason).toContain(fragment);
  });

  it.each(BACKEND_CHOICES.flatMap((choice) => [cpuOnly, noSimd, notTried, 'unknown' as const].map((env) => [choice, env] as const)))(
    'never promises WebGPU without a hardware adapter (%s, %o)',
    (choice, environment) => {
      const plan = planTrainer(choice, null, environment);
      if (choice !== 'webgpu') expect(plan.trains).not.toEqual({ kind: 'tfjs', backend: 'webgpu' });
      expect(plan.reason).not.toMatch(/WebGPU on this machine/);
    },
  );
});

describe('BACKEND_CHOICE_LABELS', () => {
  it('labels every choice, Auto in plain words', () => {
    expect(Object.keys(BACKEND_CHOICE_LABELS).sort()).toEqual([...BACKEND_CHOICES].sort());
    expect(BACKEND_CHOICE_LABELS.auto).toBe('Auto: GPU when there is a real one, else the WASM engine on your CPU');
  });
});

describe('fasterOfGpuAndEngine', () => {
  it.each([
    ['the GPU measured faster', 1200, 800, 'webgpu'],
    ['the engine measured faster (an integrated GPU)', 300, 1850, 'engine'],
    ['a tie goes to the GPU', 500, 500, 'webgpu'],
    ['the engine failed to measure', 40, NaN, 'webgpu'],
    ['WebGPU failed to measure', NaN, 40, 'engine'],
  ] as const)('%s', (_name, webgpu, engine, trains) => {
    expect(fasterOfGpuAndEngine({ webgpu, engine }).trains).toBe(trains);
  });

  it('names both figures for the status details', () => {
    expect(fasterOfGpuAndEngine({ webgpu: 12345.6, engine: 1850.2 }).note).toBe('measured on this model: WebGPU 12,346 samples/s, WASM engine 1,850 samples/s');
    expect(fasterOfGpuAndEngine({ webgpu: NaN, engine: 7 }).note).toBe('measured on this model: WebGPU failed, WASM engine 7 samples/s');
  });
});

describe('speedCacheKey', () => {
  const spec = { vocabSize: 100, layers: [] };
  it('is the same for the same model, classes, batch and device', () => {
    expect(speedCacheKey({ ...spec }, 3, 16, 'nvidia ampere')).toBe(speedCacheKey(spec, 3, 16, 'nvidia ampere'));
  });
  it.each([
    ['another model', { vocabSize: 200, layers: [] }, 3, 16, 'nvidia ampere'],
    ['other classes', spec, 4, 16, 'nvidia ampere'],
    ['another batch', spec, 3, 32, 'nvidia ampere'],
    ['another GPU', spec, 3, 16, 'intel xe'],
  ] as const)('differs for %s', (_name, s, classes, batch, adapter) => {
    expect(speedCacheKey(s, classes, batch, adapter)).not.toBe(speedCacheKey(spec, 3, 16, 'nvidia ampere'));
  });
});
