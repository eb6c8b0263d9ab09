import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { createDatabase } from '../db/database.js';
import { migrateDown, migrateToLatest } from '../db/migrate.js';
import { loadKeyring } from '../secrets/keyring.js';
import { auditedRows, cli, rehash, rowAt, underAttack, verify } from './audit.attack.fixture.js';
import { GENESIS_HASH, rowHash } from './audit.chain.js';
import { readCheckpoints } from './audit.checkpoint.js';
import { verifyAuditChain } from './audit.verify.js';

/** The audit key's life: rotation (old rows keep verifying), and the rows linked before there was one. */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await auditedRows(t, 3);
});
afterAll(async () => t?.close());

describe('rotating the audit key', () => {
  it('links new rows with the new key, audits the rotation, and verifies rows linked with either', async () => {
    const cmd = await cli(t, ['keys:rotate', 'audit']);
    expect(cmd.code, cmd.out).toBe(0);
    expect(cmd.out).toContain('audit key k2 added');
    const keyring = await loadKeyring(t.config.dataDir, 'audit', {});
    expect(keyring.all.map((k) => k.id)).toEqual(['k1', 'k2']);
    await auditedRows(t, 3);
    const rows = await t.db.selectFrom('audit_log').select(['id', 'action', 'key_id']).orderBy('chain_seq').execute();
    expect(rows.find((r) => r.action === 'audit.key_rotate')).toMatchObject({ key_id: 'k2' });
    expect(rows.at(-1)!.key_id).toBe('k2');
    expect(rows.filter((r) => r.key_id === 'k1').length).toBeGreaterThanOrEqual(3);
    expect(await verify(t)).toMatchObject({ ok: true, rowsChecked: rows.length });
    // A keyring that lost the old key cannot vouch for what it signed.
    const withoutOld = { ...keyring, get: (id: string) => (id === 'k1' ? undefined : keyring.get(id)) };
    const report = await verifyAuditChain(t.db, { keyring: withoutOld, dataDir: t.config.dataDir });
    expect(report.ok).toBe(false);
    expect(report.firstBroken!.reason).toMatch(/signed with key k1, which the audit keyring does not hold/);
  });

  it('refuses anything but the audit key', async () => {
    expect((await cli(t, ['keys:rotate', 'everything'])).code).toBe(2);
  });
});

describe('rows linked before the chain was keyed', () => {
  it('still verify, sealed by the first checkpoint: no later row may be linked without the key', async () => {
    const u = await createTestApp();
    const owner = createDatabase(u.ownerDatabaseUrl, { max: 1 });
    try {
      // An installation as it was before: migrated up to the unkeyed chain, its rows linked unkeyed.
      const applied = async () => (await sql<{ name: string }>`select name from kysely_migration`.execute(owner.db)).rows.map((r) => r.name);
      while ((await applied()).some((name) => name.endsWith('_audit_keyed'))) await migrateDown(owner.db);
      for (const action of ['legacy.one', 'legacy.two', 'legacy.three']) {
        await sql`insert into audit_log (at, action, result, algorithm) values (now(), ${action}, 'success', 'sm3')`.execute(owner.db);
      }
      const pending = await sql<Record<string, never>>`select * from audit_log where chain_seq is null order by id`.execute(owner.db);
      let prev = GENESIS_HASH;
      let seq = 0;
      for (const row of pending.rows as never as Parameters<typeof rowHash>[0][]) {
        seq++;
        const hash = rowHash({ ...row, chain_seq: String(seq), key_id: null, prev_hash: prev }, null);
        await sql`update audit_log set chain_seq = ${seq}, prev_hash = ${prev}, hash = ${hash} where id = ${row.id}`.execute(owner.db);
        prev = hash;
      }
      expect(seq).toBeGreaterThanOrEqual(3);
      await sql`update audit_head set last_seq = ${seq}, last_hash = ${prev}`.execute(owner.db);
      const legacy = seq;

      // The upgrade: migrations, then the server's first start seals the unkeyed rows.
      await migrateToLatest(owner.db);
      await auditedRows(u, 4);
      const log = await readCheckpoints(u.config.dataDir, await loadKeyring(u.config.dataDir, 'audit', {}));
      expect(log.checkpoints[0]!.legacyThrough).toBe(String(legacy));
      const keys = (await u.db.selectFrom('audit_log').select('key_id').orderBy('chain_seq').execute()).map((r) => r.key_id);
      expect(keys.slice(0, legacy).every((k) => k === null) && keys.slice(legacy).every((k) => k === 'k1')).toBe(true);
      expect(await verify(u)).toMatchObject({ ok: true, rowsChecked: legacy + 4 });

      // A keyed row passed off as unkeyed, even with the database's own record of the seal moved: the checkpoint's holds.
      let next = '';
      const downgraded = await underAttack(u, async (tx) => {
        next = (await rowAt(tx, legacy + 1)).id;
        await rehash(tx, 1, 'unkeyed');
        await sql`update audit_head set legacy_through = 1000`.execute(tx);
      });
      expect(downgraded.firstBroken).toMatchObject({ id: next, seq: String(legacy + 1) });
      expect(downgraded.firstBroken!.reason).toMatch(new RegExp(`linked without the audit key, but only links up to ${legacy}`));
    } finally {
      await owner.close();
      await u.close();
    }
  });
});
