import crypto from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** One file of a backup: its path inside the archive, its size and its SHA-256. */
export interface BackupFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** Copies `src` to `dst` (creating its directory) and hashes it on the way; null when it vanished. */
export async function copyHashed(src: string, dst: string, mode?: number): Promise<{ bytes: number; sha256: string } | null> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  await fs.mkdir(path.dirname(dst), { recursive: true });
  try {
    await pipeline(
      createReadStream(src),
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          bytes += chunk.length;
          done(null, chunk);
        },
      }),
      createWriteStream(dst, { mode: mode ?? 0o600 }),
    );
  } catch (error) {
    // A file dropped while the copy ran (a table dropped, a temp file renamed): not needed.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      await fs.rm(dst, { force: true });
      return null;
    }
    throw error;
  }
  return { bytes, sha256: hash.digest('hex') };
}

export type Verdict = 'copy' | 'skip' | 'empty';

/**
 * Copies the tree `src` into `dst`, recording every file under `prefix` in `files`.
 * `decide(rel, isDir)` may skip an entry, or keep a directory but none of its contents.
 */
export async function copyTree(src: string, dst: string, prefix: string, files: BackupFile[], decide: (rel: string, isDir: boolean) => Verdict = () => 'copy'): Promise<void> {
  const walk = async (rel: string): Promise<void> => {
    const from = path.join(src, rel);
    const stat = await fs.stat(from).catch(() => null);
    if (!stat) return;
    await fs.mkdir(path.join(dst, rel), { recursive: true, mode: stat.mode & 0o777 });
    const entries = await fs.readdir(from, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const child = rel ? path.join(rel, entry.name) : entry.name;
      const isDir = entry.isDirectory();
      const verdict = decide(child, isDir);
      if (verdict === 'skip') continue;
      if (entry.isSymbolicLink()) throw new Error(`${path.join(src, child)} is a symbolic link; a backup does not follow links (tablespaces are not supported)`);
      if (isDir) {
        if (verdict === 'empty') {
          const mode = (await fs.stat(path.join(src, child)).catch(() => null))?.mode ?? 0o700;
          await fs.mkdir(path.join(dst, child), { recursive: true, mode: mode & 0o777 });
        } else await walk(child);
        continue;
      }
      if (!entry.isFile()) continue;
      const mode = (await fs.stat(path.join(src, child)).catch(() => null))?.mode;
      if (mode === undefined) continue;
      const copied = await copyHashed(path.join(src, child), path.join(dst, child), mode & 0o777);
      if (copied) files.push({ path: path.posix.join(prefix, ...child.split(path.sep)), ...copied });
    }
  };
  await walk('');
}

export async function sha256Of(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}
