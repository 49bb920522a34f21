/**
 * Worker of the WebGPU kernel self-check page (checks/wgsl.html): starts tfjs' WebGPU backend,
 * runs checkWgslKernels and posts the result (or the error) back. It trains nothing and reads no
 * user data; the studio's own worker never loads it.
 */
import { checkWgslKernels } from './train/fused/wgsl/wgslCheck';
import { selectBackend } from './backends/backend';

async function main(): Promise<void> {
  try {
    const started = await selectBackend('webgpu');
    if (started.name !== 'webgpu') throw new Error(started.fallbackReason ?? 'WebGPU did not start in this browser.');
    postMessage({ type: 'done', result: await checkWgslKernels(started.adapter ?? 'unknown adapter') });
  } catch (error) {
    postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

void main();
