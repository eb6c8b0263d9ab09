import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/own-platform.js';
import { createBackup } from '../ops/backup.js';
import { OperatorError } from '../ops/operator-error.js';
import { restoreBackup } from '../ops/restore.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { placeDataDirectory, reachableBinaries, relocatedPgdata, runAsIds, userCan } from './pg-placement.js';

const execFileAsync = promisify(execFile);
const asRoot = process.getuid?.() === 0;

async function count(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>('select count(*)::int as n from pg_database')).rows[0]!.n;
  } finally {
    await client.end();
  }
}

/**
 * Root with the platform in a directory the `postgres` user cannot enter (a clone in /root):
 * a 0700 directory under /tmp stands in for /root, a temp directory for /var/lib/anjian.
 * Only meaningful as root (CI runs as root); skipped otherwise.
 */
describe.skipIf(!asRoot)('as root, from a directory the postgres user cannot enter', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
  });

  it('copies the binaries and places the data where postgres reaches them, and starts again on them', { timeout: 180_000 }, async () => {
    const home = await fs.mkdtemp(path.join(os.tmpdir(), 'anjian-home-'));
    const system = await makeTempDir('anjian-system-');
    dirs.push(home, system);
    expect((await fs.stat(home)).mode & 0o777).toBe(0o700);
    const ids = await runAsIds();

    // The package's binaries as they would sit in a clone under /root.
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    const nativeDir = path.join(path.dirname(path.dirname(fromEmbedded.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`))), 'native');
    await fs.cp(nativeDir, path.join(home, 'native'), { recursive: true, verbatimSymlinks: true });
    const inHome = { initdb: path.join(home, 'native/bin/initdb'), postgres: path.join(home, 'native/bin/postgres'), version: 'test' };
    expect(await userCan(ids, '-x', inHome.postgres)).toBe(false);
    const bins = await reachableBinaries(inHome, ids, system, () => {});
    expect(bins.postgres.startsWith(system)).toBe(true);
    const { stdout } = await execFileAsync(bins.postgres, ['--version'], { uid: ids.uid, gid: ids.gid });
    expect(stdout).toMatch(/PostgreSQL\) 1\d/);
    expect(await reachableBinaries(inHome, ids, system, () => {})).toEqual(bins);

    // The data directory: initialised under the system directory, linked from <dataDir>/pg.
    const dataDir = path.join(home, 'data');
    const log: string[] = [];
    let server = await startEmbeddedPostgres({ dir: dataDir, systemDir: system, log: (l) => log.push(l) });
    try {
      expect((await fs.lstat(path.join(dataDir, 'pg'))).isSymbolicLink()).toBe(true);
      expect(server.pgdata.startsWith(path.join(system, 'data'))).toBe(true);
      expect((await fs.stat(server.pgdata)).uid).toBe(ids.uid);
      expect(await count(server.url)).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
    server = await startEmbeddedPostgres({ dir: dataDir, systemDir: system });
    const backup = path.join(system, 'b.tar.gz');
    try {
      expect(await count(server.url)).toBeGreaterThan(0);
      await createBackup({ url: server.url, dataDir, out: backup });
    } finally {
      await server.stop();
    }

    // A restore into the unreachable home is placed the same way, owned by postgres.
    const restoredDir = path.join(home, 'restored');
    const restored = await restoreBackup({ file: backup, dataDir: restoredDir, systemDir: system });
    expect(restored.pgdata.startsWith(path.join(system, 'data'))).toBe(true);
    expect((await fs.stat(restored.pgdata)).uid).toBe(ids.uid);
    server = await startEmbeddedPostgres({ dir: restoredDir, systemDir: system });
    try {
      expect(await count(server.url)).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
  });

  it('sets aside the data a deleted data directory left at the same path, and refuses while that directory still holds its keys', async () => {
    const home = await fs.mkdtemp(path.join(os.tmpdir(), 'anjian-home-'));
    const systemDir = await fs.mkdtemp(path.join(os.tmpdir(), 'anjian-system-'));
    dirs.push(home, systemDir);
    await fs.chmod(home, 0o700);
    await fs.chmod(systemDir, 0o755);
    const dataDir = path.join(home, 'data');
    const ids = await runAsIds();
    const lines: string[] = [];
    await fs.mkdir(dataDir);
    const first = await placeDataDirectory(dataDir, ids, systemDir, (l) => lines.push(l));
    expect(first).toBe(await relocatedPgdata(dataDir, systemDir));
    await fs.mkdir(first); // initdb's work, here by hand
    await fs.writeFile(path.join(first, 'PG_VERSION'), '17\n');

    // A clone removed and made again at the same path: its data goes aside, nothing is deleted.
    await fs.rm(dataDir, { recursive: true });
    await fs.mkdir(dataDir);
    await expect(placeDataDirectory(dataDir, ids, systemDir, (l) => lines.push(l))).resolves.toBe(first);
    const placed = await fs.readdir(path.join(systemDir, 'data'));
    const aside = placed.find((d) => d.includes('.orphaned-'))!;
    expect(await fs.readFile(path.join(systemDir, 'data', aside, 'pg', 'PG_VERSION'), 'utf8')).toBe('17\n');
    expect(lines.at(-2)).toContain('set aside');

    // The link lost but the keys still there: the operator decides.
    await fs.mkdir(first); // initdb's work again
    await fs.rm(path.join(dataDir, 'pg'));
    await fs.mkdir(path.join(dataDir, 'keys'));
    await expect(placeDataDirectory(dataDir, ids, systemDir, () => undefined)).rejects.toThrow(/already holds a PostgreSQL data directory/);
  });

  it('says in one sentence what to do when nothing can be placed', async () => {
    const home = await fs.mkdtemp(path.join(os.tmpdir(), 'anjian-home-'));
    dirs.push(home);
    const blocker = path.join(home, 'not-a-directory');
    await fs.writeFile(blocker, '');
    const failure = startEmbeddedPostgres({ dir: path.join(home, 'data'), systemDir: path.join(blocker, 'anjian') });
    await expect(failure).rejects.toThrow(OperatorError);
    await expect(failure).rejects.toThrow(/ANJIAN_DATA_DIR/);
  });
});
