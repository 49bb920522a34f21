import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { engineWasm } from './vite-engine-wasm.ts';
import { tfjsWasmThreads } from './vite-tfjs-wasm-threads.ts';

/**
 * Serves the installed TensorFlow.js browser build at vendor/tf.min.js (dev) and emits it there
 * (build), so a downloaded bundle's predict.html can load tfjs from its own folder: no CDN.
 */
function vendorTfjs(): Plugin {
  const file = createRequire(import.meta.url).resolve('@tensorflow/tfjs/dist/tf.min.js');
  return {
    name: 'vendor-tfjs',
    configureServer(server) {
      server.middlewares.use(`${server.config.base}vendor/tf.min.js`, (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'vendor/tf.min.js', source: readFileSync(file) });
    },
  };
}

/**
 * The Content-Security-Policy of the production build (docs/hosting.md). Scripts only from this
 * origin, plus 'wasm-unsafe-eval' to compile the WASM engine and tfjs' WASM backend; no inline
 * script and no eval. Styles allow 'unsafe-inline': React style props and Mermaid's SVG carry
 * inline styles (styles cannot run code). blob: serves downloads and file previews.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];
/** Header-only directives: a <meta> policy may not carry them (the browser warns and ignores them). */
const CSP_HEADER_ONLY = ["frame-ancestors 'none'"];
const CSP_HEADER = [...CSP_DIRECTIVES, ...CSP_HEADER_ONLY].join('; ');

/**
 * The policy as a <meta> tag in the built index.html, so it holds wherever dist/ is hosted
 * (dev keeps none: Vite's dev client and React refresh inject inline scripts).
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_DIRECTIVES.join('; ') }, injectTo: 'head-prepend' }],
  };
}

/**
 * Cross-origin isolation (docs/hosting.md): with it the page may share memory between workers
 * (SharedArrayBuffer), which the WASM engine's two workers and tfjs' threaded WASM backend use.
 * Every resource the app loads is its own, so require-corp blocks nothing.
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // engineWasm on the page too: in dev, Vite resolves the worker's imports with these plugins.
  plugins: [react(), vendorTfjs(), engineWasm(), contentSecurityPolicy()],
  worker: { format: 'es', plugins: () => [engineWasm(), tfjsWasmThreads()] },
  // Pre-bundled at start: the worker imports the WASM backend lazily, and discovering it on the
  // first run made the dev server re-optimize and reload the page mid-run.
  optimizeDeps: { include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-webgpu', '@tensorflow/tfjs-backend-wasm'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // The studio, and the WebGPU kernel self-check page (e2e/wgsl.spec.ts opens it).
    rollupOptions: { input: { main: 'index.html', wgslCheck: 'src/checks/wgsl.html' } },
  },
  server: { host: 'localhost', port: 5173, headers: ISOLATION_HEADERS },
  // The preview server sends the policy as a header too: it also covers the workers' scripts.
  preview: { host: 'localhost', port: 4173, headers: { 'Content-Security-Policy': CSP_HEADER, ...ISOLATION_HEADERS } },
});
