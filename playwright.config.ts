import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * End-to-end tests drive the built studio in real Chromium with WebGPU on. Playwright cannot
 * download its own browser here, so Debian's Chromium is used when present; CHROMIUM_PATH
 * overrides it, and where neither exists Playwright's own Chromium is used.
 */
export const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const CHROMIUM_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export default defineConfig({
  testDir: 'e2e',
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: 'http://localhost:4173',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: ['--enable-unsafe-webgpu', ...CHROMIUM_ARGS],
    },
  },
  webServer: {
    command: 'npx vite preview --host localhost --port 4173 --strictPort',
    url: 'http://localhost:4173',
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
