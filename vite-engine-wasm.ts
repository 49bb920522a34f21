import type { Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SOURCE = fileURLToPath(new URL('./assembly/convMax.ts', import.meta.url));
const ID = 'virtual:engine-wasm';

/** Builds the engine's kernel (assembly/convMax.ts) with AssemblyScript: plain SIMD and relaxed SIMD. */
export async function compileEngineWasm(): Promise<{ simd: Uint8Array; relaxed: Uint8Array }> {
  const { default: asc } = await import('assemblyscript/asc');
  const source = readFileSync(SOURCE, 'utf8');
  const build = async (enable: string[]) => {
    const result = await asc.compileString(
      { 'convMax.ts': source },
      { optimizeLevel: 3, shrinkLevel: 0, runtime: 'stub', importMemory: true, initialMemory: 1, noAssert: true, enable },
    );
    if (result.error || !result.binary) throw new Error(`AssemblyScript failed on assembly/convMax.ts:\n${result.stderr.toString()}`);
    return result.binary;
  };
  return { simd: await build(['simd']), relaxed: await build(['simd', 'relaxed-simd']) };
}

/**
 * Serves `virtual:engine-wasm`: both builds as base64 strings (about 2 kB each), compiled from
 * source at dev, build and test time so the binaries never drift from the code.
 */
export function engineWasm(): Plugin {
  return {
    name: 'engine-wasm',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    async load(id) {
      if (id !== `\0${ID}`) return null;
      this.addWatchFile(SOURCE);
      const { simd, relaxed } = await compileEngineWasm();
      const b64 = (bytes: Uint8Array) => JSON.stringify(Buffer.from(bytes).toString('base64'));
      return `export const simd = ${b64(simd)};\nexport const relaxed = ${b64(relaxed)};\n`;
    },
  };
}
