import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SYSTEM_DIR, relocatedPgdata } from '../../apps/server/src/platform/db/pg-placement.js';

/**
 * Removes a benchmark's data directory together with its PostgreSQL data. As root the platform
 * places that data under /var/lib/anjian behind `<dir>/pg` (apps/server/src/platform/db/
 * pg-placement.ts); left there — the link is gone with a deleted clone — it refuses the next
 * fresh start in the same directory ("already holds a PostgreSQL data directory").
 */
export async function removeDataDir(dir: string): Promise<void> {
  const placed = path.dirname(await relocatedPgdata(dir, process.env.ANJIAN_SYSTEM_DIR ?? DEFAULT_SYSTEM_DIR));
  const owner = await fs.promises.readFile(path.join(placed, 'data-dir'), 'utf8').catch(() => null);
  // Only the placement made for this very directory.
  if (owner !== null && owner.trim() === (await fs.promises.realpath(dir).catch(() => path.resolve(dir)))) {
    await fs.promises.rm(placed, { recursive: true, force: true });
  }
  await fs.promises.rm(dir, { recursive: true, force: true });
}
