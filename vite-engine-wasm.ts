import type { Plugin } from 'vite';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('./assembly/', import.meta.url));
const ID = 'virtual:engine-wasm';

/** Builds the engine's module (assembly/index.ts and what it imports) with AssemblyScript: plain SIMD and relaxed SIMD. */
export async function compileEngineWasm(): Promise<{ simd: Uint8Array; relaxed: Uint8Array }> {
  const { default: asc } = await import('assemblyscript/asc');
  const build = async (features: string) => {
    let binary: Uint8Array | null = null;
    const { error, stderr } = await asc.main(
      ['index.ts', '--outFile', 'engine.wasm', '--optimizeLevel', '3', '--runtime', 'stub', '--importMemory', '--initialMemory', '1', '--noAssert', '--enable', features],
      {
        readFile: (name: string) => (existsSync(DIR + name) ? readFileSync(DIR + name, 'utf8') : null),
        writeFile: (name: string, contents: Uint8Array | string) => {
          if (name.endsWith('.wasm')) binary = contents as Uint8Array;
        },
        listFiles: () => [],
      },
    );
    if (error || !binary) throw new Error(`AssemblyScript failed on assembly/:\n${stderr.toString()}`);
    return binary as Uint8Array;
  };
  return { simd: await build('simd'), relaxed: await build('simd,relaxed-simd') };
}

/**
 * Serves `virtual:engine-wasm`: both builds as base64 strings (about 4 kB each), compiled from
 * source at dev, build and test time so the binaries never drift from the code.
 */
export function engineWasm(): Plugin {
  return {
    name: 'engine-wasm',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    async load(id) {
      if (id !== `\0${ID}`) return null;
      for (const f of readdirSync(DIR)) this.addWatchFile(DIR + f);
      const { simd, relaxed } = await compileEngineWasm();
      const b64 = (bytes: Uint8Array) => JSON.stringify(Buffer.from(bytes).toString('base64'));
      return `export const simd = ${b64(simd)};\nexport const relaxed = ${b64(relaxed)};\n`;
    },
  };
}
