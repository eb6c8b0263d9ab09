import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildPlatform } from '../app.js';
import type { Job } from '../platform/jobs/scheduler.js';
import { loadConfig, type Config } from '../platform/config.js';
import { createDatabase, type Database } from '../platform/db/database.js';
import { SESSION_COOKIE } from '../platform/http/lifecycle.js';
import { loadPiiCipher, type PiiCipher } from '../platform/secrets/pii.js';
import { testClock, type TestClock } from './clock.js';
import { asApp, asOwner, cloneTemplate, dropDatabase } from './databases.js';
import { createFactories, type Factories } from './factories.js';

export interface TestApp {
  app: FastifyInstance;
  /** The app's own connection: the application role, with exactly the app's privileges. */
  db: Database;
  databaseUrl: string;
  /** The same database as the schema owner and as a superuser: for tests that act as the migrator or as an attacker. */
  ownerDatabaseUrl: string;
  adminDatabaseUrl: string;
  clock: TestClock;
  config: Config;
  /** The personal-data cipher the app encrypts with (keys under the test data directory). */
  pii: PiiCipher;
  factories: Factories;
  /** Runs a scheduled job now, at the test clock's time. */
  runJob(name: string): Promise<string>;
  /** Signs in and returns the session cookie header value. */
  login(username: string, password?: string): Promise<string>;
  /** app.inject with an optional session cookie. */
  request(options: InjectOptions & { cookie?: string | null }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'Test@Pass2026';

/**
 * The real app over its own database (cloned from the run's template), with a clock the
 * test controls. Each test file calls this once in beforeAll.
 */
export async function createTestApp(options: { env?: Record<string, string>; start?: string } = {}): Promise<TestApp> {
  const adminUrl = inject('pgAdminUrl');
  const { name, url } = await cloneTemplate(adminUrl, inject('templateDb'));
  const appUrl = asApp(url);
  const handle = createDatabase(appUrl, { max: 6 });
  const clock = testClock(options.start ?? new Date());
  // Each app its own data directory: its audit key, its checkpoints, its files, its personal-data key.
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'anjian-test-data-'));
  // Tests sign in hundreds of times from one address; the one that proves the per-address
  // limit passes ANJIAN_LOGIN_RATE_MAX: '' to get the default back.
  const config = loadConfig({ ANJIAN_DATA_DIR: dataDir, DATABASE_URL: appUrl, ANJIAN_WEB_DIST: '/nonexistent', ANJIAN_LOGIN_RATE_MAX: '100000', ...options.env });
  // ANJIAN_TEST_LOG=1 shows the server's own log (unhandled errors and their stacks) while debugging.
  const pii = await loadPiiCipher(config.dataDir);
  const { app, jobs } = await buildPlatform({ db: handle.db, config, databaseUrl: appUrl, embedded: false, now: clock.now, pii, logger: process.env.ANJIAN_TEST_LOG === '1' });
  await app.ready();

  const request: TestApp['request'] = ({ cookie, ...opts }) =>
    app.inject({ ...opts, headers: { ...(cookie ? { cookie } : {}), ...(opts.headers ?? {}) } });

  return {
    app,
    db: handle.db,
    databaseUrl: appUrl,
    ownerDatabaseUrl: asOwner(url),
    adminDatabaseUrl: url,
    clock,
    config,
    pii,
    factories: createFactories(handle.db),
    request,
    async runJob(name) {
      const job: Job | undefined = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`no job ${name}`);
      return job.run(clock.now());
    },
    async login(username, password = TEST_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
      if (!cookie) throw new Error('no session cookie');
      return `${SESSION_COOKIE}=${cookie.value}`;
    },
    async close() {
      await app.close();
      await handle.close();
      await dropDatabase(adminUrl, name);
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
