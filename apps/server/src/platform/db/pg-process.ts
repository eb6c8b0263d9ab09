import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { OperatorError } from '../ops/operator-error.js';
import type { RunAs } from './pg-placement.js';

/** One postmaster process: spawned, ready (or failed with its output), and what is left of it. */
export interface Postmaster {
  child: ChildProcess;
  /** Resolves with the exit code or signal when the postmaster exits. */
  exited: Promise<string>;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid and port recorded in postmaster.pid, or null without one. */
export async function readPidFile(pgdata: string): Promise<{ pid: number; port: number } | null> {
  const text = await fs.readFile(path.join(pgdata, 'postmaster.pid'), 'utf8').catch(() => null);
  if (!text) return null;
  const lines = text.split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

export function spawnFailure(error: NodeJS.ErrnoException, binary: string, ids: RunAs): Error {
  if (error.code === 'EACCES' && ids.uid !== undefined) {
    return new OperatorError(`The user "postgres" may not run ${binary}: set ANJIAN_SYSTEM_DIR to a directory that user can reach, or start the platform as an ordinary user.`, { cause: error });
  }
  return error;
}

/**
 * Starts the postmaster and waits for "ready to accept connections". Rejects with the
 * server's own words when it exits first (a port taken, shared memory still held …).
 */
export async function launch(postgres: string, args: string[], ids: RunAs, log: (line: string) => void): Promise<Postmaster> {
  const child = spawn(postgres, args, { ...ids, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    let ready = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (!ready) output = (output + text).slice(-4000);
      for (const line of text.split('\n')) if (line.trim()) log(line);
      if (!ready && text.includes('database system is ready to accept connections')) {
        ready = true;
        resolve();
      }
    });
    child.once('error', (error) => reject(spawnFailure(error, postgres, ids)));
    void exited.then((how) => reject(new Error(`PostgreSQL exited during start (${how}):\n${output.trim()}`)));
  });
  return { child, exited };
}

/**
 * Server processes of a postmaster that died (SIGKILL, OOM killer): each backend notices
 * only at its next wait and keeps the old shared memory attached until then, and a new
 * postmaster refuses to start while it is ("pre-existing shared memory block is still in
 * use"). They are found by their working directory (the data directory) and executable;
 * with their postmaster gone, crash recovery follows anyway, so they are killed outright.
 */
export async function killOrphans(pgdata: string, postgres: string, deadPid: number, log: (line: string) => void): Promise<number> {
  // Someone else started a server on this directory meanwhile: its processes are no orphans.
  const recorded = await readPidFile(pgdata);
  if (recorded && recorded.pid !== deadPid && isAlive(recorded.pid)) {
    const exe = await fs.readlink(`/proc/${recorded.pid}/exe`).catch(() => null);
    if (exe === null || path.basename(exe) === 'postgres') return 0;
  }
  const entries = await fs.readdir('/proc').catch(() => [] as string[]);
  const [dataReal, binReal] = await Promise.all([fs.realpath(pgdata), fs.realpath(postgres)]);
  let killed = 0;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const [cwd, exe] = await Promise.all([
      fs.readlink(`/proc/${entry}/cwd`).catch(() => null),
      fs.readlink(`/proc/${entry}/exe`).catch(() => null),
    ]);
    if (cwd !== dataReal || exe !== binReal) continue;
    try {
      process.kill(Number(entry), 'SIGKILL');
      killed++;
    } catch {
      // gone meanwhile
    }
  }
  if (killed) log(`killed ${killed} leftover PostgreSQL process(es) of the server that died`);
  return killed;
}

/** A server left running by a killed platform process still holds the data directory: stop it. */
export async function stopStaleServer(pgdata: string, log: (line: string) => void): Promise<void> {
  const found = await readPidFile(pgdata);
  if (!found || !Number.isInteger(found.pid) || found.pid <= 0 || !isAlive(found.pid)) return;
  // After a reboot the recorded pid may belong to an unrelated program: leave that alone
  // (PostgreSQL itself then decides whether the lock file is stale).
  const exe = await fs.readlink(`/proc/${found.pid}/exe`).catch(() => null);
  if (exe !== null && path.basename(exe) !== 'postgres') return;
  log(`stopping a PostgreSQL server (pid ${found.pid}) left running on ${pgdata}`);
  process.kill(found.pid, 'SIGINT');
  for (let i = 0; i < 200 && isAlive(found.pid); i++) await new Promise((r) => setTimeout(r, 50));
  if (isAlive(found.pid)) throw new OperatorError(`PostgreSQL (pid ${found.pid}) still holds ${pgdata}: stop it (kill ${found.pid}) and start again.`);
}
