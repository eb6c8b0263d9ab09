import { defineConfig } from 'vitest/config';

/**
 * End-to-end tier: the built platform (server + web) started from its own entry point
 * on a fresh data directory, driven by headless Chromium through playwright-core.
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.e2e.ts'],
    globalSetup: ['support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One browser, one server: files run one after another.
    fileParallelism: false,
  },
});
