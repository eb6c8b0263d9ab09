import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditWriter } from '../../platform/audit/audit.writer.js';
import { createSessionStore } from '../../platform/auth/sessions.js';
import { TEST_ADMIN_PASSWORD } from '../../test/global-setup.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { createActivations, tokenHash } from './users.activation.js';
import { createOperator, OperatorError } from './users.operator.js';

/*
 * System and audit administrators are granted out of band (the operator's CLI) and set their
 * own password through a one-time activation link; the granter never sees or sets one.
 */

let t: TestApp;
let platformOrg: string;
let op: ReturnType<typeof createOperator>;

beforeAll(async () => {
  t = await createTestApp();
  platformOrg = (await t.db.selectFrom('orgs').select('id').where('type', '=', 'platform').executeTakeFirstOrThrow()).id;
  const audit = createAuditWriter({ algorithm: 'sm3', now: t.clock.now });
  const sessions = createSessionStore({ db: t.db, settings: t.config.session, now: t.clock.now });
  const activations = createActivations({ db: t.db, audit, sessions, passwordPolicy: t.config.passwordPolicy, hours: 24, now: t.clock.now });
  op = createOperator({ db: t.db, audit, activations, sessions, operator: 'cli:ops-test' });
});
afterAll(async () => t?.close());

const open = (token: string) => t.request({ method: 'POST', url: '/api/activation', payload: { token } });
const activate = (token: string, newPassword: string) => t.request({ method: 'POST', url: '/api/activation/password', payload: { token, newPassword } });
const login = (username: string, password: string) => t.request({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const auditRows = (action: string, objectId: string) =>
  t.db.selectFrom('audit_log').select(['username', 'user_id', 'region_code', 'details']).where('action', '=', action).where('object_id', '=', objectId).execute();

describe('granting an audit administrator out of band', () => {
  it('makes an account nobody can sign in to, audited with the operator, and a link whose token is stored only hashed', async () => {
    const granted = await op.grant({ username: 'audit.zhang', role: 'audit_admin', orgId: platformOrg, displayName: '张审计' });
    const rows = await auditRows('admin.grant', granted.userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ username: 'cli:ops-test', user_id: null, region_code: '0' });
    expect(JSON.parse(rows[0]!.details!)).toMatchObject({ role: 'audit_admin', account: 'audit.zhang', via: 'cli' });

    const stored = await t.db.selectFrom('user_activations').selectAll().where('user_id', '=', granted.userId).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).toBe(tokenHash(granted.token));
    const { rows: anywhere } = await sql<{ n: number }>`select count(*)::int as n from user_activations where position(${granted.token} in row(user_activations.*)::text) > 0`.execute(t.db);
    expect(anywhere[0]!.n).toBe(0);

    for (const guess of ['Test@Pass2026', TEST_ADMIN_PASSWORD, '']) expect((await login('audit.zhang', guess || 'x')).statusCode).toBe(401);
  });

  it('lets the holder see whose account it is, refuse a weak password, then set its own, once', async () => {
    const { token, userId } = await op.grant({ username: 'audit.li', role: 'audit_admin', orgId: platformOrg });
    const info = await open(token);
    expect(info.statusCode, info.body).toBe(200);
    expect(info.json()).toMatchObject({ username: 'audit.li', displayName: '审计管理员', role: { key: 'audit_admin', nameZh: '审计管理员' }, org: { regionCode: '0' } });

    const weak = await activate(token, 'password');
    expect(weak.statusCode).toBe(422);
    expect(weak.json().details[0].field).toBe('body.newPassword');

    expect((await activate(token, 'Audit#Li2027x')).statusCode).toBe(204);
    expect(await auditRows('auth.activate', userId)).toHaveLength(1);
    const signedIn = await login('audit.li', 'Audit#Li2027x');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().mustChangePassword).toBe(false);

    for (const again of [await open(token), await activate(token, 'Another#Pass2027')]) {
      expect(again.statusCode).toBe(410);
      expect(again.json().code).toBe('ACTIVATION_INVALID');
    }
    expect((await login('audit.li', 'Another#Pass2027')).statusCode).toBe(401);
  });

  it('expires: valid a minute before the deadline, not at it', async () => {
    const { token } = await op.grant({ username: 'sys.wang', role: 'system_admin', orgId: platformOrg });
    t.clock.advanceMinutes(24 * 60 - 1);
    expect((await open(token)).statusCode).toBe(200);
    t.clock.advanceMinutes(1);
    expect((await open(token)).statusCode).toBe(410);
    expect((await activate(token, 'Sys#Wang2027xy')).statusCode).toBe(410);
  });

  it('re-activation voids the earlier link and the password, and ends the sessions', async () => {
    const first = await op.grant({ username: 'audit.zhao', role: 'audit_admin', orgId: platformOrg });
    expect((await activate(first.token, 'Audit#Zhao2027')).statusCode).toBe(204);
    const session = await t.login('audit.zhao', 'Audit#Zhao2027');
    const second = await op.reactivate('audit.zhao');
    const third = await op.reactivate('audit.zhao');
    expect((await open(second.token)).statusCode).toBe(410);
    expect((await login('audit.zhao', 'Audit#Zhao2027')).statusCode).toBe(401);
    t.clock.advance(4_000); // past the few seconds a session is remembered in the process
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: session })).statusCode).toBe(401);
    expect((await activate(third.token, 'Audit#Zhao2028')).statusCode).toBe(204);
    expect((await login('audit.zhao', 'Audit#Zhao2028')).statusCode).toBe(200);
    expect(await auditRows('admin.reactivate', second.userId)).toHaveLength(2);
  });

  it('an activated audit administrator reads the audit log; the security administrator cannot touch it', async () => {
    const { token, userId } = await op.grant({ username: 'audit.sun', role: 'audit_admin', orgId: platformOrg });
    await activate(token, 'Audit#Sun2027x');
    const auditor = await t.login('audit.sun', 'Audit#Sun2027x');
    expect((await t.request({ method: 'GET', url: '/api/audit?limit=5', cookie: auditor })).statusCode).toBe(200);
    const admin = await t.login('admin', TEST_ADMIN_PASSWORD);
    for (const action of ['reset-password', 'disable']) {
      const res = await t.request({ method: 'POST', url: `/api/users/${userId}/${action}`, cookie: admin });
      expect(res.statusCode, action).toBe(403);
      expect(res.json().code).toBe('ACCOUNT_PROTECTED');
    }
  });

  it('disabling is the operator’s too', async () => {
    const { token, userId } = await op.grant({ username: 'sys.qian', role: 'system_admin', orgId: platformOrg });
    await activate(token, 'Sys#Qian2027x');
    await op.setStatus('sys.qian', 'disabled');
    expect((await login('sys.qian', 'Sys#Qian2027x')).statusCode).not.toBe(200);
    expect(await auditRows('admin.disable', userId)).toHaveLength(1);
    await op.setStatus('sys.qian', 'active');
    expect((await login('sys.qian', 'Sys#Qian2027x')).statusCode).toBe(200);
  });

  it('refuses what is not its to grant, a taken name, an organisation that cannot hold the role', async () => {
    const enterprise = (await t.factories.enterprise({ regionCode: '130123100001' })).id;
    await expect(op.grant({ username: 'x.leader', role: 'leader', orgId: platformOrg })).rejects.toThrow(OperatorError);
    await expect(op.grant({ username: 'admin', role: 'audit_admin', orgId: platformOrg })).rejects.toThrow(/taken/);
    await expect(op.grant({ username: 'x.ent', role: 'audit_admin', orgId: enterprise })).rejects.toThrow(/cannot belong/);
    await expect(op.reactivate('admin')).rejects.toThrow(/not a system or audit administrator/);
    expect(await t.db.selectFrom('users').select('id').where('username', 'in', ['x.leader', 'x.ent']).execute()).toEqual([]);
  });
});

describe('the operator CLI', () => {
  it('admin:grant prints a one-time activation link that opens the new account', async () => {
    const root = path.resolve(import.meta.dirname, '../../../../..');
    // The CLI runs on the real clock; the tests above moved the app's a day on.
    t.clock.set(new Date());
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'admin:grant', 'audit.cli', 'audit_admin', '--org', platformOrg, '--name', '命令行审计'], {
      cwd: root, env: { ...process.env, DATABASE_URL: t.databaseUrl, ANJIAN_PUBLIC_URL: 'https://anjian.example.gov.cn/' },
    });
    const link = /https:\/\/anjian\.example\.gov\.cn\/activate#([A-Za-z0-9_-]{43})/.exec(stdout);
    expect(link, stdout).not.toBeNull();
    const info = await open(link![1]!);
    expect(info.json()).toMatchObject({ username: 'audit.cli', displayName: '命令行审计' });
    const [row] = await t.db.selectFrom('audit_log').select('username').where('action', '=', 'admin.grant').where('details', 'like', '%audit.cli%').execute();
    expect(row?.username).toMatch(/^cli:/);
  });
});
