import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { verifyAuditChain } from './audit.verify.js';
import { createAuditWriter } from './audit.writer.js';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../../../..');

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

/** Runs `npm run audit:verify`'s command against the test database. */
async function cliVerify(): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('node', ['--import', 'tsx', 'apps/server/src/cli.ts', 'audit:verify'], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: t.databaseUrl } });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, out: e.stderr };
  }
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
  it('links every row to the previous one after commit and verifies intact', async () => {
    expect((await rows()).every((r) => r.hash === null), 'written unlinked').toBe(true);
    expect((await verifyAuditChain(t.db)).pending).toBeGreaterThan(0);
    await t.runJob('audit.chain');
    const all = await t.db.selectFrom('audit_log').selectAll().orderBy('chain_seq').execute();
    expect(all.map((r) => Number(r.chain_seq))).toEqual(all.map((_, i) => i + 1));
    for (let i = 1; i < all.length; i++) expect(all[i]!.prev_hash).toBe(all[i - 1]!.hash);
    expect(all[0]!.algorithm).toBe('sm3');
    const report = await verifyAuditChain(t.db);
    expect(report).toMatchObject({ ok: true, rowsChecked: all.length, pending: 0 });
    expect((await cliVerify()).code).toBe(0);
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
    await t.runJob('audit.chain');
    const lateRow = await t.db.selectFrom('audit_log').selectAll().where('request_id', '=', 'late').executeTakeFirstOrThrow();
    expect(BigInt(lateRow.id)).toBeLessThan(BigInt(early.id));
    expect(BigInt(lateRow.chain_seq!)).toBeGreaterThan(BigInt(early.chain_seq!));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, pending: 0 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the application', async () => {
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      await expect(client.query(`update audit_log set result = 'success' where id = 1`)).rejects.toThrow(/append-only/);
      await expect(client.query('delete from audit_log where id = 1')).rejects.toThrow(/append-only/);
      await expect(client.query('truncate audit_log')).rejects.toThrow(/append-only/);
      // Linking is the one change allowed, and only to a row not yet linked, with nothing else changed.
      await expect(client.query(`update audit_log set hash = repeat('0', 64), prev_hash = repeat('0', 64), chain_seq = 999 where id = 1`)).rejects.toThrow(/append-only/);
      await client.query(`insert into audit_log (at, action, result, algorithm) values (now(), 'test.unlinked', 'success', 'sm3')`);
      await expect(client.query(`update audit_log set result = 'failure', hash = 'x', prev_hash = 'y', chain_seq = 999 where action = 'test.unlinked'`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });

  it('names the first row changed behind the application’s back', async () => {
    const victim = (await rows())[2]!;
    const su = new pg.Client({ connectionString: t.databaseUrl });
    await su.connect();
    try {
      // A superuser can bypass triggers; the chain still gives it away.
      await su.query(`set session_replication_role = replica`);
      await su.query(`update audit_log set result = 'success' where id = $1`, [victim.id]);
    } finally {
      await su.end();
    }
    const report = await verifyAuditChain(t.db);
    expect(report.ok).toBe(false);
    expect(report.firstBroken?.id).toBe(victim.id);
    const cli = await cliVerify();
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(`row ${victim.id}`);
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
      expect(await verifyAuditChain(sha.db)).toMatchObject({ ok: true, pending: 0 });
    } finally {
      await sha.close();
    }
  });
});
