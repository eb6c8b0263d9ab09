import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accidentBody } from '../../test/accident-fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let office: string;
let national: string;
let sibling: string;
let housing: string;
let enterpriseOrg: string;
let otherEnterprise: string;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-06-15T02:00:00Z' });
  const f = t.factories;
  const county = await f.org({ type: 'safety_committee_office', regionCode: '130123' });
  office = await t.login((await f.user({ orgId: county, roles: ['committee_office_staff'] })).username);
  const root = await f.org({ type: 'platform', regionCode: '0' });
  national = await t.login((await f.user({ orgId: root, roles: ['committee_office_staff'] })).username);
  const siblingOrg = await f.org({ type: 'safety_committee_office', regionCode: '130125' });
  sibling = await t.login((await f.user({ orgId: siblingOrg, roles: ['committee_office_staff'] })).username);
  const dept = await f.org({ type: 'department', regionCode: '130123', industries: ['construction'] });
  housing = await t.login((await f.user({ orgId: dept, roles: ['department_staff'] })).username);
  enterpriseOrg = (await f.enterprise({ regionCode: '130123100001', name: '正定恒东建材有限公司' })).id;
  otherEnterprise = (await f.enterprise({ regionCode: '130125100001', name: '行唐某企业' })).id;
});
afterAll(async () => t?.close());

const post = (payload: unknown, cookie = office, headers: Record<string, string> = {}) =>
  t.request({ method: 'POST', url: '/api/accidents', cookie, payload: payload as object, headers });
const ledgerSize = async () => {
  const [a, s] = await Promise.all([
    t.db.selectFrom('accidents').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    t.db.selectFrom('accident_supplements').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return Number(a.n) + Number(s.n);
};
const firstChild = async (parent: string) =>
  (await t.db.selectFrom('regions').select('code').where('parent_code', '=', parent).orderBy('code').executeTakeFirstOrThrow()).code;

describe('reporting an accident', () => {
  it('grades it from the figures, stores the Shanghai date and answers with clocks and actions', async () => {
    const res = await post(accidentBody({ occurredAt: '2026-06-14T16:30:00Z', deaths: 2, missing: 1, enterpriseId: enterpriseOrg, cause: '违章作业' }));
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      occurredOn: '2026-06-15',
      region: { code: '130123', name: '正定县' },
      enterprise: { id: enterpriseOrg, name: '正定恒东建材有限公司' },
      industry: { code: 'construction' },
      category: { code: 'industrial_mining_trade', label: { zh: '工矿商贸' }, supplementDays: 30 },
      figures: { deaths: 2, missing: 1, deathsIncludingMissing: 3 },
      grade: { code: 'major', label: { zh: '较大事故' }, decidedBy: ['deaths'] },
      clocks: { escalationTarget: 'province', flags: { lateReport: true } },
      investigationClosed: false,
    });
    expect(a.actions).toEqual(['supplement', 'escalate', 'investigate', 'add_accountability', 'close_investigation']);
    expect(a.clocks.escalations.map((e: { key: string }) => e.key)).toEqual(['escalate_city', 'escalate_province']);
    expect(a.investigation.closeProblems.map((p: { field: string }) => p.field)).toContain('investigation.decidedOn');
  });

  it('grades the seeds’ accidents: Shiyan 26 dead 重大, Lushan 38 dead 特别重大, Zhangjiakou 23 dead 22 injured 重大', async () => {
    const shiyan = await post(accidentBody({ regionCode: await firstChild('4203'), category: 'other', industryCode: 'urban_gas', place: '十堰市张湾区艳湖社区集贸市场', occurredAt: '2021-06-13T06:40:00+08:00', deaths: 26, seriousInjuries: 37, minorInjuries: 101, summary: '6·13 燃气爆炸事故' }), national);
    const lushan = await post(accidentBody({ regionCode: await firstChild('4104'), category: 'fire', industryCode: 'crowded_places', place: '鲁山县康乐园老年公寓', occurredAt: '2015-05-25T19:30:00+08:00', deaths: 38, seriousInjuries: 2, minorInjuries: 4, summary: '5·25 特别重大火灾事故' }), national);
    const zjk = await post(accidentBody({ regionCode: await firstChild('1307'), industryCode: 'hazardous_chemicals', place: '张家口市桥东区', occurredAt: '2018-11-28T00:41:00+08:00', deaths: 23, seriousInjuries: 22, summary: '11·28 重大爆燃事故' }), national);
    expect([shiyan, lushan, zjk].map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(shiyan.json().grade).toMatchObject({ code: 'serious', label: { zh: '重大事故' } });
    expect(lushan.json().grade).toMatchObject({ code: 'extraordinary', label: { zh: '特别重大事故' } });
    expect(zjk.json().grade).toMatchObject({ code: 'serious', label: { zh: '重大事故' }, decidedBy: ['deaths'] });
    expect(zjk.json().clocks.escalationTarget).toBe('state_council');
  });

  it('never takes the grade from the caller', async () => {
    const res = await post({ ...accidentBody(), grade: 'ordinary', deaths: 12 });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('body.grade');
  });
});

describe('bad input is refused with a clear 4xx naming the field, and writes nothing', () => {
  it.each([
    ['a negative count', { deaths: -1 }, 400, 'body.deaths'],
    ['a fractional count', { seriousInjuries: 1.5 }, 400, 'body.seriousInjuries'],
    ['a negative loss', { directLossYuan: -5 }, 400, 'body.directLossYuan'],
    ['2.5 serious injuries', { seriousInjuries: 2.5 }, 400, 'body.seriousInjuries'],
    ['a loss as text', { directLossYuan: 'abc' }, 400, 'body.directLossYuan'],
    ['a count as a numeric string', { deaths: '1' }, 400, 'body.deaths'],
    ['a loss in fen', { directLossYuan: 100.5 }, 400, 'body.directLossYuan'],
    ['more people than the bound', { missing: 100_001 }, 400, 'body.missing'],
    ['a future occurrence', { occurredAt: '2026-06-15T03:00:00Z' }, 422, 'body.occurredAt'],
    ['a time without offset', { occurredAt: '2026-06-01 10:00' }, 400, 'body.occurredAt'],
    ['a report before the accident', { reportedAt: '2026-06-01T01:00:00Z' }, 422, 'body.reportedAt'],
    ['an unknown category', { category: 'meteor' }, 400, 'body.category'],
    ['an unknown industry', { industryCode: 'astrology' }, 400, 'body.industryCode'],
    ['a region out of scope', { regionCode: '130125' }, 404, 'body.regionCode'],
    ['an unknown region', { regionCode: '130123999' }, 404, 'body.regionCode'],
    ['an enterprise out of scope', { enterpriseId: 'OTHER' }, 404, 'body.enterpriseId'],
    ['an over-long summary', { summary: '事'.repeat(2001) }, 400, 'body.summary'],
    ['an over-long place', { place: '地'.repeat(201) }, 400, 'body.place'],
    ['an empty place', { place: '  ' }, 400, 'body.place'],
  ])('%s', async (_name, override, status, field) => {
    const before = await ledgerSize();
    const body = accidentBody('enterpriseId' in override ? { enterpriseId: otherEnterprise } : override);
    const res = await post(body);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
    expect(res.json().requestId).toBe(res.headers['x-request-id']);
    expect(await ledgerSize()).toBe(before);
  });

  it('names the field in English when asked', async () => {
    const res = await post(accidentBody({ deaths: -1 }), office, { 'accept-language': 'en' });
    expect(res.json().details[0].message).toMatch(/body\.deaths must be at least 0/);
    const future = await post(accidentBody({ occurredAt: '2027-01-01T00:00:00Z' }), office, { 'accept-language': 'en' });
    expect(future.json().details[0]).toMatchObject({ field: 'body.occurredAt', message: 'cannot lie in the future' });
  });

  it('refuses a region above one’s own with 403: visible, not one’s to report in', async () => {
    const res = await post(accidentBody({ regionCode: '1301' }));
    expect(res.statusCode).toBe(403);
  });

  it('refuses a whole batch for one bad item, naming it', async () => {
    const before = await ledgerSize();
    const res = await t.request({ method: 'POST', url: '/api/accidents/batch', cookie: office, payload: { items: [accidentBody(), accidentBody({ deaths: -2 })] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('body.items.1.deaths');
    const scope = await t.request({ method: 'POST', url: '/api/accidents/batch', cookie: office, payload: { items: [accidentBody(), accidentBody({ regionCode: '130125' })] } });
    expect(scope.statusCode).toBe(404);
    expect(scope.json().details[0].field).toBe('body.items.1.regionCode');
    expect(await ledgerSize()).toBe(before);
  });

  it('refuses bad supplements the same way', async () => {
    const id = (await post(accidentBody())).json().id;
    const before = await ledgerSize();
    const supplement = (payload: object) => t.request({ method: 'POST', url: `/api/accidents/${id}/supplements`, cookie: office, payload });
    const early = await supplement({ changedAt: '2026-05-01T00:00:00Z', deaths: 2 });
    expect([early.statusCode, early.json().details[0].field]).toEqual([422, 'body.changedAt']);
    const negative = await supplement({ changedAt: '2026-06-02T00:00:00Z', deaths: -2 });
    expect([negative.statusCode, negative.json().details[0].field]).toEqual([400, 'body.deaths']);
    for (const [figure, value] of [['seriousInjuries', 2.5], ['directLossYuan', 'abc'], ['minorInjuries', -1]] as const) {
      const bad = await supplement({ changedAt: '2026-06-02T00:00:00Z', [figure]: value });
      expect([bad.statusCode, bad.json().details[0].field], bad.body).toEqual([400, `body.${figure}`]);
    }
    const future = await supplement({ changedAt: '2026-06-16T00:00:00Z', deaths: 2 });
    expect([future.statusCode, future.json().details[0].field]).toEqual([422, 'body.changedAt']);
    // A supplement that names no figure says nothing: refused, naming the body, not read as zeros.
    for (const payload of [{ changedAt: '2026-06-02T00:00:00Z' }, { changedAt: '2026-06-02T00:00:00Z', reportedAt: '2026-06-02T01:00:00Z', note: '无变化' }]) {
      const nothing = await supplement(payload);
      expect([nothing.statusCode, nothing.json().code, nothing.json().details.map((d: { field: string }) => d.field)], nothing.body).toEqual([400, 'VALIDATION_FAILED', ['body']]);
      expect(nothing.json().details[0].message).toContain('至少一项');
    }
    // null is not "not named": a figure is a number or absent.
    const nullFigure = await supplement({ changedAt: '2026-06-02T00:00:00Z', deaths: null });
    expect([nullFigure.statusCode, nullFigure.json().details[0].field]).toEqual([400, 'body.deaths']);
    const outside = await t.request({ method: 'POST', url: `/api/accidents/${id}/supplements`, cookie: sibling, payload: { changedAt: '2026-06-02T00:00:00Z', deaths: 2 } });
    expect([outside.statusCode, outside.json().details[0].field]).toEqual([404, 'params.id']);
    expect(await ledgerSize()).toBe(before);
  });
});

describe('the ledger', () => {
  it('loads a batch all at once and pages through it newest first', async () => {
    const items = Array.from({ length: 30 }, (_, i) => accidentBody({ occurredAt: new Date(Date.UTC(2026, 0, 1 + i, 2)).toISOString(), place: `批量${i}`, regionCode: i % 2 ? '130123100' : '130123102' }));
    const res = await t.request({ method: 'POST', url: '/api/accidents/batch', cookie: office, payload: { items } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().count).toBe(30);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { statusCode: number; json: () => { items: { occurredAt: string; place: string }[]; nextCursor: string | null } } = await t.request({ method: 'GET', url: `/api/accidents?from=2026-01-01&to=2026-01-31&limit=7${cursor ? `&cursor=${cursor}` : ''}`, cookie: office });
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().items.map((a) => a.occurredAt));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(30);
    expect(seen).toEqual([...seen].sort().reverse());
    const township = (await t.request({ method: 'GET', url: '/api/accidents?regionCode=130123100&from=2026-01-01&to=2026-01-31&limit=200', cookie: office })).json();
    expect(township.items).toHaveLength(15);
  });

  it('filters by grade, category and industry', async () => {
    const major = (await t.request({ method: 'GET', url: '/api/accidents?grade=major&limit=200', cookie: office })).json();
    expect(major.items.length).toBeGreaterThan(0);
    expect(major.items.every((a: { grade: { code: string } }) => a.grade.code === 'major')).toBe(true);
    const fire = (await t.request({ method: 'GET', url: '/api/accidents?category=fire', cookie: office })).json();
    expect(fire.items).toEqual([]);
  });

  it('shows each scope only its own: region subtree, a department’s industries, nothing to enterprises', async () => {
    await post(accidentBody({ industryCode: 'road_transport', category: 'road_traffic', place: '道路' }));
    const dept = (await t.request({ method: 'GET', url: '/api/accidents?limit=200', cookie: housing })).json();
    expect(dept.items.length).toBeGreaterThan(0);
    expect(dept.items.every((a: { industry: { code: string } }) => a.industry.code === 'construction')).toBe(true);
    expect((await t.request({ method: 'GET', url: '/api/accidents?limit=200', cookie: sibling })).json().items).toEqual([]);
    const id = (await post(accidentBody())).json().id;
    expect((await t.request({ method: 'GET', url: `/api/accidents/${id}`, cookie: sibling })).statusCode).toBe(404);
    const officer = await t.login((await t.factories.user({ orgId: enterpriseOrg, roles: ['enterprise_principal'] })).username);
    expect((await t.request({ method: 'GET', url: `/api/accidents/${id}`, cookie: officer })).statusCode).toBe(403);
  });

  it('refuses a backwards range and a bad cursor', async () => {
    const range = await t.request({ method: 'GET', url: '/api/accidents?from=2026-02-01&to=2026-01-01', cookie: office });
    expect([range.statusCode, range.json().details[0].field]).toEqual([400, 'query.to']);
    const cursor = await t.request({ method: 'GET', url: '/api/accidents?cursor=nope', cookie: office });
    expect([cursor.statusCode, cursor.json().details[0].field]).toEqual([400, 'query.cursor']);
    const date = await t.request({ method: 'GET', url: '/api/accidents?from=2026-02-30', cookie: office });
    expect([date.statusCode, date.json().details[0].field]).toEqual([400, 'query.from']);
  });

  it('keeps the ledger append-only in the database itself', async () => {
    const id = (await post(accidentBody())).json().id;
    await expect(t.db.deleteFrom('accidents').where('id', '=', id).execute()).rejects.toThrow(/append-only/);
  });
});
