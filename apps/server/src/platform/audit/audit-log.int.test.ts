import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
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
  it('exports the filtered log as .xlsx: title row, frozen header, autofilter, Beijing times, words', async () => {
    const res = await t.request({ method: 'GET', url: '/api/audit/export?family=org', cookie: auditor });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toMatch(/审计日志_审计县安委办_\d{4}-\d{2}-\d{2}\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toMatch(/^审计日志 · 审计县安委办 · 类别 组织机构与区划 · 导出时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(ws.getRow(2).getCell(1).value).toBe('时间（北京时间）');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBeTruthy();
    const rows = await t.db.selectFrom('audit_log').select(['at', 'action', 'object_id']).where('action', '=', 'org.create').where('result', '=', 'success').where('object_id', '=', orgId).execute();
    const at = new Date(rows[0]!.at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    const line = ws.getSheetValues().find((v) => Array.isArray(v) && v[8] === orgId) as unknown[];
    expect(line[1]).toBe(at);
    expect(line[4]).toBe('新增组织机构');
    expect(line[6]).toBe('审计名称网格');
    expect(line[10]).toBe(201);
    // The export is itself audited.
    expect((await list('family=system')).some((r) => r.action === 'audit.export')).toBe(true);
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
