import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';
import { createClient } from '../db/database.js';
import { copyHashed, copyTree, type BackupFile, type Verdict } from './copy-tree.js';
import { OperatorError } from './operator-error.js';

/**
 * An online, consistent backup of the embedded platform: PostgreSQL's own low-level backup
 * API (the embedded package ships no pg_basebackup) plus the rest of the data directory.
 *
 *   1. audit/ is copied first: its signed chain heads then all name rows the database copy has.
 *   2. A temporary physical replication slot reserves WAL from here on; pg_backup_start runs
 *      a checkpoint; the data directory is copied file by file while the server keeps
 *      writing (pages torn by the copy are repaired from the WAL on restore: full-page
 *      writes are forced during a backup); pg_backup_stop returns backup_label, and the WAL
 *      from the start checkpoint to the stop point goes into the copy's pg_wal. Started on
 *      the copy, PostgreSQL replays that WAL and is consistent as of the end of the backup.
 *   3. Everything else in the data directory (keys/, uploaded files/, pg-password) is copied
 *      last, so every key and file a backed-up row refers to is there.
 * The result is one .tar.gz with manifest.json (every file's size and SHA-256) beside data/.
 */
export const BACKUP_FORMAT = 'anjian-backup/1';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  finishedAt: string;
  source: { dataDir: string };
  postgres: { version: string; systemIdentifier: string; startLsn: string; stopLsn: string; walSegments: string[] };
  files: BackupFile[];
}

export interface BackupResult {
  file: string;
  manifest: BackupManifest;
  archiveBytes: number;
  millis: number;
}

// The data directory's entries a backup leaves out or keeps empty (PostgreSQL documentation,
// "Making a Base Backup Using the Low Level API").
const PG_EMPTY = new Set(['pg_wal', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans']);
const PG_SKIP = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'backup_label.old', 'tablespace_map.old']);

function pgVerdict(rel: string, isDir: boolean): Verdict {
  const name = path.basename(rel);
  if (!rel.includes(path.sep) && PG_SKIP.has(name)) return 'skip';
  if (name === 'pg_internal.init' || name.startsWith('pgsql_tmp')) return 'skip';
  if (isDir && !rel.includes(path.sep) && PG_EMPTY.has(name)) return 'empty';
  return 'copy';
}

export function defaultBackupFile(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');
  return path.resolve('backups', `anjian-${stamp}.tar.gz`);
}

/**
 * `url`: a superuser connection to the embedded server running on `dataDir`.
 */
export async function createBackup(o: {
  url: string;
  dataDir: string;
  out: string;
  log?: (line: string) => void;
  /** Awaited between pg_backup_start and the copy (tests write meanwhile). */
  whileStarted?: () => Promise<void>;
}): Promise<BackupResult> {
  const started = Date.now();
  const log = (line: string) => o.log?.(`${((Date.now() - started) / 1000).toFixed(1)} s: ${line}`);
  const out = path.resolve(o.out);
  if (await fs.lstat(out).then(() => true, () => false)) throw new OperatorError(`${out} already exists: name another file for the backup.`);
  const dataDir = await fs.realpath(o.dataDir);
  const pgdata = await fs.realpath(path.join(dataDir, 'pg'));
  await fs.mkdir(path.dirname(out), { recursive: true });
  const staging = `${out}.partial-${process.pid}`;
  const data = path.join(staging, 'data');
  const files: BackupFile[] = [];
  const createdAt = new Date().toISOString();
  const slot = `anjian_backup_${crypto.randomBytes(4).toString('hex')}`;
  const client = createClient({ connectionString: o.url });
  await client.connect();
  try {
    await fs.mkdir(data, { recursive: true, mode: 0o700 });
    const skipOwn = (abs: string) => abs === out || abs.startsWith(`${out}.`);
    const rest = (first: string[]) => (rel: string): Verdict => {
      const top = rel.split(path.sep)[0]!;
      if (!rel.includes(path.sep) && (top === 'pg' || first.includes(top))) return 'skip';
      if (skipOwn(path.join(dataDir, rel)) || rel.endsWith('.tmp')) return 'skip';
      return 'copy';
    };
    // 1. the audit chain's checkpoints, before the database
    await copyTree(path.join(dataDir, 'audit'), path.join(data, 'audit'), 'data/audit', files);

    // 2. the database
    const version = (await client.query<{ v: string }>('show server_version')).rows[0]!.v;
    const systemIdentifier = (await client.query<{ id: string }>('select system_identifier::text as id from pg_control_system()')).rows[0]!.id;
    await client.query('select pg_create_physical_replication_slot($1, true, true)', [slot]);
    const { rows: [begin] } = await client.query<{ lsn: string }>('select pg_backup_start($1, true)::text as lsn', [`anjian ${createdAt}`]);
    log(`backup started at WAL ${begin!.lsn}; copying ${pgdata}`);
    await o.whileStarted?.();
    await copyTree(pgdata, path.join(data, 'pg'), 'data/pg', files, pgVerdict);
    const { rows: [end] } = await client.query<{ lsn: string; labelfile: string; spcmapfile: string; stopwal: string }>(
      'select lsn::text, labelfile, spcmapfile, pg_walfile_name(lsn) as stopwal from pg_backup_stop(false)',
    );
    await writeFile(path.join(data, 'pg', 'backup_label'), end!.labelfile, 'data/pg/backup_label', files);
    if (end!.spcmapfile) await writeFile(path.join(data, 'pg', 'tablespace_map'), end!.spcmapfile, 'data/pg/tablespace_map', files);
    const startWal = /START WAL LOCATION: .* \(file ([0-9A-F]{24})\)/.exec(end!.labelfile)?.[1];
    if (!startWal) throw new Error(`unexpected backup_label:\n${end!.labelfile}`);
    const walSegments = await copyWal(pgdata, path.join(data, 'pg'), startWal, end!.stopwal, files);
    await client.query('select pg_drop_replication_slot($1)', [slot]);
    log(`backup stopped at WAL ${end!.lsn}; ${walSegments.length} WAL segment(s) kept`);

    // 3. keys, files and the rest
    await copyTree(dataDir, data, 'data', files, rest(['audit']));
    log(`data directory copied (${files.length} files); compressing`);

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt,
      finishedAt: new Date().toISOString(),
      source: { dataDir },
      postgres: { version, systemIdentifier, startLsn: begin!.lsn, stopLsn: end!.lsn, walSegments },
      files,
    };
    await fs.writeFile(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`, { mode: 0o600 });
    const partial = `${out}.tmp-${process.pid}`;
    await tar.c({ gzip: { level: 6 }, file: partial, cwd: staging, portable: true, mode: 0o600 } as tar.TarOptionsWithAliasesFile, ['manifest.json', 'data']);
    await fs.chmod(partial, 0o600);
    await fs.rename(partial, out);
    const archiveBytes = (await fs.stat(out)).size;
    log(`archive written (${archiveBytes} bytes)`);
    return { file: out, manifest, archiveBytes, millis: Date.now() - started };
  } finally {
    await client.end().catch(() => {});
    await fs.rm(staging, { recursive: true, force: true });
    await fs.rm(`${out}.tmp-${process.pid}`, { force: true });
  }
}

async function writeFile(file: string, text: string, rel: string, files: BackupFile[]): Promise<void> {
  await fs.writeFile(file, text, { mode: 0o600 });
  files.push({ path: rel, bytes: Buffer.byteLength(text), sha256: crypto.createHash('sha256').update(text).digest('hex') });
}

/** The WAL segments from the start checkpoint's to the stop point's (and timeline histories). */
async function copyWal(pgdata: string, target: string, first: string, last: string, files: BackupFile[]): Promise<string[]> {
  const names = (await fs.readdir(path.join(pgdata, 'pg_wal'))).sort();
  const wanted = names.filter((n) => (/^[0-9A-F]{24}$/.test(n) && n >= first && n <= last) || /^[0-9A-F]{8}\.history$/.test(n));
  if (!wanted.includes(first) || !wanted.includes(last)) throw new Error(`WAL ${first}…${last} is no longer in ${pgdata}/pg_wal`);
  await fs.mkdir(path.join(target, 'pg_wal', 'archive_status'), { recursive: true, mode: 0o700 });
  for (const name of wanted) {
    const copied = await copyHashed(path.join(pgdata, 'pg_wal', name), path.join(target, 'pg_wal', name));
    if (!copied) throw new Error(`WAL segment ${name} vanished during the backup`);
    files.push({ path: `data/pg/pg_wal/${name}`, ...copied });
  }
  return wanted.filter((n) => !n.endsWith('.history'));
}
