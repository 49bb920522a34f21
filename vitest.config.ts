import { defineConfig } from 'vitest/config';
import { engineWasm } from './vite-engine-wasm.ts';

export default defineConfig({
  plugins: [engineWasm()],
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Node 20's V8 has relaxed SIMD behind a flag (on by default from Node 22): the engine's
    // tests run both kernel builds.
    execArgv: Number(process.versions.node.split('.')[0]) < 22 ? ['--experimental-wasm-relaxed-simd'] : [],
    // The pure core carries the product's logic: `npm run test:unit` fails below 90% of its lines.
    coverage: {
      provider: 'v8',
      include: ['src/core/**/*.ts'],
      exclude: ['src/core/**/*.test.ts', 'src/core/**/*.d.ts', 'src/core/testFixtures/**'],
      reporter: ['text-summary'],
      thresholds: { lines: 90 },
    },
  },
});
