/**
 * The WebGPU kernel self-check page (src/checks/wgsl.html): runs the check in a worker
 * (src/worker/wgslCheckWorker.ts) and prints its JSON result. A separate page of the build,
 * under the same Content-Security-Policy; the studio itself never loads it.
 */
const status = document.getElementById('status')!;
const result = document.getElementById('result')!;
const worker = new Worker(new URL('../worker/wgslCheckWorker.ts', import.meta.url), { type: 'module', name: 'wgsl-check' });

worker.onmessage = (event: MessageEvent<{ type: 'done'; result: { pass: boolean } } | { type: 'error'; message: string }>) => {
  const data = event.data;
  if (data.type === 'done') {
    status.textContent = data.result.pass ? 'Passed' : 'Failed';
    result.textContent = JSON.stringify(data.result, null, 2);
  } else {
    status.textContent = `Error: ${data.message}`;
  }
  worker.terminate();
};
worker.onerror = (event) => {
  status.textContent = `Error: ${event.message || 'the check worker failed to start'}`;
};
