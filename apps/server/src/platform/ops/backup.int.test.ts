import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit.verify.js';
import { runningEmbeddedUrl } from '../db/embedded-postgres.js';
import { createFileStorage } from '../files/storage.js';
import { startJobs } from '../jobs/scheduler.js';
import { loadKeyring } from '../secrets/keyring.js';
import { makeTempDir, startOwnPlatform, type OwnPlatform } from '../../test/own-platform.js';
import { createBackup } from './backup.js';
import { OperatorError } from './operator-error.js';
import { restoreBackup } from './restore.js';
import { auditKeyring } from '../audit/audit.checkpoint.js';

const until = async (what: string, ok: () => boolean, ms = 60_000) => {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/**
 * A backup taken while organisations are being created restores into a fresh directory on
 * which the platform starts, with every organisation acknowledged before the backup began,
 * an intact audit chain, and the keys, audit checkpoints and files of the data directory.
 */
describe('npm run backup / npm run restore', () => {
  let p: OwnPlatform;
  let restored: OwnPlatform | null = null;
  let work: string;

  beforeAll(async () => {
    p = await startOwnPlatform();
    work = await makeTempDir('anjian-backup-');
  }, 300_000);

  afterAll(async () => {
    await restored?.close();
    await p?.close();
    for (const dir of [p?.dir, work]) if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('takes an online backup under concurrent writes that restores whole', { timeout: 240_000 }, async () => {
    const cookie = await p.adminCookie();
    const keyring = await loadKeyring(p.dir, 'audit', {});
    // The platform sealed the chain at start (startOwnPlatform, as main.ts): audit/checkpoints exists.
    const photo = await createFileStorage(p.dir).put(Buffer.from('a hazard photo'));

    const stopJobs = startJobs(p.database.db, p.jobs.filter((j) => j.name === 'audit.chain'), () => {});
    const acked: string[] = [];
    let writing = true;
    const writer = async (w: number) => {
      for (let i = 0; writing; i++) {
        const res = await p.app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie }, payload: { type: 'grid', name: `备份网格-${w}-${i}`, regionCode: '130123100' } });
        if (res.statusCode !== 201) throw new Error(`write failed: ${res.statusCode} ${res.body}`);
        acked.push((res.json() as { id: string }).id);
      }
    };
    const writers = [0, 1, 2].map(writer);
    let beforeStart: string[] = [];
    let duringCopy = 0;
    const out = path.join(work, 'anjian.tar.gz');
    let result: Awaited<ReturnType<typeof createBackup>>;
    try {
      await until('writes before the backup', () => acked.length >= 20);
      beforeStart = [...acked];
      const url = await runningEmbeddedUrl(p.dir);
      result = await createBackup({
        url: url!, dataDir: p.dir, out, log: (line) => console.log(line),
        // The backup has begun: let more writes land before and while the files are copied.
        whileStarted: async () => {
          const at = acked.length;
          await until('writes while the backup runs', () => acked.length >= at + 10);
          duringCopy = acked.length - at;
        },
      });
    } finally {
      writing = false;
      await Promise.all(writers);
      stopJobs();
    }
    expect(duringCopy).toBeGreaterThanOrEqual(10);
    expect(result.manifest.postgres.walSegments.length).toBeGreaterThan(0);
    expect(result.manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining(['data/pg/backup_label', 'data/keys/audit.keys', 'data/audit/checkpoints', 'data/pg-password']));
    expect(result.manifest.files.some((f) => f.path.endsWith('postmaster.pid'))).toBe(false);

    // Never over a directory that holds something.
    await expect(restoreBackup({ file: out, dataDir: p.dir, systemDir: path.join(work, 'system') })).rejects.toThrow(OperatorError);

    const target = path.join(work, 'restored');
    const restoreResult = await restoreBackup({ file: out, dataDir: target, systemDir: path.join(work, 'system') });
    expect(restoreResult.files).toBe(result.manifest.files.length);
    restored = await startOwnPlatform({ dir: target });
    expect((await restored.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);

    const found = await restored.database.db.selectFrom('orgs').select('id').where('id', 'in', beforeStart).execute();
    expect(found.length).toBe(beforeStart.length);
    const chain = await verifyAuditChain(restored.database.db, { keyring: await auditKeyring(restored.dir), dataDir: restored.dir });
    expect(chain.ok, JSON.stringify(chain.firstBroken)).toBe(true);
    expect(chain.rowsChecked).toBeGreaterThan(beforeStart.length);
    expect((await loadKeyring(target, 'audit', {})).current).toEqual(keyring.current);
    // The checkpoints came along (the restored platform has since appended its own seal).
    const firstCheckpoint = (await fs.readFile(path.join(p.dir, 'audit', 'checkpoints'), 'utf8')).split('\n')[0]!;
    expect((await fs.readFile(path.join(target, 'audit', 'checkpoints'), 'utf8')).startsWith(`${firstCheckpoint}\n`)).toBe(true);
    expect(await fs.readFile(createFileStorage(target).pathOf(photo), 'utf8')).toBe('a hazard photo');
    // The restored platform takes writes.
    const res = await restored.app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie: await restored.adminCookie() }, payload: { type: 'grid', name: '恢复后', regionCode: '130123100' } });
    expect(res.statusCode).toBe(201);
    const present = await restored.database.db.selectFrom('orgs').select('id').where('id', 'in', acked).execute();
    console.log(`backup test: ${beforeStart.length} writes acknowledged before the backup (all present), ${duringCopy} while it ran, ${present.length} of ${acked.length} in the restored copy; archive ${result.archiveBytes} bytes, ${result.millis} ms`);
  });
});
