import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { engineWasm } from './vite-engine-wasm.ts';

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

export default defineConfig({
  // engineWasm on the page too: in dev, Vite resolves the worker's imports with these plugins.
  plugins: [react(), vendorTfjs(), engineWasm()],
  worker: { format: 'es', plugins: () => [engineWasm()] },
  // Pre-bundled at start: the worker imports the WASM backend lazily, and discovering it on the
  // first run made the dev server re-optimize and reload the page mid-run.
  optimizeDeps: { include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-webgpu', '@tensorflow/tfjs-backend-wasm'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
  server: { host: 'localhost', port: 5173 },
  preview: { host: 'localhost', port: 4173 },
});
