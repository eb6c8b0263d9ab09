import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Content-addressed storage under the data directory: files/ab/cd/<sha256>. Written to a
 * temporary name, flushed to disk, then renamed, so a file either exists whole or not at all
 * before the upload is acknowledged.
 */
export function createFileStorage(dataDir: string) {
  const root = path.join(dataDir, 'files');
  const pathOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

  return {
    pathOf,
    async put(bytes: Buffer): Promise<string> {
      const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha256);
      if (await fs.access(target).then(() => true, () => false)) return sha256;
      await fs.mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`;
      const handle = await fs.open(temp, 'w', 0o640);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, target);
      return sha256;
    },
  };
}

export type FileStorage = ReturnType<typeof createFileStorage>;
