import type { Config } from '../config.js';
import { ensureDatabase } from './database.js';
import { runningEmbeddedUrl, startEmbeddedPostgres } from './embedded-postgres.js';

export interface Connection {
  url: string;
  embedded: boolean;
  /** Stops the embedded server if this process started it. */
  stop(): Promise<void>;
}

export const DATABASE_NAME = 'anjian';

/**
 * DATABASE_URL when set; otherwise the embedded server under the data directory. A CLI
 * tool run beside a live server joins that server instead of starting a second one.
 */
export async function connect(config: Config, options: { joinRunning?: boolean; log?: (line: string) => void } = {}): Promise<Connection> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => {} };
  if (options.joinRunning) {
    const running = await runningEmbeddedUrl(config.dataDir);
    if (running) return { url: await ensureDatabase(running, DATABASE_NAME), embedded: true, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dir: config.dataDir, log: options.log });
  try {
    return { url: await ensureDatabase(server.url, DATABASE_NAME), embedded: true, stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
