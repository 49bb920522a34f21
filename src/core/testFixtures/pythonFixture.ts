/**
 * Runs python/studio_check.py (the PyTorch project's parity answers) for the unit tests: one
 * JSON request on stdin, one JSON answer on stdout. Uses Debian's /usr/bin/python3 (with
 * python3-torch, python3-numpy, python3-icu, installed by .ci/run) unless STUDIO_PYTHON names
 * another. Node's child_process is loaded by a computed specifier so that this module
 * type-checks under the core's ES2022-only lib.
 */

interface ChildProcess {
  spawnSync(
    command: string,
    args: string[],
    options: { input: string; encoding: 'utf-8'; maxBuffer: number; env: Record<string, string | undefined> },
  ): { status: number | null; stdout: string; stderr: string; error?: Error };
}

declare const process: { env: Record<string, string | undefined> };

export const PYTHON = process.env.STUDIO_PYTHON ?? '/usr/bin/python3';
const SCRIPT = new URL('../../../python/studio_check.py', import.meta.url).pathname;

/** The answer of studio_check.py to `request`; throws with Python's stderr when it fails. */
export async function askPython<T>(request: unknown): Promise<T> {
  const cp = (await import(/* @vite-ignore */ 'node:child_process' as string)) as ChildProcess;
  const run = cp.spawnSync(PYTHON, [SCRIPT], { input: JSON.stringify(request), encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, PYTHONHASHSEED: '0' } });
  if (run.error || run.status !== 0) {
    throw new Error(
      `${PYTHON} ${SCRIPT} failed (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr}\n` +
        'The PyTorch project tests need Python 3 with torch, numpy and PyICU (Debian: apt install python3-torch python3-numpy python3-icu).',
    );
  }
  return JSON.parse(run.stdout) as T;
}
