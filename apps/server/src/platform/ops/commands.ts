import path from 'node:path';
import type { Config } from '../config.js';
import { runningEmbeddedUrl } from '../db/embedded-postgres.js';
import { createBackup, defaultBackupFile } from './backup.js';
import { OperatorError } from './operator-error.js';
import { restoreBackup } from './restore.js';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const log = (line: string) => console.log(line);

/** `npm run backup [-- file]`: cli.ts has joined (or started) the embedded server by now. */
export async function backupCommand(args: string[], _url: string, config: Config): Promise<number> {
  if (config.databaseUrl) {
    throw new OperatorError(`npm run backup copies the embedded database; with DATABASE_URL back up that server with its own tools (pg_basebackup or pg_dump) and copy ${config.dataDir}/keys and ${config.dataDir}/files beside it (README, "Backup").`);
  }
  const out = args.filter((a) => !a.startsWith('--'))[0] ?? defaultBackupFile();
  const url = await runningEmbeddedUrl(config.dataDir);
  if (!url) throw new OperatorError(`No PostgreSQL runs on ${config.dataDir}: start the platform (or check ANJIAN_DATA_DIR) and run the backup again.`);
  const result = await createBackup({ url, dataDir: config.dataDir, out, log });
  const dbBytes = result.manifest.files.filter((f) => f.path.startsWith('data/pg/')).reduce((n, f) => n + f.bytes, 0);
  const otherBytes = result.manifest.files.reduce((n, f) => n + f.bytes, 0) - dbBytes;
  console.log(`backup written: ${result.file}`);
  console.log(`  ${result.manifest.files.length} files: database ${mb(dbBytes)}, keys/audit/files ${mb(otherBytes)}; archive ${mb(result.archiveBytes)}; ${(result.millis / 1000).toFixed(1)} s`);
  console.log(`  restore with: npm run restore -- ${path.relative(process.cwd(), result.file) || result.file} --data-dir <new directory>`);
  return 0;
}

/** `npm run restore -- <file> [--data-dir DIR]` (default: ANJIAN_DATA_DIR). */
export async function restoreCommand(args: string[], config: Config): Promise<number> {
  const positional: string[] = [];
  let dataDir = config.dataDir;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--data-dir' && args[i + 1]) dataDir = path.resolve(args[++i]!);
    else if (args[i]!.startsWith('--data-dir=')) dataDir = path.resolve(args[i]!.slice('--data-dir='.length));
    else positional.push(args[i]!);
  }
  if (positional.length !== 1) {
    console.error('usage: npm run restore -- <backup.tar.gz> [--data-dir <new, empty directory>]');
    return 2;
  }
  const result = await restoreBackup({ file: positional[0]!, dataDir, systemDir: config.systemDir, log });
  console.log(`restored the backup of ${result.manifest.createdAt} into ${result.dataDir} (${result.files} files, ${mb(result.bytes)}, ${(result.millis / 1000).toFixed(1)} s)`);
  if (result.pgdata !== path.join(result.dataDir, 'pg')) console.log(`  PostgreSQL data: ${result.pgdata} (linked from ${path.join(result.dataDir, 'pg')})`);
  console.log(`  start the platform on it: ${result.dataDir === config.dataDir ? '' : `ANJIAN_DATA_DIR=${result.dataDir} `}npm start`);
  return 0;
}
