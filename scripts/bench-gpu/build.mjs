// Bundles scripts/bench-gpu/benchGpu.ts with tfjs, tfjs-backend-webgpu and the studio's fused
// WGSL kernels into one ES module for Node (`webgpu`, Dawn for Node, stays outside: it is carried
// as its own folder). Used by scripts/bench-gpu.sh.
import { build } from 'vite';

const outDir = process.argv[2] ?? 'node_modules/.tmp/bench-gpu';
await build({
  configFile: false,
  logLevel: 'warn',
  ssr: { noExternal: true },
  build: {
    ssr: true,
    outDir,
    emptyOutDir: true,
    copyPublicDir: false,
    target: 'node20',
    minify: true,
    rollupOptions: { input: { benchGpu: 'scripts/bench-gpu/benchGpu.ts' }, external: ['webgpu'], output: { format: 'es', entryFileNames: '[name].mjs', codeSplitting: false } },
  },
});
