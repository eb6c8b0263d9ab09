import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

/*
 * The enforcement figures, each recomputed from the records with SQL written here (not the
 * module's queries): a county (正定县) with two townships, its 安委办 and 应急管理局, and the next
 * county (行唐县) with records that must never count. The period is 1–15 June 2026; records sit
 * on both sides of each end (31 May / 1 June, 15 / 16 June).
 */
let t: TestApp;
const COUNTY = '130123';
const SIBLING = '130125';
const FROM = '2026-06-01';
const TO = '2026-06-15';
const EMERGENCY = ['dust_explosion', 'hazardous_chemicals', 'metallurgy'];
let w: Awaited<ReturnType<typeof world>>;

async function world() {
  const f = t.factories;
  const office = await f.org({ type: 'safety_committee_office', regionCode: COUNTY, name: '正定县安委办' });
  const emergency = await f.org({ type: 'department', regionCode: COUNTY, name: '正定县应急管理局', industries: EMERGENCY });
  const siblingOffice = await f.org({ type: 'safety_committee_office', regionCode: SIBLING, name: '行唐县安委办' });
  const township = await f.org({ type: 'township_government', regionCode: '130123100', name: '正定镇人民政府' });
  const login = async (orgId: string, role: string) => {
    const u = await f.user({ orgId, roles: [role] });
    return { id: u.id, cookie: await t.login(u.username) };
  };
  const people = { leader: await login(office, 'leader'), staff: await login(emergency, 'department_staff'), sibling: await login(siblingOffice, 'leader'), township: await login(township, 'township_staff') };
  const ent = async (regionCode: string, industries: string[], scale = 'small') => {
    const e = await f.enterprise({ regionCode, industries });
    await t.db.updateTable('enterprises').set({ scale }).where('org_id', '=', e.id).execute();
    return e.id;
  };
  // 正定镇 (130123100): a large dust enterprise (key), two small ones; 新城铺镇 (130123102): a chemical one and a construction one.
  const e = {
    dustKey: await ent('130123100001', ['dust_explosion'], 'large'),
    dust1: await ent('130123100001', ['dust_explosion', 'metallurgy']),
    dust2: await ent('130123100002', ['dust_explosion']),
    chem: await ent('130123102201', ['hazardous_chemicals']),
    build: await ent('130123102201', ['construction']),
    sibling: await ent('130125100001', ['dust_explosion'], 'large'),
  };
  const plan = (orgId: string, regionCode: string, industries: string[] | null, othersPercent: number) => t.db.insertInto('inspection_plans').values({
    org_id: orgId, region_code: regionCode, industries, name: `${regionCode}年度检查计划`, year: 2026, key_rule: JSON.stringify({ scales: ['large'], majorHazardMonths: 0 }),
    key_times_per_year: 2, others_percent: othersPercent, rounds_per_year: 4, team_size: 2, created_by: people.leader.id,
  }).execute();
  await plan(emergency, COUNTY, ['dust_explosion', 'hazardous_chemicals'], 10);
  await plan(office, COUNTY, null, 20);
  await plan(siblingOffice, SIBLING, null, 50);
  // Last year's plan sets no target this year.
  await t.db.insertInto('inspection_plans').values({ org_id: office, region_code: COUNTY, industries: null, name: '2025年计划', year: 2025, key_rule: JSON.stringify({ scales: ['small'], majorHazardMonths: 0 }), key_times_per_year: 5, others_percent: 100, rounds_per_year: 1, team_size: 2, created_by: people.leader.id }).execute();

  const checklist = (await t.db.selectFrom('inspection_checklists').select('id').where('region_code', '=', '0').limit(1).executeTakeFirstOrThrow()).id;
  const inspection = async (enterpriseId: string, o: { type: string; on: string; status?: string; industry?: string; major?: number; general?: number; rejected?: number }) => {
    const region = (await t.db.selectFrom('orgs').select('region_code').where('id', '=', enterpriseId).executeTakeFirstOrThrow()).region_code;
    const at = new Date();
    const status = o.status ?? 'recorded';
    const { id } = await t.db.insertInto('inspections').values({
      type: o.type, status, enterprise_id: enterpriseId, region_code: region, industry_code: o.industry ?? 'dust_explosion', org_id: emergency, checklist_id: checklist,
      inspected_on: o.on, recorder_id: people.staff.id, recorded_at: status === 'draft' ? null : at, created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    const hazards = [
      ...Array.from({ length: o.major ?? 0 }, () => ({ level: 'major' as const, status: 'verified' })),
      ...Array.from({ length: o.general ?? 0 }, () => ({ level: 'general' as const, status: 'rectifying' })),
      ...Array.from({ length: o.rejected ?? 0 }, () => ({ level: 'general' as const, status: 'rejected' })),
    ];
    for (const [n, h] of hazards.entries()) {
      const hazard = await f.hazard({ regionCode: region, enterpriseId, industryCode: o.industry ?? 'dust_explosion', level: h.level, status: h.status, found_on: o.on });
      await t.db.insertInto('inspection_results').values({ inspection_id: id, item_key: `k${n}-${crypto.randomUUID().slice(0, 6)}`, result: 'fail', note: null, photos: [], hazard_id: hazard }).execute();
    }
    return id;
  };
  // Before the period (counts for this year's coverage only), on its first and last day, the day after, a draft.
  await inspection(e.dust1, { type: 'campaign', on: '2026-05-31', major: 1 });
  await inspection(e.dustKey, { type: 'random_draw', on: FROM, general: 2, rejected: 1 });
  await inspection(e.dustKey, { type: 'unannounced', on: TO, major: 1, general: 1 });
  await inspection(e.chem, { type: 'random_draw', on: TO, industry: 'hazardous_chemicals', status: 'archived' });
  await inspection(e.dust2, { type: 'covert', on: '2026-06-16', major: 2 });
  await inspection(e.dust2, { type: 'expert', on: '2026-06-10', status: 'draft' });
  await inspection(e.build, { type: 'reinspection', on: '2026-06-05', industry: 'construction', general: 1 });
  // Last year's inspection does not cover this year.
  await inspection(e.dust2, { type: 'campaign', on: '2025-12-31' });
  // The sibling county: inside the period, never counted for 正定县.
  await inspection(e.sibling, { type: 'random_draw', on: '2026-06-10', major: 3 });
  await inspection(e.sibling, { type: 'unannounced', on: TO, general: 1 });

  // Cases: filed on the last day and the day after; one in the sibling county.
  const kase = (enterpriseId: string, region: string, filedOn: string, patch: Record<string, unknown> = {}) => t.db.insertInto('cases').values({
    number: `测试立〔2026〕${crypto.randomUUID().slice(0, 8)}号`, enterprise_id: enterpriseId, enterprise_name: '测试企业', region_code: region, industry_code: 'dust_explosion',
    org_id: emergency, org_name: '正定县应急管理局', org_region_code: COUNTY, cause: '测试案件', facts: '事实', source: 'inspection', status: 'filed', filed_on: filedOn, created_at: new Date(), updated_at: new Date(), ...patch,
  } as never).execute();
  await kase(e.dustKey, '130123100001', TO);
  await kase(e.dust1, '130123100001', '2026-06-16');
  await kase(e.dust2, '130123100002', FROM);
  await kase(e.sibling, '130125100001', '2026-06-10');
  return { people, e };
}

beforeAll(async () => {
  t = await createTestApp({ start: '2026-06-20T02:00:00Z' });
  w = await world();
});
afterAll(async () => t?.close());

type Coverage = { enterprises: number; inspected: number; percent: number | null; target: number; targetPercent: number | null; key: { enterprises: number; inspected: number; met: number }; others: { enterprises: number; inspected: number } };
type Body = {
  region: { code: string }; period: { from: string; to: string }; scopeIndustries: string[] | null;
  inspections: { total: number; byType: { type: string; count: number }[] }; hazards: { total: number; major: number };
  coverage: { year: number; from: string; to: string; plans: { id: string }[]; total: Coverage; byRegion: (Coverage & { code: string })[]; byIndustry: (Coverage & { code: string })[] };
  cases: Record<string, number> | null;
};

async function figures(cookie: string, query = `from=${FROM}&to=${TO}`) {
  const res = await t.request({ method: 'GET', url: `/api/enforcement/figures?${query}`, cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Body;
}

/** The records' own answer. `industries`: an industry department's; `prefix`: the region's subtree. */
async function recount(prefix: string, industries: string[] | null) {
  const ind = industries ? sql`and i.industry_code = any(${industries}::text[])` : sql``;
  const inPeriod = sql`i.status in ('recorded', 'archived') and i.inspected_on between ${FROM}::date and ${TO}::date and i.region_code like ${prefix + '%'} ${ind}`;
  const types = await sql<{ type: string; n: string }>`select i.type, count(*) as n from inspections i where ${inPeriod} group by i.type`.execute(t.db);
  const hz = (await sql<{ total: string; major: string }>`
    select count(distinct h.id) as total, count(distinct h.id) filter (where h.level = 'major') as major
      from inspections i join inspection_results r on r.inspection_id = i.id join hazards h on h.id = r.hazard_id
     where ${inPeriod} and h.status <> 'rejected'`.execute(t.db)).rows[0]!;
  const plansVisible = industries ? sql`p.industries is not null and p.industries <@ ${industries}::text[]` : sql`true`;
  // One row per enterprise under a 2026 plan over the county: key if any plan's key rule makes it so, the strictest target, inspections 1 Jan–15 June.
  const enterprises = (await sql<{ id: string; region_code: string; key: boolean; pct: string; times: number; n: string; industries: string[] }>`
    with plans as (select * from inspection_plans p where p.year = 2026 and (p.region_code like ${prefix + '%'} or ${prefix} like p.region_code || '%') and p.region_code like '1301%' and ${plansVisible}),
    reg as (
      select o.id, o.region_code, e.industries, p.industries as plan_industries, e.scale = any(array(select jsonb_array_elements_text(p.key_rule -> 'scales'))) as key, p.key_times_per_year, p.others_percent
        from plans p join orgs o on o.region_code like p.region_code || '%' and o.region_code like ${prefix + '%'} join enterprises e on e.org_id = o.id and e.status = 'operating'
       where p.industries is null or e.industries && p.industries)
    select reg.id, reg.region_code, bool_or(reg.key) as key,
           coalesce(max(reg.others_percent) filter (where not reg.key), 0) as pct, coalesce(max(reg.key_times_per_year) filter (where reg.key), 0) as times,
           (select count(*) from inspections i where i.enterprise_id = reg.id and i.status in ('recorded', 'archived') and i.inspected_on between '2026-01-01' and ${TO}::date ${ind}) as n,
           array(select distinct x from reg r2, unnest(r2.industries) x where r2.id = reg.id and (r2.plan_industries is null or x = any(r2.plan_industries)) ${industries ? sql`and x = any(${industries}::text[])` : sql``}) as industries
      from reg group by reg.id, reg.region_code`.execute(t.db)).rows;
  const cover = (rows: typeof enterprises) => {
    const key = rows.filter((r) => r.key);
    const others = rows.filter((r) => !r.key);
    const inspected = rows.filter((r) => Number(r.n) > 0).length;
    const target = key.length + Math.min(others.length, Math.ceil(others.reduce((s, r) => s + Number(r.pct), 0) / 100 - 1e-9));
    const pct = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 10);
    return {
      enterprises: rows.length, inspected, percent: pct(inspected, rows.length), target, targetPercent: pct(target, rows.length),
      key: { enterprises: key.length, inspected: key.filter((r) => Number(r.n) > 0).length, met: key.filter((r) => Number(r.n) >= r.times).length },
      others: { enterprises: others.length, inspected: others.filter((r) => Number(r.n) > 0).length },
    };
  };
  return { types: new Map(types.rows.map((r) => [r.type, Number(r.n)])), hazards: { total: Number(hz.total), major: Number(hz.major) }, enterprises, cover };
}

describe('GET /api/enforcement/figures', () => {
  it('the county office: every figure equals the records recounted, the last day in and the day after out', async () => {
    const body = await figures(w.people.leader.cookie);
    const r = await recount(COUNTY, null);
    for (const { type, count } of body.inspections.byType) expect(count, type).toBe(r.types.get(type) ?? 0);
    expect(body.hazards).toEqual(r.hazards);
    expect(body.coverage.total).toEqual(r.cover(r.enterprises));
    // Pinned by hand: 15 June counts (unannounced, chem's random draw), 16 June does not (covert), nor the draft, nor 31 May.
    expect(Object.fromEntries(body.inspections.byType.map((x) => [x.type, x.count]))).toEqual({ random_draw: 2, unannounced: 1, covert: 0, campaign: 0, expert: 0, reinspection: 1 });
    expect(body.inspections.total).toBe(4);
    // 1 June: 2 general (the rejected one left out); 15 June: 1 major, 1 general; 5 June: 1 general. The sibling's 3 major never count.
    expect(body.hazards).toEqual({ total: 5, major: 1 });
    // Five enterprises under the plans; inspected this year to 15 June: dustKey, dust1 (31 May), chem, build. dust2 only on 16 June and last year.
    expect(body.coverage.total).toMatchObject({ enterprises: 5, inspected: 4, percent: 80, key: { enterprises: 1, inspected: 1, met: 1 }, others: { enterprises: 4, inspected: 3 }, target: 2 });
    expect(body.coverage.plans).toHaveLength(2);
  });

  it('rows per township and per industry equal the records recounted and add up', async () => {
    const body = await figures(w.people.leader.cookie);
    const r = await recount(COUNTY, null);
    for (const row of body.coverage.byRegion) {
      const { code, name: _n, ...counts } = row as Coverage & { code: string; name: string };
      expect(counts, code).toEqual(r.cover(r.enterprises.filter((e) => e.region_code.startsWith(code))));
    }
    expect(body.coverage.byRegion.reduce((s, x) => s + x.enterprises, 0)).toBe(body.coverage.total.enterprises);
    expect(body.coverage.byRegion.find((x) => x.code === '130123100')).toMatchObject({ enterprises: 3, inspected: 2 });
    for (const row of body.coverage.byIndustry) {
      const { code, name: _n, ...counts } = row as Coverage & { code: string; name: string };
      expect(counts, code).toEqual(r.cover(r.enterprises.filter((e) => e.industries.includes(code))));
    }
    expect(body.coverage.byIndustry.map((x) => x.code).sort()).toEqual(['construction', 'dust_explosion', 'hazardous_chemicals', 'metallurgy']);
  });

  it('an industry department counts only its industries and its own plan', async () => {
    const body = await figures(w.people.staff.cookie);
    const r = await recount(COUNTY, EMERGENCY);
    expect(body.scopeIndustries).toEqual(EMERGENCY);
    for (const { type, count } of body.inspections.byType) expect(count, type).toBe(r.types.get(type) ?? 0);
    expect(body.hazards).toEqual(r.hazards);
    expect(body.coverage.total).toEqual(r.cover(r.enterprises));
    // The construction re-inspection and its hazard are the 住建局's; the office's plan (all industries) is not the department's.
    expect(body.inspections.byType.find((x) => x.type === 'reinspection')!.count).toBe(0);
    expect(body.coverage.plans).toHaveLength(1);
    expect(body.coverage.total.enterprises).toBe(4);
    expect(body.coverage.byIndustry.map((x) => x.code).sort()).toEqual(['dust_explosion', 'hazardous_chemicals']);
  });

  it('a township drilled to counts its own subtree only; the sibling county counts only its own', async () => {
    const town = await figures(w.people.leader.cookie, `from=${FROM}&to=${TO}&regionCode=130123100`);
    const r = await recount('130123100', null);
    expect(town.region.code).toBe('130123100');
    for (const { type, count } of town.inspections.byType) expect(count, type).toBe(r.types.get(type) ?? 0);
    expect(town.hazards).toEqual(r.hazards);
    expect(town.coverage.total).toEqual(r.cover(r.enterprises));
    expect(town.coverage.total.enterprises).toBe(3);
    expect(town.coverage.byRegion.map((x) => x.code).every((c) => c.startsWith('130123100'))).toBe(true);

    const sibling = await figures(w.people.sibling.cookie);
    const s = await recount(SIBLING, null);
    expect(sibling.hazards).toEqual(s.hazards);
    expect(sibling.hazards).toEqual({ total: 4, major: 3 });
    expect(sibling.coverage.total).toEqual(s.cover(s.enterprises));
    expect(sibling.coverage.total).toMatchObject({ enterprises: 1, inspected: 1 });
  });

  it('the case figures are the cases module\'s for the same period and region', async () => {
    const body = await figures(w.people.leader.cookie);
    const cases = (await t.request({ method: 'GET', url: `/api/cases/figures?from=${FROM}&to=${TO}`, cookie: w.people.leader.cookie })).json();
    const opened = (await sql<{ n: string }>`select count(*) as n from cases where region_code like '130123%' and filed_on between ${FROM}::date and ${TO}::date`.execute(t.db)).rows[0]!.n;
    expect(body.cases).toMatchObject({ opened: Number(opened), decided: cases.decided, overdue: cases.overdue, finesDecidedYuan: cases.finesDecidedFen / 100, finesCollectedYuan: cases.finesCollectedFen / 100, blacklisted: cases.blacklisted });
    // 1 June and 15 June in, 16 June out, the sibling county's never.
    expect(body.cases!.opened).toBe(2);
    const town = await figures(w.people.leader.cookie, `from=${FROM}&to=${TO}&regionCode=130123100002`);
    expect(town.cases!.opened).toBe(1);
  });

  it('defaults to this year to date; refuses a region above, one outside, a reversed period, a bad date, and users without inspection.read', async () => {
    const body = await figures(w.people.leader.cookie, '');
    expect(body.period).toEqual({ from: '2026-01-01', to: '2026-06-20' });
    expect(body.coverage).toMatchObject({ year: 2026, from: '2026-01-01', to: '2026-06-20' });
    const get = (cookie: string, q: string) => t.request({ method: 'GET', url: `/api/enforcement/figures?${q}`, cookie });
    expect((await get(w.people.leader.cookie, 'regionCode=1301')).statusCode).toBe(403);
    const outside = await get(w.people.leader.cookie, `regionCode=${SIBLING}`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().details[0].field).toBe('query.regionCode');
    const reversed = await get(w.people.leader.cookie, `from=${TO}&to=${FROM}`);
    expect(reversed.statusCode).toBe(400);
    expect(JSON.stringify(reversed.json().details)).toContain('from');
    const late = await get(w.people.leader.cookie, 'from=2026-12-01');
    expect([400, 422]).toContain(late.statusCode);
    expect(late.json().details[0].field).toBe('query.from');
    expect((await get(w.people.leader.cookie, 'from=2026-02-30')).statusCode).toBe(400);
    expect((await get(w.people.leader.cookie, 'extra=1')).statusCode).toBe(400);
    // 乡镇 staff read statistics but not inspections.
    expect((await get(w.people.township.cookie, '')).statusCode).toBe(403);
  });
});
