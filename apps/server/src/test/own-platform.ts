import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildPlatform } from '../app.js';
import { bootstrap } from '../bootstrap.js';
import { loadConfig, type Config } from '../platform/config.js';
import { connect, type Connection } from '../platform/db/connect.js';
import { createDatabase, type DatabaseHandle } from '../platform/db/database.js';
import type { SuperviseOptions } from '../platform/db/embedded-postgres.js';
import type { Job } from '../platform/jobs/scheduler.js';
import { SESSION_COOKIE } from '../platform/http/lifecycle.js';
import { createFactories } from './factories.js';
import { loadPiiCipher } from '../platform/secrets/pii.js';
import { sealAuditChain } from '../platform/audit/audit.seal.js';

/**
 * A whole platform on its own embedded PostgreSQL in a temp directory, started the way
 * main.ts starts it (connect → bootstrap → buildPlatform) and independent of DATABASE_URL:
 * for tests that kill, back up or restore the server itself. Villages are not imported.
 */
export interface OwnPlatform {
  dir: string;
  config: Config;
  connection: Connection;
  database: DatabaseHandle;
  app: FastifyInstance;
  jobs: Job[];
  lines: string[];
  /** The running postmaster's pid, from postmaster.pid. */
  postmasterPid(): Promise<number>;
  /** A security administrator's session cookie (it may create organisations). */
  adminCookie(): Promise<string>;
  close(): Promise<void>;
}

export async function makeTempDir(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  // As root, PostgreSQL runs as `postgres`, which must be able to enter the directory.
  await fs.chmod(dir, 0o755);
  return dir;
}

export async function startOwnPlatform(options: { dir?: string; supervise?: SuperviseOptions; bootstrap?: boolean } = {}): Promise<OwnPlatform> {
  const dir = options.dir ?? (await makeTempDir('anjian-own-'));
  const lines: string[] = [];
  const config = loadConfig({ ANJIAN_DATA_DIR: dir, ANJIAN_SYSTEM_DIR: `${dir}-system`, ANJIAN_WEB_DIST: '/nonexistent', ANJIAN_DEMO: '0' });
  const connection = await connect(config, { log: (line) => lines.push(line), supervise: options.supervise ?? false });
  const database = createDatabase(connection.url, { max: 10, connectionTimeoutMillis: 5_000 });
  try {
    const pii = await loadPiiCipher(config.dataDir);
    if (options.bootstrap !== false) {
      const owner = createDatabase(connection.ownerUrl!, { max: 2 });
      try {
        await bootstrap({ owner: owner.db, app: database.db }, { ownerUrl: connection.ownerUrl, appUrl: connection.url }, { adminPassword: 'Admin@Own2026x', auditHash: config.auditHash, villageProvinces: [], pii });
      } finally {
        await owner.close();
      }
    }
    // As main.ts does: the chain is sealed (checkpointed outside the database) before serving.
    if (options.bootstrap !== false) await sealAuditChain(database.db, config);
    const { app, jobs } = await buildPlatform({ db: database.db, config, databaseUrl: connection.url, embedded: true, pii, logger: process.env.ANJIAN_TEST_LOG === '1' });
    await app.ready();
    const factories = createFactories(database.db);
    let cookie: string | null = null;
    return {
      dir, config, connection, database, app, jobs, lines,
      async postmasterPid() {
        const text = await fs.readFile(path.join(dir, 'pg', 'postmaster.pid'), 'utf8');
        return Number(text.split('\n')[0]);
      },
      async adminCookie() {
        if (cookie) return cookie;
        const org = await factories.org({ type: 'safety_committee_office', regionCode: '13' });
        const user = await factories.user({ orgId: org, roles: ['security_admin'] });
        const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'Test@Pass2026' } });
        const value = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
        if (res.statusCode !== 200 || !value) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
        return (cookie = `${SESSION_COOKIE}=${value}`);
      },
      async close() {
        await app.close().catch(() => {});
        await database.close().catch(() => {});
        await connection.stop();
        // Where, as root, the binaries and data went when postgres could not enter the directory.
        await fs.rm(config.systemDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await database.close().catch(() => {});
    await connection.stop();
    throw error;
  }
}
