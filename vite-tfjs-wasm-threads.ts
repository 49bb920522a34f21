import type { Plugin } from 'vite';

const BACKEND = /@tensorflow\/tfjs-backend-wasm\/dist\/backend_wasm\.js$/;
const BLOB = /factoryConfig\.mainScriptUrlOrBlob = new Blob\(\[`var WasmBackendModuleThreadedSimd = ` \+\s*wasmFactoryThreadedSimd\.toString\(\)\], \{ type: 'text\/javascript' \}\);/;

/**
 * tfjs-backend-wasm 4.22's threaded build (used when the page is cross-origin isolated) hands
 * its thread workers the module's own source as a blob: script, which the app's
 * Content-Security-Policy (script-src 'self') forbids. This serves the same script from the
 * app's origin instead: `wasm-out/tfjs-backend-wasm-threaded-simd.js` defines the same
 * WasmBackendModuleThreadedSimd global, emitted as an asset, passed as an absolute URL (the
 * thread workers are blob: workers, which cannot resolve a relative one). Fails the build if the
 * code it replaces is not there (a tfjs upgrade must look at this again).
 */
export function tfjsWasmThreads(): Plugin {
  return {
    name: 'tfjs-wasm-threads',
    transform(code, id) {
      if (!BACKEND.test(id.split('?')[0])) return null;
      if (!BLOB.test(code)) throw new Error('tfjs-wasm-threads: the threaded build\'s blob: script was not found in backend_wasm.js');
      const replaced = code.replace(BLOB, 'factoryConfig.mainScriptUrlOrBlob = new URL(threadedScriptUrl, self.location.href).href;');
      return { code: `import threadedScriptUrl from '../wasm-out/tfjs-backend-wasm-threaded-simd.js?url';\n${replaced}`, map: null };
    },
  };
}
