import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { TestApp } from '../../test/harness.js';
import { createDatabase, type Tx } from '../db/database.js';
import { systemContext } from '../http/context.js';
import { rowHash } from './audit.chain.js';
import { auditKeyring } from './audit.checkpoint.js';
import { verifyAuditChain, type VerifyReport } from './audit.verify.js';
import { createAuditWriter } from './audit.writer.js';

/**
 * What someone with the database's superuser (but not the data directory: neither the audit key
 * nor the checkpoints) can do to the audit log, for the forgery tests: switch its triggers off,
 * change, delete and renumber rows, and compute hashes as the code does — without the key, so
 * either unkeyed (as the chain was before issue 9) or with a key of their own under the real
 * key's id.
 */
export type Rehash = 'unkeyed' | 'guessed key';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../../../..');

/** Writes `n` audit rows as the application does, and links and checkpoints them. */
export async function auditedRows(t: TestApp, n: number): Promise<void> {
  const audit = createAuditWriter({ algorithm: t.config.auditHash, now: t.clock.now });
  for (let i = 0; i < n; i++) await audit.record(t.db, systemContext(`fixture-${i}`), { action: 'test.fixture', result: 'success', details: { i } });
  await t.runJob('audit.chain');
  expect(await t.runJob('audit.checkpoint')).toMatch(/^checkpointed link \d+$/);
}

export async function verify(t: TestApp, db: Parameters<typeof verifyAuditChain>[0] = t.db): Promise<VerifyReport> {
  return verifyAuditChain(db, { keyring: await auditKeyring(t.config.dataDir), dataDir: t.config.dataDir });
}

/** Recomputes every hash from link `from` on, as an attacker without the key can, and moves the head. */
export async function rehash(tx: Tx, from: number, how: Rehash): Promise<void> {
  const guessed = crypto.randomBytes(32);
  const rows = await tx.selectFrom('audit_log').selectAll().where('chain_seq', 'is not', null).orderBy('chain_seq').execute();
  let prev = rows.find((r) => Number(r.chain_seq) === from - 1)?.hash ?? '0'.repeat(64);
  for (const row of rows.filter((r) => Number(r.chain_seq) >= from)) {
    const keyId = how === 'unkeyed' ? null : row.key_id;
    const hash = rowHash({ ...row, algorithm: row.algorithm as 'sm3', chain_seq: row.chain_seq!, key_id: keyId, prev_hash: prev }, how === 'unkeyed' ? null : guessed);
    await sql`update audit_log set prev_hash = ${prev}, hash = ${hash}, key_id = ${keyId} where id = ${row.id}`.execute(tx);
    prev = hash;
  }
  await sql`update audit_head set last_seq = (select max(chain_seq) from audit_log), last_hash = ${prev}`.execute(tx);
}

/** Removes links `from`..`to` and renumbers the rest to close the gap (the unique index allows it in two steps). */
export async function removeLinks(tx: Tx, from: number, to: number): Promise<void> {
  await sql`delete from audit_log where chain_seq between ${from} and ${to}`.execute(tx);
  await sql`update audit_log set chain_seq = chain_seq + 1000000 where chain_seq > ${to}`.execute(tx);
  await sql`update audit_log set chain_seq = chain_seq - 1000000 - ${to - from + 1} where chain_seq > 1000000`.execute(tx);
}

export async function rowAt(tx: Tx, seq: number) {
  return tx.selectFrom('audit_log').selectAll().where('chain_seq', '=', String(seq)).executeTakeFirstOrThrow();
}

class Rollback extends Error {
  constructor(readonly report: VerifyReport) {
    super('rollback');
  }
}

/**
 * Runs `attack` as the superuser with the audit log's triggers switched off, verifies what it
 * left, and rolls it all back; `commit` keeps it (for the command line and the checkpoint job).
 */
export async function underAttack(t: TestApp, attack: (tx: Tx) => Promise<void>, options: { commit?: boolean } = {}): Promise<VerifyReport> {
  const admin = createDatabase(t.adminDatabaseUrl, { max: 1 });
  try {
    return await admin.db.transaction().execute(async (tx) => {
      await sql`alter table audit_log disable trigger user`.execute(tx);
      await attack(tx);
      await sql`alter table audit_log enable always trigger audit_log_no_update, enable always trigger audit_log_no_truncate`.execute(tx);
      const report = await verify(t, tx);
      if (options.commit) return report;
      throw new Rollback(report);
    }).catch((error: unknown) => {
      if (error instanceof Rollback) return error.report;
      throw error;
    });
  } finally {
    await admin.close();
  }
}

/** The operator's command line (`node apps/server/dist/cli.js …`) against the test app's database and data directory. */
export async function cli(t: TestApp, args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('node', ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], {
      cwd: repoRoot, env: { ...process.env, DATABASE_URL: t.databaseUrl, ANJIAN_DATA_DIR: t.config.dataDir },
    });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: `${e.stdout}${e.stderr}` };
  }
}
