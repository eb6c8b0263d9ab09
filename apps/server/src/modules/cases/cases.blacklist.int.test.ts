import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDraw, type PublishedDraw } from '@anjian/domain';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { caseWorld, FINE, VILLAGE } from './cases.fixture.js';

/*
 * 黑名单 beyond the cases module. 联合惩戒 in 双随机 draws: the cases module supplies the draws module's `weights` — an enterprise
 * with a blacklist entry in force on the day the inputs are fixed weighs 3 in the published
 * register snapshot, the rest 1 — and the draw is still re-verifiable from the public page alone.
 */

let t: TestApp;
let w: Awaited<ReturnType<typeof caseWorld>>;
let planId: string;
const others: string[] = [];
let repairedId: string;

const hashOf = (register: { id: string; stratum: string; weight: number }[]) =>
  createHash('sha256').update(JSON.stringify(register.map(({ id, stratum, weight }) => ({ id, stratum, weight })))).digest('hex');

beforeAll(async () => {
  t = await createTestApp({ start: '2026-03-02T02:00:00Z' });
  w = await caseWorld(t);
  for (let i = 0; i < 4; i++) others.push((await t.factories.enterprise({ regionCode: VILLAGE, industries: ['hazardous_chemicals'], name: `正定县测试${i}化工有限公司` })).id);
  // The enterprise of caseWorld is blacklisted from today; another was, but its credit was repaired.
  const listed = await w.post(w.people.staff.cookie, '/api/blacklist', { caseId: await w.decided([FINE]), reason: '拒不执行处罚决定', legalBasis: '《安全生产严重失信主体名单管理办法》第五条', fromOn: '2026-03-02', toOn: '2027-03-01' });
  expect(listed.statusCode, listed.body).toBe(201);
  const repaired = await w.post(w.people.staff.cookie, '/api/blacklist', { caseId: await w.decided([FINE], others[0]), reason: '拒不整改', legalBasis: '《安全生产严重失信主体名单管理办法》第五条', fromOn: '2026-03-01', toOn: '2027-02-28' });
  repairedId = repaired.json().id;
  expect((await w.post(w.people.staff.cookie, `/api/blacklist/${repairedId}/repair`, { reason: '已整改到位，信用修复' })).statusCode).toBe(200);
  // An entry that starts tomorrow is not in force on the day the inputs are fixed.
  expect((await w.post(w.people.staff.cookie, '/api/blacklist', { caseId: await w.decided([FINE], others[1]), reason: '虚报瞒报', legalBasis: '《安全生产严重失信主体名单管理办法》第五条', fromOn: '2026-03-03', toOn: '2027-03-02' })).statusCode).toBe(201);

  const plan = await w.post(w.people.staff.cookie, '/api/inspection-plans', { name: '2026年度危化品双随机抽查计划', year: 2026, keyRule: { scales: ['large'], majorHazardMonths: 0 }, keyTimesPerYear: 2, othersPercent: 50, roundsPerYear: 2, teamSize: 2 });
  expect(plan.statusCode, plan.body).toBe(201);
  planId = plan.json().id;
  for (let i = 0; i < 2; i++) {
    const inspector = await t.factories.user({ orgId: w.orgs.dept, roles: ['inspector'], displayName: `检查员${i + 1}` });
    const res = await t.request({ method: 'PUT', url: `/api/inspection-plans/${planId}/inspectors/${inspector.id}`, cookie: w.people.staff.cookie, payload: { certNo: `冀执-00${i}`, certValidUntil: '2027-12-31' } });
    expect(res.statusCode, res.body).toBe(200);
  }
});
afterAll(async () => t?.close());

describe('a blacklisted enterprise in a 双随机 draw', () => {
  let published: PublishedDraw;

  it('weighs 3 in the register snapshot; the repaired and the not-yet-started entries weigh 1; the hash covers it', async () => {
    const fixed = await w.post(w.people.staff.cookie, `/api/inspection-plans/${planId}/draws`, { periodFrom: '2026-03-01', periodTo: '2026-06-30' });
    expect(fixed.statusCode, fixed.body).toBe(201);
    const draw = fixed.json() as { id: string; register: { id: string; stratum: string; weight: number }[]; registerHash: string };
    const weightOf = new Map(draw.register.map((e) => [e.id, e.weight]));
    expect(weightOf.get(w.enterprise.id)).toBe(3);
    expect(others.map((id) => weightOf.get(id))).toEqual([1, 1, 1, 1]);
    expect(draw.register).toHaveLength(5);
    expect(draw.registerHash).toBe(hashOf(draw.register));
    // The weight is inside the hash: the same register with the weight dropped hashes differently.
    expect(hashOf(draw.register.map((e) => ({ ...e, weight: 1 })))).not.toBe(draw.registerHash);

    const drawn = await w.post(w.people.staff.cookie, `/api/draws/${draw.id}/draw`);
    expect(drawn.statusCode, drawn.body).toBe(200);
    const pub = await t.request({ method: 'GET', url: `/api/public/draws/${draw.id}` });
    expect(pub.statusCode).toBe(200);
    published = pub.json();
    expect(published.register.find((e) => e.id === w.enterprise.id)?.weight).toBe(3);
  });

  it('re-verifies bit for bit from the published page; a tampered weight fails verification', () => {
    const verified = verifyDraw(published);
    expect(verified.ok, JSON.stringify(verified.checks.filter((c) => !c.ok))).toBe(true);
    const copy = structuredClone(published);
    copy.register.find((e) => e.id === w.enterprise.id)!.weight = 1;
    expect(verifyDraw(copy).ok).toBe(false);
    const heavier = structuredClone(published);
    heavier.register.find((e) => e.id === others[2])!.weight = 3;
    expect(verifyDraw(heavier).ok).toBe(false);
  });

  it('the module says the same as the rule: only entries in force today weigh', async () => {
    const active = (await w.get(w.people.staff.cookie, '/api/blacklist?active=true')).json();
    const activeIds = (Array.isArray(active) ? active : active.items).map((e: { enterpriseId: string }) => e.enterpriseId);
    expect(activeIds).toEqual([w.enterprise.id]);
  });
});

describe('the 黑名单 flag on the enterprise', () => {
  const flagOf = async (cookie: string, id: string) => {
    const res = await w.get(cookie, `/api/enterprises/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().blacklist;
  };

  it('carries reason, basis, from–to and issuing level for a department whose scope contains it, and for the enterprise itself', async () => {
    const expected = { reason: '拒不执行处罚决定', legalBasis: '《安全生产严重失信主体名单管理办法》第五条', fromOn: '2026-03-02', toOn: '2027-03-01', issuingLevel: 3, issuingOrgName: '正定县应急管理局', entryId: expect.any(String) };
    expect(await flagOf(w.people.staff.cookie, w.enterprise.id)).toEqual(expected);
    expect(await flagOf(w.people.leader.cookie, w.enterprise.id)).toEqual(expected);
    expect(await flagOf(w.people.enterprise.cookie, w.enterprise.id)).toEqual(expected);
  });

  it('is null for a repaired entry, an entry not yet started, and an enterprise never listed', async () => {
    expect(await flagOf(w.people.staff.cookie, others[0]!)).toBeNull();
    expect(await flagOf(w.people.staff.cookie, others[1]!)).toBeNull();
    expect(await flagOf(w.people.staff.cookie, others[2]!)).toBeNull();
  });

  it('shows in the enterprise list, on the listed enterprise only', async () => {
    const items = (await w.get(w.people.staff.cookie, '/api/enterprises?limit=100')).json().items as { id: string; blacklist: unknown }[];
    expect(items.filter((e) => e.blacklist !== null).map((e) => e.id)).toEqual([w.enterprise.id]);
    expect(items.length).toBeGreaterThan(1);
  });

  it('is not shown to a user who may not read the blacklist, nor outside the scope', async () => {
    const grid = await t.factories.org({ type: 'grid', regionCode: VILLAGE });
    const member = await t.login((await t.factories.user({ orgId: grid, roles: ['grid_member'] })).username);
    const seen = await w.get(member, `/api/enterprises/${w.enterprise.id}`);
    if (seen.statusCode === 200) expect(seen.json().blacklist).toBeNull();
    expect((await w.get(w.people.sibling.cookie, `/api/enterprises/${w.enterprise.id}`)).statusCode).toBe(404);
  });
});

describe('the blacklist page', () => {
  it('lists an entry in force among its active ones even behind more than a page of newer entries no longer in force', async () => {
    // 500 newer entries (the list's page), all expired: filtered after loading, the one in force would drop out.
    const base = { enterprise_id: others[2]!, enterprise_name: '正定县测试2化工有限公司', region_code: VILLAGE, case_id: await w.decided([FINE], others[2]), reason: '历史记录', legal_basis: '联合惩戒', from_on: '2025-01-01', to_on: '2025-12-31', issuing_level: 3, issuing_org_id: w.orgs.dept, issuing_org_name: '正定县应急管理局' };
    await t.db.insertInto('blacklist_entries').values(Array.from({ length: 500 }, (_, i) => ({ ...base, created_at: new Date(Date.parse('2026-03-02T03:00:00Z') + i * 1000) }))).execute();
    const active = (await w.get(w.people.staff.cookie, '/api/blacklist?active=true')).json().items as { enterpriseId: string; inForce: boolean }[];
    expect(active.map((e) => e.enterpriseId)).toContain(w.enterprise.id);
    expect(active.every((e) => e.inForce)).toBe(true);
    const ended = (await w.get(w.people.staff.cookie, '/api/blacklist?active=false')).json().items as { inForce: boolean }[];
    expect(ended.length).toBe(500);
    expect(ended.every((e) => !e.inForce)).toBe(true);
  });
});
