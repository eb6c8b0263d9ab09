import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@anjian/domain': path.resolve(import.meta.dirname, 'packages/domain/src/index.ts') };

/**
 * Named test tiers. `unit`: pure functions and services with fakes. `integration`: the real
 * app through app.inject against a real PostgreSQL (embedded unless DATABASE_URL is set),
 * each test file in its own database. End-to-end tests live in e2e/ with their own config.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**', '**/dist/**'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['apps/server/src/**/*.int.test.ts'],
          globalSetup: ['apps/server/src/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // Two cores: a couple of files at a time keeps PostgreSQL and argon2 from starving.
          maxWorkers: 2,
        },
      },
    ],
  },
});
