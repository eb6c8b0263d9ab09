import fs from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';
import { ensureOwnership, placeDataDirectory, runAsIds } from '../db/pg-placement.js';
import { BACKUP_FORMAT, type BackupManifest } from './backup.js';
import { sha256Of } from './copy-tree.js';
import { OperatorError } from './operator-error.js';

export interface RestoreResult {
  dataDir: string;
  pgdata: string;
  manifest: BackupManifest;
  files: number;
  bytes: number;
  millis: number;
}

/**
 * Puts a backup (backup.ts) into a fresh data directory: refuses one that is not empty,
 * checks every file against the manifest before anything is placed, and as root hands the
 * PostgreSQL data to the `postgres` user where it can reach it (pg-placement.ts). Started
 * there, PostgreSQL replays the backed-up WAL and opens at the end of the backup.
 */
export async function restoreBackup(o: { file: string; dataDir: string; systemDir: string; log?: (line: string) => void }): Promise<RestoreResult> {
  const started = Date.now();
  const log = o.log ?? (() => {});
  const dataDir = path.resolve(o.dataDir);
  const file = path.resolve(o.file);
  if (!(await fs.stat(file).then((s) => s.isFile(), () => false))) throw new OperatorError(`${file} is not a backup file: name the .tar.gz that npm run backup wrote.`);
  const existing = await fs.readdir(dataDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    if (error.code === 'ENOTDIR') throw new OperatorError(`${dataDir} is a file: restore into a new, empty directory.`);
    throw error;
  });
  if (existing.length > 0) throw new OperatorError(`${dataDir} is not empty: restore into a new, empty directory (set ANJIAN_DATA_DIR or pass --data-dir), never over a live one.`);

  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  const staging = `${dataDir}.restoring-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(staging, { recursive: true, mode: 0o700 });
  try {
    // strict: a damaged archive stops the restore; preserveOwner off: whoever restores owns it.
    await tar.x({ file, cwd: staging, strict: true, preserveOwner: false });
    const manifest = JSON.parse(await fs.readFile(path.join(staging, 'manifest.json'), 'utf8').catch(() => '{}')) as BackupManifest;
    if (manifest.format !== BACKUP_FORMAT) throw new OperatorError(`${file} is not an anjian backup (no ${BACKUP_FORMAT} manifest).`);
    let bytes = 0;
    for (const entry of manifest.files) {
      const found = await sha256Of(path.join(staging, entry.path)).catch(() => null);
      if (!found || found.sha256 !== entry.sha256 || found.bytes !== entry.bytes) {
        throw new OperatorError(`${file} is damaged: ${entry.path} ${found ? 'differs from' : 'is missing from'} the manifest; use another backup.`);
      }
      bytes += entry.bytes;
    }
    log(`${manifest.files.length} files (${bytes} bytes) match the manifest of the backup taken ${manifest.createdAt}`);

    await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
    for (const name of await fs.readdir(path.join(staging, 'data'))) {
      await fs.rename(path.join(staging, 'data', name), path.join(dataDir, name));
    }
    const ids = await runAsIds();
    const pgdata = await placeDataDirectory(dataDir, ids, o.systemDir, log);
    await ensureOwnership(pgdata, ids);
    return { dataDir, pgdata, manifest, files: manifest.files.length, bytes, millis: Date.now() - started };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
