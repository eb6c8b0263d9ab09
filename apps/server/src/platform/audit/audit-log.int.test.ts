import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { loadXlsx, tableOf } from '../../test/xlsx-tables.js';
import { rowAt, underAttack } from './audit.attack.fixture.js';

/*
 * The audit log an auditor can read (issue 10): names instead of ids, the message a failed
 * request was answered with, filters by operation family, the .xlsx export and 校验哈希链.
 */
let t: TestApp;
let admin: string;
let auditor: string;
let countyAdmin: { id: string; username: string };
let orgId: string;
let refusal: string;

beforeAll(async () => {
  t = await createTestApp();
  const county = await t.factories.org({ type: 'safety_committee_office', regionCode: '130123', name: '审计县安委办' });
  countyAdmin = await t.factories.user({ orgId: county, roles: ['security_admin'], displayName: '审计测试管理员' });
  admin = await t.login(countyAdmin.username);
  auditor = await t.login((await t.factories.user({ orgId: county, roles: ['audit_admin'] })).username);
  const created = await t.request({ method: 'POST', url: '/api/orgs', cookie: admin, payload: { type: 'grid', name: '审计名称网格', regionCode: '130123100' } });
  expect(created.statusCode).toBe(201);
  orgId = created.json().id;
  const refused = await t.request({ method: 'POST', url: '/api/orgs', cookie: admin, payload: { type: 'grid', name: '', regionCode: '130123100' } });
  expect(refused.statusCode).toBe(400);
  refusal = refused.json().message;
  await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: countyAdmin.username, password: 'Wrong#Pass123' } });
});
afterAll(async () => t?.close());

const list = async (query: string) => {
  const res = await t.request({ method: 'GET', url: `/api/audit?limit=200&${query}`, cookie: auditor });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { action: string; result: string; objectId: string | null; objectName: string | null; actorName: string | null; reason: string | null }[];
};

describe('the audit log in words', () => {
  it('names the actor and the object, in SQL, instead of their ids', async () => {
    const row = (await list('family=org')).find((r) => r.action === 'org.create' && r.result === 'success' && r.objectId === orgId);
    expect(row).toMatchObject({ objectName: '审计名称网格', actorName: `审计测试管理员（${countyAdmin.username}）` });
  });

  it('gives a failed request the message its user was shown, and a refused sign-in its reason', async () => {
    const failed = (await list('family=org&result=failure')).find((r) => r.action === 'org.create');
    expect(refusal.length).toBeGreaterThan(0);
    expect(failed?.reason).toBe(refusal);
    const login = (await list('family=auth&result=failure')).find((r) => r.action === 'auth.login');
    expect(login?.reason).toBe('wrong password');
  });

  it('filters by operation family: every prefix of the family, nothing else', async () => {
    const org = await list('family=org');
    expect(org.length).toBeGreaterThan(0);
    expect(org.every((r) => /^(org|region|industry|routing)\./.test(r.action))).toBe(true);
    const auth = await list('family=auth');
    expect(auth.some((r) => r.action === 'auth.login')).toBe(true);
    expect(auth.every((r) => r.action.startsWith('auth.'))).toBe(true);
    const bad = await t.request({ method: 'GET', url: '/api/audit?family=weather', cookie: auditor });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('query.family');
  });

  it('keeps another county’s rows, and the names in them, from a county auditor', async () => {
    const elsewhere = await t.factories.org({ type: 'grid', regionCode: '130102', name: '他县网格' });
    const outside = await t.factories.org({ type: 'safety_committee_office', regionCode: '130102' });
    const otherAdmin = await t.login((await t.factories.user({ orgId: outside, roles: ['security_admin'] })).username);
    expect((await t.request({ method: 'PATCH', url: `/api/orgs/${elsewhere}`, cookie: otherAdmin, payload: { name: '他县网格二' } })).statusCode).toBe(200);
    expect((await list('family=org')).some((r) => r.objectId === elsewhere)).toBe(false);
  });
});

describe('export and 校验哈希链', () => {
  it('exports the filtered log through the one export writer: heading, frozen header, autofilter, Beijing times, words', async () => {
    const res = await t.request({ method: 'GET', url: '/api/audit/export?family=org', cookie: auditor });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    // The file name says what, where and until when, as every other export's does.
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toMatch(/filename\*=UTF-8''审计日志_正定县_截至\d{4}-\d{2}-\d{2}\.xlsx$/);
    const ws = (await loadXlsx(res.rawPayload)).worksheets[0]!;
    const { headerRow, header, rows } = tableOf(ws);
    const heading = Array.from({ length: headerRow - 1 }, (_, i) => String(ws.getRow(i + 1).getCell(1).value ?? '')).join('\n');
    expect(heading).toMatch(/^审计日志\n/);
    expect(heading).toContain('导出单位：审计县安委办');
    expect(heading).toContain('范围：河北省/石家庄市/正定县');
    expect(heading).toContain('筛选：类别：组织机构与区划');
    expect(heading).toMatch(/导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/);
    expect(header[0]).toBe('时间（北京时间）');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
    const filter = ws.autoFilter as unknown as string | { from: string } | undefined;
    expect(String(typeof filter === 'string' ? filter : filter?.from)).toMatch(new RegExp(`^A${headerRow}\\b`));
    const created = await t.db.selectFrom('audit_log').select(['at']).where('action', '=', 'org.create').where('result', '=', 'success').where('object_id', '=', orgId).executeTakeFirstOrThrow();
    const at = new Date(created.at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    const line = rows.find((v) => v[header.indexOf('对象 ID')] === orgId)!;
    expect(line[0]).toBe(at);
    expect(line[header.indexOf('操作')]).toBe('新增组织机构');
    expect(line[header.indexOf('对象')]).toBe('审计名称网格');
    expect(line[header.indexOf('状态码')]).toBe(201);
    // The export is itself audited.
    expect((await list('family=system')).some((r) => r.action === 'audit.export')).toBe(true);
  });

  it('names the period asked for in its heading and file name (Beijing days)', async () => {
    const res = await t.request({ method: 'GET', url: '/api/audit/export?from=2026-01-01T00:00:00Z&to=2099-01-01T00:00:00Z', cookie: auditor });
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toMatch(/审计日志_正定县_2026-01-01至2099-01-01\.xlsx$/);
    const ws = (await loadXlsx(res.rawPayload)).worksheets[0]!;
    expect(String(ws.getRow(2).getCell(1).value)).toContain('期间：2026-01-01 至 2099-01-01');
  });

  it('runs the verifier, answers with its report, and records the check', async () => {
    // The chain's head is checkpointed outside the database (every 10 minutes, and at start and stop).
    expect(await t.runJob('audit.checkpoint')).toMatch(/^checkpointed link \d+$/);
    const res = await t.request({ method: 'POST', url: '/api/audit/verify', cookie: auditor });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, firstBroken: null });
    expect(res.json().rowsChecked).toBeGreaterThan(5);
    const row = (await list('family=system')).find((r) => r.action === 'audit.verify');
    expect(row).toMatchObject({ result: 'success' });
  });

  it('names the first broken link when a row was altered', async () => {
    await t.runJob('audit.chain');
    let victim = '';
    await underAttack(t, async (tx) => {
      victim = (await rowAt(tx, 3)).id;
      await sql`update audit_log set details = '{"forged":true}' where id = ${victim}`.execute(tx);
    }, { commit: true });
    const res = await t.request({ method: 'POST', url: '/api/audit/verify', cookie: auditor });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: false, firstBroken: { id: victim, seq: '3' } });
  });

  it('is refused to one without audit.read', async () => {
    expect((await t.request({ method: 'POST', url: '/api/audit/verify', cookie: admin })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/audit/export', cookie: admin })).statusCode).toBe(403);
  });
});
