// Serves the built studio for a bench script run on its own: vite preview on a port of the
// script's, answered before the script goes on. (npm run bench serves one itself for all of them.)
import { spawn, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's Chromium unless CHROMIUM_PATH names another; undefined: Playwright's own. */
export const chromiumPath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/**
 * Starts `vite preview` of BENCH_DIST (default dist/) on `port` and waits until it answers.
 * `build`: run `npm run build` first when the folder has no index.html (else that is an error).
 */
export async function startPreview(port, { build = false } = {}) {
  const dist = process.env.BENCH_DIST ?? 'dist';
  if (!existsSync(`${dist}/index.html`)) {
    if (!build) throw new Error(`${dist}/index.html is missing: npm run build first`);
    execSync('npm run build', { stdio: 'inherit' });
  }
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', dist, '--host', 'localhost', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
  const url = `http://localhost:${port}/`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      if (i > 150) {
        server.kill();
        throw new Error('vite preview did not start');
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop: () => server.kill() };
}
