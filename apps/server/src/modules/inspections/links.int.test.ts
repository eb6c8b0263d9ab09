import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';

/**
 * The links of issue 12: a drawn pair → its one inspection (both ways) → the pair's 一公开
 * result; an inspection → the cases opened from it; a 复查 → the case whose order it re-checks.
 */
let t: TestApp;
const COUNTY = '130123';
const people: Record<'a' | 'b' | 'c' | 'staff' | 'sibling', { id: string; cookie: string }> = {} as never;
const ent: Record<'one' | 'two' | 'elsewhere', string> = {} as never;
let drawId: string;
let otherDrawId: string;
let pairs: { id: string; enterpriseId: string; inspectorIds: string[] }[];
let checklist: { id: string; keys: string[] };

const req = (cookie: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.request({ method, url, ...(cookie ? { cookie } : {}), ...(payload ? { payload } : {}) });
const who = (id: string) => Object.values(people).find((p) => p.id === id)!;
const inspectionCount = async () => Number((await sql<{ n: string }>`select count(*) as n from inspections`.execute(t.db)).rows[0]!.n);
const caseCount = async () => Number((await sql<{ n: string }>`select count(*) as n from cases`.execute(t.db)).rows[0]!.n);

async function drawn(planId: string): Promise<string> {
  const fixed = await req(people.staff.cookie, 'POST', `/api/inspection-plans/${planId}/draws`, { periodFrom: '2026-06-01', periodTo: '2026-06-30', quota: { key: 0, other: 2 } });
  expect(fixed.statusCode, fixed.body).toBe(201);
  const done = await req(people.staff.cookie, 'POST', `/api/draws/${fixed.json().id}/draw`);
  expect(done.statusCode, done.body).toBe(200);
  return fixed.json().id;
}

beforeAll(async () => {
  t = await createTestApp({ start: '2026-06-01T02:00:00Z' });
  const f = t.factories;
  const dept = await f.org({ type: 'department', regionCode: COUNTY, name: '正定县应急管理局', industries: ['dust_explosion', 'hazardous_chemicals', 'metallurgy'] });
  const sibling = await f.org({ type: 'department', regionCode: '130125', name: '行唐县应急管理局', industries: ['dust_explosion', 'hazardous_chemicals', 'metallurgy'] });
  const person = async (orgId: string, role: string, name: string) => {
    const u = await f.user({ orgId, roles: [role], displayName: name });
    return { id: u.id, cookie: await t.login(u.username) };
  };
  people.a = await person(dept, 'inspector', '郑毅');
  people.b = await person(dept, 'inspector', '冯涛');
  people.c = await person(dept, 'inspector', '韩雪');
  people.staff = await person(dept, 'department_staff', '吴刚');
  people.sibling = await person(sibling, 'department_staff', '行唐人员');
  ent.one = (await f.enterprise({ regionCode: '130123100001', name: '正定县联动测试木业有限公司', industries: ['dust_explosion'] })).id;
  ent.two = (await f.enterprise({ regionCode: '130123100001', name: '正定县联动测试面粉有限公司', industries: ['dust_explosion'] })).id;
  ent.elsewhere = (await f.enterprise({ regionCode: '130125100001', name: '行唐县联动测试木业有限公司', industries: ['dust_explosion'] })).id;
  const plan = await req(people.staff.cookie, 'POST', '/api/inspection-plans', {
    name: '2026年度粉尘涉爆双随机抽查计划', year: 2026, industries: ['dust_explosion'], keyRule: { scales: [], majorHazardMonths: 0 }, keyTimesPerYear: 0, othersPercent: 100, roundsPerYear: 1, teamSize: 2,
  });
  expect(plan.statusCode, plan.body).toBe(201);
  for (const p of [people.a, people.b, people.c]) {
    expect((await req(people.staff.cookie, 'PUT', `/api/inspection-plans/${plan.json().id}/inspectors/${p.id}`, { certNo: `冀执-${p.id.slice(0, 6)}`, certValidUntil: '2027-12-31' })).statusCode).toBe(200);
  }
  drawId = await drawn(plan.json().id);
  otherDrawId = await drawn(plan.json().id);
  pairs = (await req(people.staff.cookie, 'GET', `/api/draws/${drawId}`)).json().pairs;
  const list = (await req(people.a.cookie, 'GET', '/api/inspection-checklists?industryCode=dust_explosion')).json().items[0];
  checklist = { id: list.id, keys: (await req(people.a.cookie, 'GET', `/api/inspection-checklists/${list.id}`)).json().items.map((i: { key: string }) => i.key) };
});
afterAll(async () => t?.close());

describe('foreign keys and the pair’s trigger', () => {
  it('refuse a link to nothing; keep what was drawn; leave the outcome writable', async () => {
    const nowhere = '4b7c0d2e-7a43-4c55-9a35-0d8e0b0f2a11';
    await expect(sql`update draw_pairs set inspection_id = ${nowhere}::uuid where id = ${pairs[0]!.id}::uuid`.execute(t.db)).rejects.toThrow(/foreign key/);
    await expect(sql`update inspections set draw_pair_id = ${nowhere}::uuid where true`.execute(t.db)).resolves.toBeDefined(); // no rows yet
    await expect(sql`update draw_pairs set enterprise_id = ${ent.elsewhere}::uuid where id = ${pairs[0]!.id}::uuid`.execute(t.db)).rejects.toThrow(/what was drawn cannot change/);
    await sql`update draw_pairs set findings = 'x', measures = 'y', closed = false, inspected_on = '2026-06-01' where id = ${pairs[0]!.id}::uuid`.execute(t.db);
    await sql`update draw_pairs set findings = null, measures = null, closed = null, inspected_on = null where id = ${pairs[0]!.id}::uuid`.execute(t.db);
  });
});

describe('开始检查 from a drawn pair', () => {
  let inspectionId: string;

  it('refuses a pair of another draw (404), someone not drawn for it (403), out of scope (404), nothing written', async () => {
    const pair = pairs[0]!;
    const onTeam = who(pair.inspectorIds[0]!);
    const notOnTeam = [people.a, people.b, people.c].find((p) => !pair.inspectorIds.includes(p.id))!;
    const before = await inspectionCount();
    const body = { checklistId: checklist.id, inspectedOn: '2026-06-01' };
    const foreign = await req(onTeam.cookie, 'POST', `/api/draws/${otherDrawId}/pairs/${pair.id}/inspections`, body);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().details[0].field).toBe('params.pairId');
    const stranger = await req(notOnTeam.cookie, 'POST', `/api/draws/${drawId}/pairs/${pair.id}/inspections`, body);
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().details[0]).toMatchObject({ field: 'params.pairId', reason: 'not_drawn_inspector' });
    expect((await req(people.staff.cookie, 'POST', `/api/draws/${drawId}/pairs/${pair.id}/inspections`, body)).statusCode).toBe(403);
    expect((await req(people.sibling.cookie, 'POST', `/api/draws/${drawId}/pairs/${pair.id}/inspections`, body)).statusCode).toBe(404);
    const future = await req(onTeam.cookie, 'POST', `/api/draws/${drawId}/pairs/${pair.id}/inspections`, { ...body, inspectedOn: '2026-06-09' });
    expect(future.json().details[0].field).toBe('body.inspectedOn');
    // The generic route, with the pair: the enterprise and the team must be the drawn ones.
    const generic = { type: 'random_draw', enterpriseId: pair.enterpriseId, inspectedOn: '2026-06-01', checklistId: checklist.id, team: [onTeam.id], drawPairId: pair.id };
    expect((await req(onTeam.cookie, 'POST', '/api/inspections', generic)).json().details[0].field).toBe('body.team');
    const otherEnterprise = pair.enterpriseId === ent.one ? ent.two : ent.one;
    expect((await req(onTeam.cookie, 'POST', '/api/inspections', { ...generic, enterpriseId: otherEnterprise, team: pair.inspectorIds })).json().details[0].field).toBe('body.enterpriseId');
    expect((await req(onTeam.cookie, 'POST', '/api/inspections', { ...generic, type: 'campaign', team: pair.inspectorIds })).json().details[0].field).toBe('body.type');
    expect(await inspectionCount()).toBe(before);
  });

  it('prefills the pair’s enterprise and team, links both ways, and only once (409)', async () => {
    const pair = pairs[0]!;
    const starter = who(pair.inspectorIds[1]!);
    const res = await req(starter.cookie, 'POST', `/api/draws/${drawId}/pairs/${pair.id}/inspections`, { checklistId: checklist.id, inspectedOn: '2026-06-01' });
    expect(res.statusCode, res.body).toBe(201);
    inspectionId = res.json().id;
    expect(res.json()).toMatchObject({ type: 'random_draw', status: 'draft', drawPairId: pair.id, drawId, enterprise: { id: pair.enterpriseId } });
    expect(res.json().team.map((m: { userId: string }) => m.userId)).toEqual([starter.id, pair.inspectorIds[0]]);
    const draw = (await req(people.staff.cookie, 'GET', `/api/draws/${drawId}`)).json();
    expect(draw.pairs.find((p: { id: string }) => p.id === pair.id)).toMatchObject({ inspectionId, inspectedOn: null, findings: null, closed: null });
    // The other drawn inspector, at once after: 409, by either route.
    const again = await req(who(pair.inspectorIds[0]!).cookie, 'POST', `/api/draws/${drawId}/pairs/${pair.id}/inspections`, { checklistId: checklist.id, inspectedOn: '2026-06-01' });
    expect(again.statusCode).toBe(409);
    expect(again.json().details[0].reason).toBe('already_inspected');
    const generic = await req(who(pair.inspectorIds[0]!).cookie, 'POST', '/api/inspections', { type: 'random_draw', enterpriseId: pair.enterpriseId, inspectedOn: '2026-06-01', checklistId: checklist.id, team: pair.inspectorIds, drawPairId: pair.id });
    expect(generic.statusCode).toBe(409);
    // The link, once made, is for good.
    await expect(sql`update draw_pairs set inspection_id = null where id = ${pair.id}::uuid`.execute(t.db)).rejects.toThrow(/linked for good/);
  });

  it('signing fills the pair’s date and findings; the public page shows them with live measures and no personal data', async () => {
    const pair = pairs[0]!;
    const recorder = who(pair.inspectorIds[1]!);
    const results = checklist.keys.map((k) => ({ itemKey: k, result: k === 'mem10-2023/11.3' ? 'fail' : k === 'g.training' ? 'fail' : 'pass', note: k === 'mem10-2023/11.3' ? '布袋除尘器未设置泄爆片' : k === 'g.training' ? '无三级安全教育记录' : undefined }));
    expect((await req(recorder.cookie, 'PUT', `/api/inspections/${inspectionId}/results`, { results, summary: '双随机抽查：除尘系统存在问题' })).statusCode).toBe(200);
    const signed = await req(recorder.cookie, 'POST', `/api/inspections/${inspectionId}/record`, {
      inspectorSignatures: pair.inspectorIds.map((id) => ({ userId: id, password: TEST_PASSWORD })), enterpriseSignature: { name: '企业现场负责人' },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    const pub = await req(null, 'GET', `/api/public/draws/${drawId}`);
    expect(pub.statusCode).toBe(200);
    const published = pub.json().pairs.find((p: { id: string }) => p.id === pair.id);
    expect(published).toMatchObject({ inspectionId: null, inspectedOn: '2026-06-01', findings: '双随机抽查：除尘系统存在问题；2 项不合格，1 项重大隐患', closed: false });
    expect(published.measures).toMatch(/^隐患“.+”：限期至|^隐患“.+”：责令整改/);
    expect(published.inspectors).toHaveLength(2);
    // Names only: no phone, no address, no account, no citizen's identity.
    expect(pub.body).not.toContain('厂区');
    expect(pub.body).not.toMatch(/"(phone|address|username|uscc|idNumber|reporter)"/);
    // A pair not yet inspected publishes nothing yet.
    expect(pub.json().pairs.find((p: { id: string }) => p.id === pairs[1]!.id)).toMatchObject({ inspectedOn: null, findings: null, measures: null, closed: null });
  });

  let caseId: string;
  it('立案查处 from the inspection: the case stores it, the inspection lists it, the pair’s measures follow live', async () => {
    const pair = pairs[0]!;
    const before = await caseCount();
    const sibling = await req(people.sibling.cookie, 'POST', '/api/cases', { enterpriseId: ent.elsewhere, cause: '粉尘防爆', inspectionId });
    expect(sibling.statusCode).toBe(404);
    expect(sibling.json().details[0].field).toBe('body.inspectionId');
    const otherEnterprise = pair.enterpriseId === ent.one ? ent.two : ent.one;
    const mismatch = await req(people.staff.cookie, 'POST', '/api/cases', { enterpriseId: otherEnterprise, cause: '粉尘防爆', inspectionId });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().details[0].field).toBe('body.inspectionId');
    expect((await req(people.staff.cookie, 'POST', '/api/cases', { enterpriseId: pair.enterpriseId, cause: '粉尘防爆', inspectionId: '4b7c0d2e-7a43-4c55-9a35-0d8e0b0f2a11' })).statusCode).toBe(404);
    expect(await caseCount()).toBe(before);
    const filed = await req(people.staff.cookie, 'POST', '/api/cases', { enterpriseId: pair.enterpriseId, cause: '除尘系统未采取泄爆措施', inspectionId });
    expect(filed.statusCode, filed.body).toBe(201);
    caseId = filed.json().id;
    expect(filed.json().inspectionId).toBe(inspectionId);
    const inspection = (await req(people.a.cookie, 'GET', `/api/inspections/${inspectionId}`)).json();
    expect(inspection.cases).toEqual([{ id: caseId, number: filed.json().number, cause: '除尘系统未采取泄爆措施', status: 'filed', filedOn: '2026-06-01' }]);
    // Another county's department sees no case of this county on it (nor the inspection).
    expect((await req(people.sibling.cookie, 'GET', `/api/inspections/${inspectionId}`)).statusCode).toBe(404);
    const measures = () => req(null, 'GET', `/api/public/draws/${drawId}`).then((r) => r.json().pairs.find((p: { id: string }) => p.id === pair.id).measures as string);
    expect(await measures()).toContain(`立案查处 ${filed.json().number}：处理中（立案）`);
    expect((await req(people.staff.cookie, 'POST', `/api/cases/${caseId}/revoke`, { reason: '证据不足，撤销立案' })).statusCode).toBe(200);
    expect(await measures()).toContain(`立案查处 ${filed.json().number}：处理中（撤销立案）`);
    await expect(sql`update cases set inspection_id = ${'4b7c0d2e-7a43-4c55-9a35-0d8e0b0f2a11'}::uuid where id = ${caseId}::uuid`.execute(t.db)).rejects.toThrow(/foreign key/);
  });

  it('a pair inspected with nothing found reads closed', async () => {
    const pair = pairs[1]!;
    const starter = who(pair.inspectorIds[0]!);
    const res = await req(starter.cookie, 'POST', `/api/draws/${drawId}/pairs/${pair.id}/inspections`, { checklistId: checklist.id, inspectedOn: '2026-05-30' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    await req(starter.cookie, 'PUT', `/api/inspections/${id}/results`, { results: checklist.keys.map((k) => ({ itemKey: k, result: 'pass' })) });
    const signed = await req(starter.cookie, 'POST', `/api/inspections/${id}/record`, { inspectorSignatures: pair.inspectorIds.map((u) => ({ userId: u, password: TEST_PASSWORD })), enterpriseSignature: { name: '负责人' } });
    expect(signed.statusCode, signed.body).toBe(200);
    const published = (await req(null, 'GET', `/api/public/draws/${drawId}`)).json().pairs.find((p: { id: string }) => p.id === pair.id);
    expect(published).toMatchObject({ inspectedOn: '2026-05-30', findings: '未发现不合格项', measures: null, closed: true });
  });
});
