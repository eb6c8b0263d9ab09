import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';
import { hazardWorld } from './hazards.fixture.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof hazardWorld>>;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-06-01T02:00:00Z' });
  w = await hazardWorld(t);
});
afterAll(async () => t?.close());

const plan = { responsibility: '企业主要负责人李四', measures: '更换燃气管道，加装报警器', funds: '企业自筹 30 万元', deadline: '2026-06-20', contingencyPlan: '停用并疏散，泄漏时启动应急预案' };

describe('major hazards', () => {
  it('cannot be assigned without the 五落实 plan, and the error names the plan', async () => {
    const id = await w.report({ level: 'major', title: '燃气管道腐蚀泄漏' });
    await w.post(w.people.town.cookie, `/api/hazards/${id}/verify`);
    const bare = await w.post(w.people.town.cookie, `/api/hazards/${id}/assign`, { responsiblePerson: '李四', deadline: '2026-06-30' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().details.map((d: { field: string }) => d.field)).toEqual(['body.plan']);
    const late = await w.post(w.people.town.cookie, `/api/hazards/${id}/assign`, { responsiblePerson: '李四', deadline: '2026-06-10', plan });
    expect(late.statusCode).toBe(422);
    expect(late.json().details[0].field).toBe('body.plan.deadline');
    const ok = await w.post(w.people.town.cookie, `/api/hazards/${id}/assign`, { responsiblePerson: '李四', deadline: '2026-06-30', plan });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().plan).toEqual(plan);
  });

  it('refuses a deadline before the date found', async () => {
    const id = await w.report({ foundOn: '2026-05-20' });
    await w.post(w.people.town.cookie, `/api/hazards/${id}/verify`);
    const res = await w.post(w.people.town.cookie, `/api/hazards/${id}/assign`, { responsiblePerson: '张三', deadline: '2026-05-10' });
    expect(res.statusCode).toBe(422);
    expect(res.json().details[0]).toMatchObject({ field: 'body.deadline', reason: 'before_found_on' });
  });

  it('is listed by the county, de-listed only by that level or above', async () => {
    const id = await w.assigned({ level: 'major', title: '粉尘除尘系统无泄爆装置' }, { deadline: '2026-06-30', plan });
    const townTry = await w.post(w.people.town.cookie, `/api/hazards/${id}/list`, { liaisonLeader: '刘县长', departmentId: w.org.housing });
    expect(townTry.statusCode).toBe(403); // township staff hold no listing permission
    const list = await w.post(w.people.county.cookie, `/api/hazards/${id}/list`, { liaisonLeader: '刘县长', departmentId: w.org.housing, suspend: true });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ listedLevel: 3, listing: { liaisonLeader: '刘县长', departmentName: '正定县住建局', suspend: true } });
    // 停产整改 ordered with the listing: the enterprise's status follows.
    const enterprise = await t.db.selectFrom('enterprises').select('status').where('org_id', '=', w.org.enterprise).executeTakeFirst();
    expect(enterprise?.status).toBe('suspended');
    const again = await w.post(w.people.county.cookie, `/api/hazards/${id}/list`, { liaisonLeader: '刘县长', departmentId: w.org.housing });
    expect(again.statusCode).toBe(409);
    // The city takes it over (升级挂牌), then the county may no longer de-list it.
    const city = await w.post(w.people.cityOffice.cookie, `/api/hazards/${id}/list`, { liaisonLeader: '赵市长', departmentId: w.org.housing });
    expect(city.json().listedLevel).toBe(2);
    const countyDelist = await w.post(w.people.county.cookie, `/api/hazards/${id}/delist`, { reason: '已整改' });
    expect(countyDelist.statusCode).toBe(409);
    expect((await w.post(w.people.cityLeader.cookie, `/api/hazards/${id}/delist`, { reason: '已整改' })).json().listedLevel).toBeNull();
  });

  it('cannot list a general hazard', async () => {
    const id = await w.assigned();
    expect((await w.post(w.people.county.cookie, `/api/hazards/${id}/list`, { liaisonLeader: '刘县长', departmentId: w.org.housing })).statusCode).toBe(409);
  });

  it('closes only with the 双归零 root cause and loophole recorded', async () => {
    const id = await w.assigned({ level: 'major' }, { deadline: '2026-06-30', plan });
    const photo = await w.upload(w.people.officer.cookie);
    await w.post(w.people.officer.cookie, `/api/hazards/${id}/submit-for-acceptance`, { photos: [photo] });
    const missing = await w.post(w.people.town.cookie, `/api/hazards/${id}/accept`, { password: TEST_PASSWORD });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().details.map((d: { field: string }) => d.field)).toEqual(['body.rootCause', 'body.loopholeFixed']);
    const ok = await w.post(w.people.town.cookie, `/api/hazards/${id}/accept`, { password: TEST_PASSWORD, rootCause: '管道超期服役', loopholeFixed: '建立管道年检台账' });
    expect(ok.json().acceptance).toMatchObject({ rootCause: '管道超期服役', loopholeFixed: '建立管道年检台账' });
  });
});

describe('回头看 and 问责', () => {
  it('a failed re-review reopens the hazard and requires accountability, which is then recorded', async () => {
    const id = await w.assigned();
    const photo = await w.upload(w.people.officer.cookie);
    await w.post(w.people.officer.cookie, `/api/hazards/${id}/submit-for-acceptance`, { photos: [photo] });
    await w.post(w.people.town.cookie, `/api/hazards/${id}/accept`, { password: TEST_PASSWORD });
    expect((await w.post(w.people.town.cookie, `/api/hazards/${id}/review-fail`, { comment: '复查发现未整改' })).statusCode).toBe(403);
    const fail = await w.post(w.people.county.cookie, `/api/hazards/${id}/review-fail`, { comment: '复查发现连墙件仍缺失' });
    expect(fail.json()).toMatchObject({ status: 'rectifying', accountabilityRequired: true, acceptance: null });
    const record = await w.post(w.people.county.cookie, `/api/hazards/${id}/record-accountability`, { person: '王五', personOrg: '正定镇人民政府', failure: '验收把关不严', decision: '通报批评', decidedOn: '2026-06-01' });
    expect(record.json()).toMatchObject({ accountabilityRequired: false, accountability: [{ person: '王五', decision: '通报批评' }] });
  });
});

describe('attachments', () => {
  it('are served only to those who may see the hazard', async () => {
    const id = await w.report();
    const file = (await t.request({ method: 'GET', url: `/api/hazards/${id}`, cookie: w.people.grid.cookie })).json().files[0];
    const read = (cookie: string) => t.request({ method: 'GET', url: file.url, cookie });
    const own = await read(w.people.officer.cookie);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('image/png');
    expect(own.headers['x-content-type-options']).toBe('nosniff');
    expect((await read(w.people.cityLeader.cookie)).statusCode).toBe(200);
    expect((await read(w.people.otherOfficer.cookie)).statusCode).toBe(404);
    expect((await read(w.people.sibling.cookie)).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: file.url })).statusCode).toBe(401);
  });

  it('refuse someone else’s upload as evidence', async () => {
    const theirs = await w.upload(w.people.grid.cookie);
    const res = await w.post(w.people.officer.cookie, '/api/hazards', { title: '自查发现', level: 'general', source: 'self_inspection', foundOn: '2026-06-01', photos: [theirs] });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('body.photos');
  });
});

// Last: it moves the clock days ahead, which ends every other session.
describe('overdue', () => {
  it('is overdue the moment the Shanghai date passes the deadline, and the city sees it', async () => {
    const id = await w.assigned({ level: 'major', title: '储罐区防火堤破损' }, { deadline: '2026-06-05', plan: { ...plan, deadline: '2026-06-05' } });
    await w.post(w.people.county.cookie, `/api/hazards/${id}/list`, { liaisonLeader: '刘县长', departmentId: w.org.housing });
    t.clock.set('2026-06-05T15:59:00Z'); // 23:59 on the 5th in Shanghai
    const city = await t.login(w.people.cityLeader.username); // days passed: sign in afresh
    const overdueOf = async () => (await t.request({ method: 'GET', url: `/api/hazards/${id}`, cookie: city })).json();
    expect((await overdueOf()).overdue).toBe(false);
    t.clock.set('2026-06-05T16:00:00Z'); // 00:00 on the 6th
    const h = await overdueOf();
    expect(h).toMatchObject({ overdue: true, daysOverdue: 1, listedLevel: 3 });
    const ledger = (await t.request({ method: 'GET', url: '/api/hazards?overdue=true&listed=true', cookie: city })).json();
    expect(ledger.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(ledger.counts.overdue).toBeGreaterThanOrEqual(1);
  });
});
