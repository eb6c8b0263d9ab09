import fs from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { auditedRows, cli, rehash, removeLinks, rowAt, underAttack, verify, type Rehash } from './audit.attack.fixture.js';
import { checkpointFile } from './audit.checkpoint.js';

/**
 * The audit chain against someone who can do anything to the database (its superuser) but
 * cannot read the data directory: neither the audit key nor the checkpoints (issue 9). Each
 * attack is tried as such a person would, re-hashing what follows it either as the chain was
 * hashed before it was keyed or with a key of their own; `audit:verify` must name the first
 * broken link and why. Before the chain was keyed, every re-hashed attack here verified intact.
 */
let t: TestApp;
const HOW: Rehash[] = ['unkeyed', 'guessed key'];

beforeAll(async () => {
  t = await createTestApp();
  await auditedRows(t, 12);
});
afterAll(async () => t?.close());

describe('audit:verify finds', () => {
  it('an intact chain intact', async () => {
    expect(await verify(t)).toMatchObject({ ok: true, firstBroken: null, checkpoints: 1 });
  });

  it.each(HOW)('a changed row, the chain after it re-hashed (%s)', async (how) => {
    let victim = '';
    const report = await underAttack(t, async (tx) => {
      victim = (await rowAt(tx, 5)).id;
      await sql`update audit_log set result = 'failure', details = '{"i":"forged"}' where id = ${victim}`.execute(tx);
      await rehash(tx, 5, how);
    });
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({ id: victim, seq: '5' });
    expect(report.firstBroken!.reason).toMatch(how === 'unkeyed' ? /linked without the audit key/ : /contents do not match/);
  });

  it('a deleted row', async () => {
    const report = await underAttack(t, async (tx) => {
      await sql`delete from audit_log where chain_seq = 6`.execute(tx);
    });
    expect(report.firstBroken).toMatchObject({ id: null, seq: '6' });
    expect(report.firstBroken!.reason).toMatch(/link 6 of the chain is missing/);
  });

  it.each(HOW)('a re-linked chain: rows removed, the rest renumbered and re-hashed (%s)', async (how) => {
    let next = '';
    const report = await underAttack(t, async (tx) => {
      next = (await rowAt(tx, 7)).id;
      await removeLinks(tx, 4, 6);
      await rehash(tx, 4, how);
    });
    expect(report.firstBroken).toMatchObject({ id: next, seq: '4' });
    expect(report.firstBroken!.reason).toMatch(how === 'unkeyed' ? /linked without the audit key/ : /contents do not match/);
  });

  it('a re-linked chain that keeps the stored hashes: each row\'s hash covers its place and the previous hash', async () => {
    let next = '';
    const report = await underAttack(t, async (tx) => {
      next = (await rowAt(tx, 7)).id;
      const before = await rowAt(tx, 3);
      await removeLinks(tx, 4, 6);
      await sql`update audit_log set prev_hash = ${before.hash} where id = ${next}`.execute(tx);
      await sql`update audit_head set last_seq = (select max(chain_seq) from audit_log)`.execute(tx);
    });
    expect(report.firstBroken).toMatchObject({ id: next, seq: '4', reason: 'contents do not match the stored hash' });
  });

  it.each(HOW)('a chain re-hashed whole without the key (%s)', async (how) => {
    let first = '';
    const report = await underAttack(t, async (tx) => {
      first = (await rowAt(tx, 1)).id;
      await sql`update audit_log set username = 'someone else' where chain_seq = 8`.execute(tx);
      await rehash(tx, 1, how);
    });
    expect(report.firstBroken).toMatchObject({ id: first, seq: '1' });
  });

  it('a truncated tail, the head moved back to match: only the checkpoint reveals it', async () => {
    const report = await underAttack(t, async (tx) => {
      await sql`delete from audit_log where chain_seq > 9`.execute(tx);
      await sql`update audit_head set last_seq = 9, last_hash = (select hash from audit_log where chain_seq = 9)`.execute(tx);
    });
    expect(report.rowsChecked).toBe(9);
    expect(report.firstBroken).toMatchObject({ id: null, seq: '10' });
    expect(report.firstBroken!.reason).toMatch(/the checkpoint of .* records link 12, but the chain ends at link 9: links from 10 on were removed/);
  });

  it('a checkpoint file altered or removed', async () => {
    const file = checkpointFile(t.config.dataDir);
    const text = await fs.readFile(file, 'utf8');
    try {
      await fs.writeFile(file, text.replace(/"seq":"\d+"/, '"seq":"9"'));
      expect((await verify(t)).firstBroken!.reason).toMatch(/the checkpoint file does not verify: .* line 1: the signature does not verify/);
      await fs.rm(file);
      expect((await verify(t)).firstBroken!.reason).toMatch(/no checkpoint of the chain/);
    } finally {
      await fs.writeFile(file, text, { mode: 0o600 });
    }
    expect((await verify(t)).ok).toBe(true);
  });
});

describe('after a forgery', () => {
  it('the command line names the first broken row and why, and the checkpoint job will not paper over it', async () => {
    const victim = await underAttack(t, async (tx) => {
      await sql`update audit_log set action = 'test.nothing_happened' where chain_seq = 3`.execute(tx);
      await rehash(tx, 3, 'unkeyed');
    }, { commit: true });
    const id = victim.firstBroken!.id!;
    const cmd = await cli(t, ['audit:verify']);
    expect(cmd.code).toBe(1);
    expect(cmd.out).toContain(`audit chain BROKEN at row ${id}, link 3: linked without the audit key`);
    // A truncation committed: the job refuses to checkpoint the shorter chain.
    await underAttack(t, async (tx) => {
      await sql`delete from audit_log where chain_seq > 10`.execute(tx);
      await sql`update audit_head set last_seq = 10, last_hash = (select hash from audit_log where chain_seq = 10)`.execute(tx);
    }, { commit: true });
    expect(await t.runJob('audit.checkpoint')).toMatch(/^not checkpointed: link 12 no longer holds the hash checkpointed at/);
  });
});
