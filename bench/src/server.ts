import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * The server under test: the real built server (apps/server/dist/main.js) in a process of its
 * own, so its RSS is its own, with the embedded PostgreSQL it starts on a fresh data directory.
 * No demo data: the benchmark loads its own province. ANJIAN_BENCH_BASELINE=1 adds the one
 * route the load test compares against (a bare INSERT).
 */
export const ADMIN_PASSWORD = 'Bench@Admin2026';

export interface Server {
  pid: number;
  /** How the process ended when nobody asked it to (killed by someone else, crashed); null while it runs. */
  died(): string | null;
  url: string;
  startMillis: number;
  /** Resident set size of the Node process, in MB (/proc/<pid>/status VmRSS). */
  rss(): number;
  stop(): Promise<void>;
}

export function buildServer(root: string): void {
  // The server build only (the web app is not part of what is measured); incremental, so cheap.
  const r = spawnSync(path.join(root, 'node_modules/.bin/tsc'), ['-b', 'packages/domain', 'apps/server'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the server failed');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

export function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

export async function startServer(o: { root: string; dataDir: string; province: string; log: fs.WriteStream }): Promise<Server> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [path.join(o.root, 'apps/server/dist/main.js')], {
    cwd: o.root,
    env: {
      ...process.env,
      PORT: String(port), HOST: '127.0.0.1', ANJIAN_DATA_DIR: o.dataDir, ANJIAN_DEMO: '0', ANJIAN_ADMIN_PASSWORD: ADMIN_PASSWORD,
      ANJIAN_DEMO_PROVINCE: o.province, ANJIAN_VILLAGE_PROVINCES: o.province, ANJIAN_BENCH_BASELINE: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(o.log, { end: false });
  child.stderr!.pipe(o.log, { end: false });
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-4000);
      if (seen.includes('ready on http')) { child.stdout!.off('data', onData); resolve(); }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the server exited during start (${code}); see ${o.log.path}\n${seen}`)));
  });
  child.removeAllListeners('exit');
  const startMillis = Math.round(performance.now() - started);
  let exited = false;
  let stopping = false;
  let death: string | null = null;
  child.once('exit', (code, signal) => {
    exited = true;
    if (!stopping) {
      death = `exit ${code ?? ''}${signal ? ` signal ${signal}` : ''}`;
      o.log.write(`[bench] the server ended unasked: ${death}\n`);
    }
  });
  return {
    pid: child.pid!,
    died: () => death,
    url: `http://127.0.0.1:${port}`,
    startMillis,
    rss: () => rssOf(child.pid!),
    stop: () => new Promise<void>((resolve) => {
      stopping = true;
      if (exited) return resolve();
      // SIGTERM: the server drains, stops its embedded PostgreSQL cleanly, exits. A server that
      // hangs on the way out is killed after a minute, and its PostgreSQL stopped by hand.
      const timer = setTimeout(() => {
        o.log.write('[bench] server did not stop within 60 s: killing it\n');
        child.kill('SIGKILL');
        try {
          process.kill(Number(fs.readFileSync(path.join(o.dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]), 'SIGINT');
        } catch {
          // already gone
        }
      }, 60_000);
      child.once('exit', () => { clearTimeout(timer); setTimeout(resolve, 500); });
      child.kill('SIGTERM');
    }),
  };
}

/** The embedded database's URL, for loading by COPY and for measuring sizes. */
export function databaseUrl(dataDir: string): string {
  const lines = fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
  const password = fs.readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
  return `postgres://anjian:${encodeURIComponent(password)}@127.0.0.1:${Number(lines[3])}/anjian`;
}
