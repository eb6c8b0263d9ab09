import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { OperatorError } from '../ops/operator-error.js';

/**
 * PostgreSQL refuses to run as root, so as root the embedded server runs as the unprivileged
 * `postgres` user. That user must reach the binaries and the data directory; a clone in
 * root's home (mode 0700, the usual place on a fresh server) gives it neither. Then what it
 * needs is placed under the system directory (ANJIAN_SYSTEM_DIR, default /var/lib/anjian):
 *   <system>/postgresql-<version>/   a root-owned, world-readable copy of the package's binaries
 *   <system>/data/<hash>/pg          the PostgreSQL data directory (owner postgres, 0700),
 *                                    with <dataDir>/pg a symbolic link to it
 * Everything else (keys, audit checkpoints, files) stays in the data directory, read by root.
 */
export interface RunAs {
  uid?: number;
  gid?: number;
}

const execFileAsync = promisify(execFile);
export const DEFAULT_SYSTEM_DIR = '/var/lib/anjian';

export async function runAsIds(): Promise<RunAs> {
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
    try {
      await execFileAsync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
      return await ids('postgres');
    } catch (error) {
      throw new OperatorError('PostgreSQL cannot run as root and the system user "postgres" could not be created: create it (useradd --system --user-group postgres) or start the platform as an ordinary user.', { cause: error });
    }
  }
}

/** Whether `ids` can `test <flag> file` — every directory on the way included. */
export async function userCan(ids: RunAs, flag: '-r' | '-w' | '-x', file: string): Promise<boolean> {
  if (ids.uid === undefined) return true;
  try {
    await execFileAsync('test', [flag, file], { uid: ids.uid, gid: ids.gid });
    return true;
  } catch (error) {
    // No `test` to ask: assume yes, as before this check existed; PostgreSQL will tell otherwise.
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(() => true, () => false);
}

async function ensureSystemDir(systemDir: string, ids: RunAs, dataDir: string): Promise<void> {
  try {
    await fs.mkdir(systemDir, { recursive: true, mode: 0o755 });
  } catch (error) {
    throw new OperatorError(`The user "postgres" cannot enter ${dataDir}, and ${systemDir} cannot be created for it (${(error as NodeJS.ErrnoException).code}): set ANJIAN_DATA_DIR to a directory that user can enter (e.g. /srv/anjian), or ANJIAN_SYSTEM_DIR to a writable directory it can reach.`, { cause: error });
  }
  if (!(await userCan(ids, '-x', systemDir))) {
    throw new OperatorError(`The user "postgres" can enter neither ${dataDir} nor ${systemDir}: set ANJIAN_DATA_DIR to a directory that user can enter (e.g. /srv/anjian), or ANJIAN_SYSTEM_DIR to one it can reach.`);
  }
}

/** The binaries the server is started from: the package's own, or a reachable copy of them. */
export async function reachableBinaries(
  pkg: { initdb: string; postgres: string; version: string },
  ids: RunAs,
  systemDir: string,
  log: (line: string) => void,
): Promise<{ initdb: string; postgres: string }> {
  if (await userCan(ids, '-x', pkg.postgres)) return pkg;
  const nativeDir = path.dirname(path.dirname(pkg.postgres));
  const target = path.join(systemDir, `postgresql-${pkg.version}`);
  const relocated = { initdb: path.join(target, 'bin', path.basename(pkg.initdb)), postgres: path.join(target, 'bin', path.basename(pkg.postgres)) };
  if (await exists(path.join(target, '.complete'))) return relocated;
  await ensureSystemDir(systemDir, ids, nativeDir);
  log(`the user "postgres" cannot reach ${nativeDir}; copying PostgreSQL ${pkg.version} to ${target}`);
  const partial = `${target}.partial-${process.pid}`;
  await fs.rm(partial, { recursive: true, force: true });
  await fs.cp(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
  await fs.chmod(partial, 0o755);
  await fs.writeFile(path.join(partial, '.complete'), `${pkg.version}\n`);
  await fs.rm(target, { recursive: true, force: true });
  await fs.rename(partial, target);
  return relocated;
}

/** Where a data directory's relocated PostgreSQL data lives: one per data directory path. */
export async function relocatedPgdata(dataDir: string, systemDir: string): Promise<string> {
  const real = await fs.realpath(dataDir).catch(() => path.resolve(dataDir));
  const hash = crypto.createHash('sha256').update(real).digest('hex').slice(0, 12);
  return path.join(systemDir, 'data', hash, 'pg');
}

/**
 * The real PostgreSQL data directory for `dataDir` (which exists), placed where `ids` can
 * work in it: `<dataDir>/pg` when reachable, else under the system directory behind a link.
 * A directory put back into an unreachable place (a restore as root) is moved there too.
 */
export async function placeDataDirectory(dataDir: string, ids: RunAs, systemDir: string, log: (line: string) => void): Promise<string> {
  const link = path.join(dataDir, 'pg');
  const stat = await fs.lstat(link).catch(() => null);
  if (stat?.isSymbolicLink()) {
    const target = await fs.realpath(link).catch(() => null);
    if (!target) throw new OperatorError(`${link} points to ${await fs.readlink(link)}, which does not exist: restore the PostgreSQL data directory there (npm run restore) or remove the link to start afresh.`);
    return target;
  }
  if (ids.uid === undefined) return link;
  if (stat ? await userCan(ids, '-x', link) : await userCan(ids, '-x', dataDir)) return link;

  const target = await relocatedPgdata(dataDir, systemDir);
  await ensureSystemDir(systemDir, ids, dataDir);
  if (await exists(target)) {
    const placedFor = await fs.readFile(path.join(path.dirname(target), 'data-dir'), 'utf8').catch(() => null);
    // The data directory was deleted (a removed clone) and this one starts afresh at the same
    // path: the old database went without its keys, so it is set aside, never adopted or deleted.
    const orphaned = !stat && placedFor?.trim() === (await fs.realpath(dataDir)) && !(await exists(path.join(dataDir, 'keys')));
    if (!orphaned) {
      throw new OperatorError(`${target} already holds a PostgreSQL data directory that ${link} does not point to: move it away (or link ${link} to it) and start again.`);
    }
    const aside = `${path.dirname(target)}.orphaned-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    log(`${target} was left by a deleted data directory at this same path; set aside as ${aside}`);
    await fs.rename(path.dirname(target), aside);
  }
  await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o755 });
  await fs.writeFile(path.join(path.dirname(target), 'data-dir'), `${await fs.realpath(dataDir)}\n`);
  if (stat) {
    log(`the user "postgres" cannot enter ${dataDir}; moving ${link} to ${target}`);
    await fs.rename(link, target).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EXDEV') throw error;
      await fs.cp(link, target, { recursive: true, verbatimSymlinks: true });
      await fs.rm(link, { recursive: true, force: true });
    });
  } else {
    log(`the user "postgres" cannot enter ${dataDir}; its PostgreSQL data goes to ${target}`);
  }
  await fs.symlink(target, link);
  return target;
}

/** A data directory put in place by root (a restore, a copy) is handed to the server's user. */
export async function ensureOwnership(pgdata: string, ids: RunAs): Promise<void> {
  if (ids.uid === undefined) return;
  const stat = await fs.stat(pgdata);
  if (stat.uid === ids.uid) return;
  const gid = ids.gid ?? ids.uid;
  const walk = async (dir: string): Promise<void> => {
    await fs.chown(dir, ids.uid!, gid);
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(file);
      else await fs.lchown(file, ids.uid!, gid);
    }
  };
  await walk(pgdata);
  await fs.chmod(pgdata, 0o700);
}
