import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminPassword: string;
    artifactsDir: string;
    /** Milliseconds the server's clock runs ahead; tests write it to let days pass. */
    clockOffsetFile: string;
  }
}

const repoRoot = path.resolve(import.meta.dirname, '../..');
export const ADMIN_PASSWORD = 'E2e#Admin2026';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Starts the real platform (`node apps/server/dist/main.js`) on a fresh data directory with demo data. */
export default async function setup(project: TestProject) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'anjian-e2e-'));
  await fs.chmod(dataDir, 0o755);
  const artifactsDir = path.join(repoRoot, 'e2e', 'artifacts');
  await fs.mkdir(artifactsDir, { recursive: true });
  const port = await freePort();
  const clockOffsetFile = path.join(dataDir, 'clock-offset');
  await fs.writeFile(clockOffsetFile, '0');
  const server: ChildProcess = spawn('node', ['apps/server/dist/main.js'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ANJIAN_DATA_DIR: dataDir, ANJIAN_ADMIN_PASSWORD: ADMIN_PASSWORD, DATABASE_URL: '', ANJIAN_DEMO: '1', LOG_LEVEL: 'warn', ANJIAN_LOGIN_RATE_MAX: '1000', ANJIAN_CLOCK_OFFSET_FILE: clockOffsetFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  server.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited during start:\n${output}`);
    const ok = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('adminPassword', ADMIN_PASSWORD);
  project.provide('artifactsDir', artifactsDir);
  project.provide('clockOffsetFile', clockOffsetFile);

  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}
