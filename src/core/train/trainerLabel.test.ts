import { describe, expect, it } from 'vitest';
import { badgeText, describeRunning, placeText, plannedTrainer } from './trainerLabel';
import type { TrainerEnvironment } from './backendPolicy';

const noGpu: TrainerEnvironment = { hardwareWebGpu: false, wasmSimd: true };
const gpu: TrainerEnvironment = { hardwareWebGpu: true, wasmSimd: true };
const software = { name: 'webgpu' as const, adapter: 'google swiftshader (software)', fallbackReason: null };

describe('plannedTrainer', () => {
  it.each([
    ['auto without a hardware GPU', 'auto', null, noGpu, software, 'CPU · WASM engine'],
    ['auto with a hardware GPU, a model the engine refuses', 'auto', 'average pooling', gpu, { ...software, adapter: 'nvidia ampere' }, 'GPU · WebGPU'],
    ['auto with a hardware GPU, a model both train: measured', 'auto', null, gpu, { ...software, adapter: 'nvidia ampere' }, 'GPU or CPU · WebGPU or the WASM engine, whichever measures faster'],
    ['auto, engine refused, no GPU', 'auto', 'average pooling', noGpu, software, 'GPU or CPU · fastest backend, measured at the start'],
    ['forced WebGPU on a software adapter', 'webgpu', null, noGpu, software, 'CPU · WebGPU on a software adapter'],
    ['engine refused: the first backend that starts', 'engine', 'average pooling', noGpu, software, 'CPU · WebGPU on a software adapter'],
    ['forced WASM', 'wasm', null, noGpu, software, 'CPU · WASM'],
    ['auto before the GPU is known', 'auto', null, 'unknown', null, 'GPU or CPU · GPU if there is one, else the WASM engine'],
  ] as const)('%s: %s', (_, choice, refusal, environment, running, text) => {
    expect(badgeText(plannedTrainer(choice, refusal, environment, running).label)).toBe(text);
  });

  it('never calls a software adapter a GPU, and names no library in the reason', () => {
    const plan = plannedTrainer('auto', 'average pooling', noGpu, software);
    expect(plan.reason).not.toMatch(/tfjs/);
    expect(describeRunning(software).where).toBe('CPU');
  });
});

describe('placeText', () => {
  it('reads as a place to train', () => {
    expect(placeText({ where: 'CPU', what: 'WASM engine' })).toBe('your CPU (WASM engine)');
  });
});
