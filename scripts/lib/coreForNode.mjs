// Node 20 cannot import the studio's TypeScript: Vite bundles the named core modules for Node
// (an SSR build, about a second) into node_modules/.tmp/<name>, and they are imported from there.
import { build } from 'vite';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Builds `modules` ({ key: 'src/core/…/file.ts' }) for Node and returns each module's exports
 * under its key.
 */
export async function importCoreForNode(name, modules) {
  const outDir = resolve('node_modules/.tmp', name);
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { input: modules, output: { format: 'es', entryFileNames: '[name].mjs' } },
    },
  });
  const entries = await Promise.all(Object.keys(modules).map(async (key) => [key, await import(pathToFileURL(`${outDir}/${key}.mjs`).href)]));
  return Object.fromEntries(entries);
}
