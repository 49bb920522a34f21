// The house rules, checked by `npm run lint` (part of `npm test`): the layers' boundaries, the
// pipeline order of src/core's rooms, file size and no `any`. A boundary that fails the build
// keeps holding after the people who drew it have moved on.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const TFJS = { group: ['@tensorflow/*'], message: 'Only src/worker runs TensorFlow.js: send the worker a message (src/protocol) instead.' };
const WORKER = { group: ['**/worker/**', '**/worker'], message: 'The page talks to the worker only through src/client and src/protocol messages.' };
const UI_LIBS = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'recharts', 'mermaid', 'idb', 'fflate'];
const CORE_PATHS = UI_LIBS.map((name) => ({ name, message: 'src/core is pure TypeScript: no UI, storage or rendering libraries.' }));

/** src/core's rooms in pipeline order: a room may import from earlier rooms and the shared root only. */
const ROOMS = ['data', 'text', 'model', 'train', 'eval', 'export'];

function roomRule(room) {
  const later = ROOMS.slice(ROOMS.indexOf(room) + 1);
  return {
    files: [`src/core/${room}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: CORE_PATHS,
          patterns: [
            TFJS,
            { group: ['../../*', '../../**'], message: 'src/core imports nothing outside src/core.' },
            { group: ['**/testFixtures/**'], message: 'Test fixtures are for tests only.' },
            ...(later.length
              ? [{ group: later.map((r) => `../${r}/*`), message: `src/core/${room} comes before ${later.join(', ')} in the pipeline: move the shared piece to an earlier room or the shared root (random, stats, format).` }]
              : []),
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'public/**', 'test-results/**', 'playwright-report/**', 'bench-results/**', '.scratch/**', 'assembly/**', 'coverage/**', '.bench-gpu/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      'no-undef': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'max-lines': ['error', { max: 400 }],
    },
  },
  {
    // Control characters in patterns are deliberate here: file names and binary sniffing strip them.
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', '*.js'],
    // Page functions that Playwright runs in the browser use its globals too.
    languageOptions: { globals: { window: 'readonly', document: 'readonly', PerformanceObserver: 'readonly', MutationObserver: 'readonly', console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly', fetch: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', Buffer: 'readonly', structuredClone: 'readonly' } },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/core/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: CORE_PATHS,
          patterns: [
            TFJS,
            { group: ['../*', '../**'], message: 'src/core imports nothing outside src/core.' },
            { group: ROOMS.map((r) => `./${r}/*`), message: "The shared root (random, stats, format) serves every room and imports none." },
          ],
        },
      ],
    },
  },
  ...ROOMS.map(roomRule),
  {
    files: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: UI_LIBS, patterns: [TFJS, { group: ['../../*', '../../**'], message: 'Core tests test core: pure TypeScript in Node.' }] }],
    },
  },
  {
    files: ['src/protocol/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: UI_LIBS, patterns: [TFJS, WORKER, { group: ['**/store/**', '**/ui/**', '**/client/**'], message: 'The protocol is types shared by page and worker.' }] }] },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/store/**/*.ts', 'src/main.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [TFJS, WORKER] }] },
  },
  {
    files: ['src/client/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [TFJS, WORKER, { group: ['**/ui/**'], message: 'The client feeds the store; the UI reads it.' }] }] },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['react', 'react-dom', 'zustand', 'recharts', 'mermaid'], patterns: [{ group: ['**/store/**', '**/ui/**', '**/client/**'], message: 'The worker answers messages; it never reaches into the page.' }] }] },
  },
  {
    files: ['e2e/**/*.ts', 'scripts/**/*.mjs', '*.config.ts', '*.config.js'],
    rules: { 'no-restricted-imports': ['error', { patterns: [TFJS] }] },
  },
);
