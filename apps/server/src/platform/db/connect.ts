import os from 'node:os';
import type { Config } from '../config.js';
import { ensureDatabase } from './database.js';
import { runningEmbeddedUrl, startEmbeddedPostgres, type EmbeddedOptions } from './embedded-postgres.js';
import { embeddedRoleUrls, prepareEmbeddedRoles } from './roles.js';

export interface Connection {
  /** The application role's URL: what the server serves over (platform/db/roles.ts). */
  url: string;
  /** The owner role's URL, for migrations; null when only DATABASE_URL was given. */
  ownerUrl: string | null;
  /** The embedded server's superuser (tools that load or measure the database); null otherwise. */
  superUrl: string | null;
  embedded: boolean;
  /** Stops the embedded server if this process started it. */
  stop(): Promise<void>;
}

export const DATABASE_NAME = 'anjian';

/**
 * PostgreSQL's defaults fit a laptop, not ten years of a province (issue 5, bench/): 128 MB of
 * shared buffers evict the ledger's indexes while a ledger is imported, and a 1 GB WAL budget
 * checkpoints every few hundred thousand rows, each checkpoint followed by a full-page image
 * of every page touched again (most of the WAL an import writes). A quarter of the memory, at
 * most 1 GB, and a larger WAL budget; durability settings stay as they are.
 */
export function embeddedSettings(totalMemory = os.totalmem()): Record<string, string> {
  const mb = Math.max(128, Math.min(1024, Math.floor(totalMemory / 4 / 1024 / 1024)));
  return { shared_buffers: `${mb}MB`, max_wal_size: '4GB', checkpoint_timeout: '10min' };
}

/**
 * DATABASE_URL when set; otherwise the embedded server under the data directory. A CLI
 * tool run beside a live server joins that server instead of starting a second one.
 */
export async function connect(config: Config, options: { joinRunning?: boolean; log?: (line: string) => void; supervise?: EmbeddedOptions['supervise'] } = {}): Promise<Connection> {
  if (config.databaseUrl) {
    const ownerUrl = config.databaseOwnerUrl ?? (config.insecureDatabaseRole ? config.databaseUrl : null);
    return { url: config.databaseUrl, ownerUrl, superUrl: null, embedded: false, stop: async () => {} };
  }
  if (options.joinRunning) {
    const running = await runningEmbeddedUrl(config.dataDir);
    if (running) {
      const superUrl = await ensureDatabase(running, DATABASE_NAME);
      // A server from before the roles has no role passwords yet: its superuser, as then.
      const roles = await embeddedRoleUrls(running, config.dataDir, DATABASE_NAME);
      return { url: roles?.appUrl ?? superUrl, ownerUrl: roles?.ownerUrl ?? superUrl, superUrl, embedded: true, stop: async () => {} };
    }
  }
  const server = await startEmbeddedPostgres({ dir: config.dataDir, systemDir: config.systemDir, log: options.log, settings: embeddedSettings(), supervise: options.supervise });
  try {
    const superUrl = await ensureDatabase(server.url, DATABASE_NAME);
    const roles = await prepareEmbeddedRoles(server.url, config.dataDir, DATABASE_NAME);
    return { url: roles.appUrl, ownerUrl: roles.ownerUrl, superUrl, embedded: true, stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
