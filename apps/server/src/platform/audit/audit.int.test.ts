import fs from 'node:fs/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { keyringFile } from '../secrets/keyring.js';
import { cli, verify } from './audit.attack.fixture.js';
import { checkpointFile } from './audit.checkpoint.js';
import { createAuditWriter } from './audit.writer.js';

let t: TestApp;
let admin: string;
let leader: { id: string; username: string };

beforeAll(async () => {
  t = await createTestApp();
  const county = await t.factories.org({ type: 'safety_committee_office', regionCode: '130123' });
  admin = await t.login((await t.factories.user({ orgId: county, roles: ['security_admin'] })).username);
  leader = await t.factories.user({ orgId: county, roles: ['leader'] });
});
afterAll(async () => t?.close());

async function rows() {
  return t.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
}

describe('what is recorded', () => {
  it('writes a row for a change, a sign-in, a failed sign-in, a sign-out and a denial', async () => {
    const before = (await rows()).length;
    const created = await t.request({ method: 'POST', url: '/api/orgs', cookie: admin, payload: { type: 'grid', name: '审计网格', regionCode: '130123100' } });
    expect(created.statusCode).toBe(201);
    await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: leader.username, password: 'Wrong#Pass123' } });
    const session = await t.login(leader.username);
    await t.request({ method: 'POST', url: '/api/orgs', cookie: session, payload: { type: 'grid', name: 'x', regionCode: '130123100' } });
    await t.request({ method: 'POST', url: '/api/auth/logout', cookie: session });
    const added = (await rows()).slice(before);
    expect(added.map((r) => [r.action, r.result])).toEqual([
      ['org.create', 'success'],
      ['auth.login', 'failure'],
      ['auth.login', 'success'],
      ['org.create', 'denied'],
      ['auth.logout', 'success'],
    ]);
    const change = added[0]!;
    expect(change.object_id).toBe(created.json().id);
    expect(change.region_code).toBe('130123');
    expect(change.request_id).toBeTruthy();
    expect(change.ip).toBeTruthy();
    expect(change.at.getTime()).toBeGreaterThan(0);
  });

  it('records a rejected change and writes nothing else', async () => {
    const orgsBefore = await t.db.selectFrom('orgs').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const res = await t.request({ method: 'POST', url: '/api/orgs', cookie: admin, payload: { type: 'grid', name: '', regionCode: '130123100' } });
    expect(res.statusCode).toBe(400);
    const last = (await rows()).at(-1)!;
    expect([last.action, last.result, last.status_code]).toEqual(['org.create', 'failure', 400]);
    const orgsAfter = await t.db.selectFrom('orgs').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(orgsAfter.n).toBe(orgsBefore.n);
  });
});

describe('the chain', () => {
  it('links every row to the previous one with the audit key after commit, and verifies intact against a checkpoint', async () => {
    expect((await rows()).every((r) => r.hash === null), 'written unlinked').toBe(true);
    expect((await verify(t)).pending).toBeGreaterThan(0);
    await t.runJob('audit.chain');
    const all = await t.db.selectFrom('audit_log').selectAll().orderBy('chain_seq').execute();
    expect(all.map((r) => Number(r.chain_seq))).toEqual(all.map((_, i) => i + 1));
    for (let i = 1; i < all.length; i++) expect(all[i]!.prev_hash).toBe(all[i - 1]!.hash);
    expect(new Set(all.map((r) => `${r.algorithm} ${r.key_id}`))).toEqual(new Set(['sm3 k1']));
    // Linked but never checkpointed: a removed tail could not be told from an intact chain.
    expect((await verify(t)).firstBroken?.reason).toMatch(/no checkpoint of the chain/);
    expect(await t.runJob('audit.checkpoint')).toBe(`checkpointed link ${all.length}`);
    expect(await t.runJob('audit.checkpoint'), 'nothing new: nothing appended').toBe('');
    expect(await verify(t)).toMatchObject({ ok: true, rowsChecked: all.length, pending: 0, checkpoints: 1, checkpointedThrough: String(all.length) });
    const cmd = await cli(t, ['audit:verify']);
    expect(cmd.code).toBe(0);
    expect(cmd.out).toContain(`audit chain intact: ${all.length} rows verified, 1 checkpoints`);
    // The key and the checkpoints live in the data directory, readable by the platform alone.
    for (const file of [keyringFile(t.config.dataDir, 'audit'), checkpointFile(t.config.dataDir)]) {
      expect((await fs.stat(file)).mode & 0o777, file).toBe(0o600);
    }
  });

  it('never makes writers wait on one another: a row committed late is linked when it commits', async () => {
    const ctx = { ip: '127.0.0.1', requestId: 'late', user: null, audited: false } as never;
    const audit = createAuditWriter({ algorithm: 'sm3', now: () => new Date() });
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let written!: () => void;
    const inserted = new Promise<void>((resolve) => { written = resolve; });
    // A long transaction writes its row first and commits last.
    const late = t.db.transaction().execute(async (tx) => {
      await audit.record(tx, ctx, { action: 'test.late', result: 'success' });
      written();
      await held;
    });
    await inserted;
    // Meanwhile another request writes, commits and is linked; it did not wait.
    const res = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } });
    expect(res.statusCode).toBe(401);
    await t.runJob('audit.chain');
    const early = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.login').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(early.chain_seq).not.toBeNull();
    release();
    await late;
    await t.runJob('audit.checkpoint');
    const lateRow = await t.db.selectFrom('audit_log').selectAll().where('request_id', '=', 'late').executeTakeFirstOrThrow();
    expect(BigInt(lateRow.id)).toBeLessThan(BigInt(early.id));
    expect(BigInt(lateRow.chain_seq!)).toBeGreaterThan(BigInt(early.chain_seq!));
    expect(await verify(t)).toMatchObject({ ok: true, pending: 0 });
  });

  it('lets the application append and link, and nothing else: it can neither switch the triggers off nor change a row', async () => {
    // The application's own connection: the application role (harness.ts).
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      expect((await client.query('select current_user as u')).rows[0].u).toBe('anjian_app');
      await expect(client.query('alter table audit_log disable trigger audit_log_no_update')).rejects.toThrow(/must be owner/);
      await expect(client.query('alter table audit_log disable trigger user')).rejects.toThrow(/must be owner/);
      await expect(client.query('set session_replication_role = replica')).rejects.toThrow(/permission denied/);
      await expect(client.query(`select set_config('session_replication_role', 'replica', false)`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`update audit_log set result = 'success' where id = 1`)).rejects.toThrow(/permission denied/);
      await expect(client.query('delete from audit_log where id = 1')).rejects.toThrow(/permission denied/);
      await expect(client.query('truncate audit_log')).rejects.toThrow(/permission denied/);
      await expect(client.query('update audit_head set legacy_through = 1000000')).rejects.toThrow(/permission denied/);
      await expect(client.query(`insert into audit_log (at, action, result, algorithm, chain_seq, prev_hash, hash, key_id) values (now(), 'x', 'success', 'sm3', 999, 'p', 'h', 'k1')`)).rejects.toThrow(/permission denied/);
      // Linking is the one change allowed: only to a row not yet linked, with a key named, nothing else changed.
      await expect(client.query(`update audit_log set hash = repeat('0', 64), prev_hash = repeat('0', 64), chain_seq = 999, key_id = 'k1' where id = 1`)).rejects.toThrow(/append-only/);
      await client.query(`insert into audit_log (at, action, result, algorithm) values (now(), 'test.unlinked', 'success', 'sm3')`);
      await expect(client.query(`update audit_log set hash = 'x', prev_hash = 'y', chain_seq = 999 where action = 'test.unlinked'`), 'unkeyed').rejects.toThrow(/append-only/);
      await expect(client.query(`insert into audit_log (at, action, result, algorithm) values (now(), 'test.md5', 'success', 'md5')`)).rejects.toThrow(/audit_log_algorithm_check/);
    } finally {
      await client.end();
    }
    // Not even a superuser's replication session, nor the bulk import's setting, gets past the triggers.
    const su = new pg.Client({ connectionString: t.adminDatabaseUrl });
    await su.connect();
    try {
      await su.query('begin');
      await su.query(`set local session_replication_role = replica`);
      await su.query(`set local anjian.hazards_bulk = 'on'`);
      await expect(su.query(`update audit_log set result = 'success' where id = 1`)).rejects.toThrow(/append-only/);
      await su.query('rollback');
    } finally {
      await su.end();
    }
  });
});

describe('hash setting', () => {
  it('chains with SHA-256 when configured', async () => {
    const sha = await createTestApp({ env: { ANJIAN_AUDIT_HASH: 'sha256' } });
    try {
      await sha.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } });
      const row = await sha.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(row.algorithm).toBe('sha256');
      await sha.runJob('audit.chain');
      await sha.runJob('audit.checkpoint');
      expect(await verify(sha)).toMatchObject({ ok: true, pending: 0 });
      expect((await sql<{ key_id: string }>`select distinct key_id from audit_log where algorithm = 'sha256'`.execute(sha.db)).rows).toEqual([{ key_id: 'k1' }]);
    } finally {
      await sha.close();
    }
  });
});
