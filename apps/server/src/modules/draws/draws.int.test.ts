import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDraw, type DrawDetail, type PublishedDraw } from '@anjian/domain';
import { createTestApp, type TestApp } from '../../test/harness.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../../../..');
const COUNTY = '130123';

let t: TestApp;
let staff: string;
let otherStaff: string;
let dept: string;
const inspectors: string[] = [];
const ent: Record<'large' | 'major' | 'a' | 'b' | 'c' | 'd' | 'fireworks' | 'elsewhere', string> = {} as never;
let planId: string;

const req = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => t.request({ method, url, cookie, ...(payload !== undefined ? { payload: payload as object } : {}) });
const drawCount = async () => Number((await sql<{ n: string }>`select count(*) as n from inspection_draws`.execute(t.db)).rows[0]!.n);
const cert = (until = '2027-12-31') => ({ certNo: `冀执-${Math.random().toString(36).slice(2, 8)}`, certValidUntil: until });

beforeAll(async () => {
  t = await createTestApp({ start: '2026-03-02T02:00:00Z' });
  const f = t.factories;
  dept = await f.org({ type: 'department', regionCode: COUNTY, name: '正定县住房和城乡建设局', industries: ['construction', 'urban_gas'] });
  staff = await t.login((await f.user({ orgId: dept, roles: ['department_staff'] })).username);
  const emergency = await f.org({ type: 'department', regionCode: COUNTY, name: '正定县应急管理局', industries: ['fireworks'] });
  otherStaff = await t.login((await f.user({ orgId: emergency, roles: ['department_staff'] })).username);
  for (let i = 0; i < 3; i++) inspectors.push((await f.user({ orgId: dept, roles: ['inspector'], displayName: `检查员${i + 1}` })).id);
  for (const key of ['large', 'major', 'a', 'b', 'c', 'd'] as const) ent[key] = (await f.enterprise({ regionCode: '130123100', industries: ['construction'], name: `正定测试${key}建设有限公司` })).id;
  ent.fireworks = (await f.enterprise({ regionCode: '130123100', industries: ['fireworks'] })).id;
  ent.elsewhere = (await f.enterprise({ regionCode: '130125100', industries: ['construction'] })).id;
  await t.db.updateTable('enterprises').set({ scale: 'large' }).where('org_id', '=', ent.large).execute();
  await f.hazard({ regionCode: '130123100', enterpriseId: ent.major, level: 'major', found_on: '2025-06-01' });
  // A suspended enterprise is not in the register.
  await f.enterprise({ regionCode: '130123100', industries: ['construction'], status: 'suspended' });
});
afterAll(async () => t?.close());

describe('inspection plans', () => {
  it('a department keeps a plan within its industries; others are refused naming the field', async () => {
    const body = { name: '2026年度建筑施工双随机抽查计划', year: 2026, keyRule: { scales: ['large'], majorHazardMonths: 12 }, keyTimesPerYear: 2, othersPercent: 50, roundsPerYear: 2, teamSize: 2 };
    const bad = await req(staff, 'POST', '/api/inspection-plans', { ...body, industries: ['construction', 'fireworks'] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details[0].field).toBe('body.industries');
    expect((await req(staff, 'POST', '/api/inspection-plans', { ...body, regionCode: '130125' })).statusCode).toBe(404);
    expect((await req(staff, 'POST', '/api/inspection-plans', { ...body, teamSize: 1 })).statusCode).toBe(400);
    const res = await req(staff, 'POST', '/api/inspection-plans', body);
    expect(res.statusCode, res.body).toBe(201);
    planId = res.json().id;
    expect(res.json().industries).toEqual(['construction', 'urban_gas']);
    // Another department of the county does not see it.
    expect((await req(otherStaff, 'GET', `/api/inspection-plans/${planId}`)).statusCode).toBe(404);
  });

  it('classes the register by the key rule: large scale or a recent 重大事故隐患', async () => {
    const plan = (await req(staff, 'GET', `/api/inspection-plans/${planId}`)).json();
    expect(plan.preview).toEqual({ key: 2, other: 4, quota: { key: 2, other: 1 } });
  });

  it('admits only its own active inspectors with a valid certificate to the pool', async () => {
    const outsider = (await t.factories.user({ orgId: dept, roles: ['department_staff'] })).id;
    const notInspector = await req(staff, 'PUT', `/api/inspection-plans/${planId}/inspectors/${outsider}`, cert());
    expect(notInspector.statusCode).toBe(422);
    expect(notInspector.json().details[0].field).toBe('params.userId');
    const expired = await req(staff, 'PUT', `/api/inspection-plans/${planId}/inspectors/${inspectors[0]}`, cert('2026-03-01'));
    expect(expired.json().details[0].field).toBe('body.certValidUntil');
    const candidates = (await req(staff, 'GET', `/api/inspection-plans/${planId}/candidates`)).json().items;
    expect(candidates.map((c: { userId: string }) => c.userId).sort()).toEqual([...inspectors].sort());
  });
});

describe('a draw that cannot be made is refused, nothing written', () => {
  it('empty pool', async () => {
    const res = await req(staff, 'POST', `/api/inspection-plans/${planId}/draws`, { periodFrom: '2026-03-01', periodTo: '2026-06-30' });
    expect(res.statusCode).toBe(422);
    expect(res.json().details[0].field).toBe('pool');
    expect(res.json().message).toContain('检查人员库为空');
    expect(await drawCount()).toBe(0);
  });

  it('fewer than two inspectors with a certificate valid through the period', async () => {
    await req(staff, 'PUT', `/api/inspection-plans/${planId}/inspectors/${inspectors[0]}`, cert());
    await req(staff, 'PUT', `/api/inspection-plans/${planId}/inspectors/${inspectors[1]}`, cert('2026-04-30'));
    const res = await req(staff, 'POST', `/api/inspection-plans/${planId}/draws`, { periodFrom: '2026-03-01', periodTo: '2026-06-30' });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toContain('只有 1 名');
    expect(await drawCount()).toBe(0);
  });

  it('avoidance leaving an enterprise without a team of two', async () => {
    await req(staff, 'PUT', `/api/inspection-plans/${planId}/inspectors/${inspectors[1]}`, cert());
    const avoid = await req(staff, 'POST', `/api/inspection-plans/${planId}/avoidances`, { userId: inspectors[1], enterpriseId: ent.c, reason: '其配偶在该企业任职' });
    expect(avoid.statusCode, avoid.body).toBe(201);
    expect((await req(staff, 'POST', `/api/inspection-plans/${planId}/avoidances`, { userId: inspectors[1], enterpriseId: ent.c, reason: '重复' })).statusCode).toBe(409);
    expect((await req(staff, 'POST', `/api/inspection-plans/${planId}/avoidances`, { userId: inspectors[1], enterpriseId: ent.fireworks, reason: '不在本部门范围' })).statusCode).toBe(404);
    const res = await req(staff, 'POST', `/api/inspection-plans/${planId}/draws`, { periodFrom: '2026-03-01', periodTo: '2026-06-30' });
    expect(res.statusCode).toBe(422);
    expect(res.json().details).toEqual([expect.objectContaining({ field: 'pool.avoid', reason: 'avoidance_blocks_team', message: expect.stringContaining(ent.c) })]);
    expect(await drawCount()).toBe(0);
  });

  it('a period outside the plan year, a quota beyond the register', async () => {
    await req(staff, 'PUT', `/api/inspection-plans/${planId}/inspectors/${inspectors[2]}`, cert());
    expect((await req(staff, 'POST', `/api/inspection-plans/${planId}/draws`, { periodFrom: '2027-01-01', periodTo: '2027-02-01' })).json().details[0].field).toBe('body.periodFrom');
    expect((await req(staff, 'POST', `/api/inspection-plans/${planId}/draws`, { periodFrom: '2026-03-01', periodTo: '2026-02-01' })).json().details[0].field).toBe('body.periodTo');
    expect((await req(staff, 'POST', `/api/inspection-plans/${planId}/draws`, { periodFrom: '2026-03-01', periodTo: '2026-06-30', quota: { key: 3, other: 0 } })).json().details[0].field).toBe('body.quota.key');
    expect(await drawCount()).toBe(0);
  });
});

describe('commit, reveal, publish, verify', () => {
  let fixed: DrawDetail;
  let drawn: DrawDetail;

  it('step 1 publishes hashes, counts and H(seed), never the seed', async () => {
    const res = await req(staff, 'POST', `/api/inspection-plans/${planId}/draws`, { periodFrom: '2026-03-01', periodTo: '2026-06-30' });
    expect(res.statusCode, res.body).toBe(201);
    fixed = res.json();
    expect(fixed).toMatchObject({ status: 'committed', seed: null, result: null, registerCount: 6, poolCount: 3, quota: { key: 2, other: 1 }, teamSize: 2 });
    expect(fixed.register.map((e) => e.id)).toEqual([...fixed.register.map((e) => e.id)].sort());
    expect(fixed.register.filter((e) => e.stratum === 'key').map((e) => e.id).sort()).toEqual([ent.large, ent.major].sort());
    expect(fixed.register.map((e) => e.id)).not.toContain(ent.fireworks);
    expect(fixed.registerHash).toBe(createHash('sha256').update(JSON.stringify(fixed.register.map(({ id, stratum, weight }) => ({ id, stratum, weight })))).digest('hex'));
    const pub = await t.request({ method: 'GET', url: `/api/public/draws/${fixed.id}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().seed).toBeNull();
    expect(pub.json().commitment).toBe(fixed.commitment);
    // One outstanding commitment per plan.
    expect((await req(staff, 'POST', `/api/inspection-plans/${planId}/draws`, { periodFrom: '2026-03-01', periodTo: '2026-06-30' })).statusCode).toBe(409);
  });

  it('only the plan\'s own organisation draws', async () => {
    const office = await t.factories.org({ type: 'safety_committee_office', regionCode: COUNTY });
    const officeStaff = await t.login((await t.factories.user({ orgId: office, roles: ['committee_office_staff'] })).username);
    expect((await req(officeStaff, 'GET', `/api/draws/${fixed.id}`)).statusCode).toBe(200);
    expect((await req(officeStaff, 'POST', `/api/draws/${fixed.id}/draw`)).statusCode).toBe(403);
  });

  it('step 2 reveals the committed seed and draws teams of two, nobody with an enterprise they avoid', async () => {
    const res = await req(staff, 'POST', `/api/draws/${fixed.id}/draw`);
    expect(res.statusCode, res.body).toBe(200);
    drawn = res.json();
    expect(drawn.status).toBe('drawn');
    expect(createHash('sha256').update(drawn.seed!).digest('hex')).toBe(fixed.commitment);
    expect(drawn.registerHash).toBe(fixed.registerHash);
    expect(drawn.pairs).toHaveLength(3);
    expect(drawn.pairs.slice(0, 2).map((p) => p.enterpriseId).sort()).toEqual([ent.large, ent.major].sort());
    for (const p of drawn.pairs) {
      expect(new Set(p.inspectorIds).size).toBe(2);
      if (p.enterpriseId === ent.c) expect(p.inspectorIds).not.toContain(inspectors[1]);
      expect(p).toMatchObject({ inspectedOn: null, findings: null, measures: null, closed: null });
    }
  });

  it('refuses a second draw with the same commitment (409), and the database refuses it too', async () => {
    const again = await req(staff, 'POST', `/api/draws/${fixed.id}/draw`);
    expect(again.statusCode).toBe(409);
    expect(again.json().details[0].reason).toBe('already_drawn');
    await expect(sql`update inspection_draws set result = '{"pairs":[]}', result_hash = ${'0'.repeat(64)} where id = ${fixed.id}`.execute(t.db)).rejects.toThrow(/never be drawn again/);
    await expect(sql`update inspection_draws set status = 'committed', result = null, result_hash = null, drawn_by = null, drawn_at = null where id = ${fixed.id}`.execute(t.db)).rejects.toThrow(/never be drawn again/);
    await expect(sql`delete from inspection_draws where id = ${fixed.id}`.execute(t.db)).rejects.toThrow(/never deleted/);
    await expect(sql`update draw_pairs set inspector_ids = ${sql.val([inspectors[0], inspectors[1]])}::uuid[] where draw_id = ${fixed.id}`.execute(t.db)).rejects.toThrow(/cannot change/);
    // A commitment cannot be reused for another draw of the plan either.
    await expect(sql`insert into inspection_draws select * from inspection_draws where id = ${fixed.id}`.execute(t.db)).rejects.toThrow();
    const after = (await req(staff, 'GET', `/api/draws/${fixed.id}`)).json();
    expect(after.result).toEqual(drawn.result);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'details']).where('object_id', '=', fixed.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['draw.fix', 'draw.draw']));
  });

  it('publishes the draw without login, names only, and it reproduces bit for bit', async () => {
    const list = await t.request({ method: 'GET', url: `/api/public/draws?region=${COUNTY}` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((d: { id: string }) => d.id)).toContain(fixed.id);
    expect((await t.request({ method: 'GET', url: '/api/public/draws?region=130125' })).json().items).toEqual([]);
    const pub = await t.request({ method: 'GET', url: `/api/public/draws/${fixed.id}` });
    expect(pub.body).not.toMatch(/1[3-9]\d{9}/);
    const published = pub.json() as PublishedDraw & DrawDetail;
    expect(published.pairs[0]!.inspectors[0]).toMatch(/^检查员\d$/);
    expect(verifyDraw(published).ok).toBe(true);
    const tamper = (mutate: (p: typeof published) => void) => {
      const copy = structuredClone(published);
      mutate(copy);
      return verifyDraw(copy).ok;
    };
    expect(tamper((p) => { p.register[0]!.id = ent.elsewhere; })).toBe(false);
    expect(tamper((p) => { p.seed = p.seed.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')); })).toBe(false);
    expect(tamper((p) => { p.pool.reverse(); })).toBe(false);
  });

  it('the README script re-verifies from the public URL alone, and fails on a tampered copy', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const script = path.join(ROOT, 'scripts/verify-draw.mjs');
    const ok = await run(process.execPath, [script, `${address}/api/public/draws/${fixed.id}`], { cwd: ROOT });
    expect(ok.stdout).toContain('verified: draw');
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'draw-')), 'draw.json');
    const copy = (await t.request({ method: 'GET', url: `/api/public/draws/${fixed.id}` })).json() as PublishedDraw;
    copy.pool.reverse();
    await fs.writeFile(file, JSON.stringify(copy));
    const failed = await run(process.execPath, [script, file], { cwd: ROOT }).then(() => null, (e: { code: number; stdout: string }) => e);
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain('FAIL pool_hash');
  }, 90_000);
});
