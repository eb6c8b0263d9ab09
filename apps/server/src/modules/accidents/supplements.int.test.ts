import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accidentBody } from '../../test/accident-fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

/*
 * 补报 changes only the figures it names (issue 9). Everything downstream — the grade, the
 * 较大 counts in the statistics, the 一票否决 and the escalation clocks — derives from the
 * merged figures, and every version stays in the history.
 */
let t: TestApp;
let county: string;
let seedCounty: string;
let enterprise: string;

// 12:00 on 15 June 2026 in Shanghai.
const NOW = '2026-06-15T04:00:00Z';
// The accident of issue 9: 较大 by its 12 serious injuries and its ¥20 M, not by its one death.
const SEED = { deaths: 1, missing: 0, seriousInjuries: 12, minorInjuries: 3, directLossYuan: 20_000_000 };

beforeAll(async () => {
  t = await createTestApp({ start: NOW });
  const f = t.factories;
  county = await t.login((await f.user({ orgId: await f.org({ type: 'safety_committee_office', regionCode: '130123' }), roles: ['committee_office_staff'] })).username);
  // Its own county, so that the statistics below count only this test's accidents.
  seedCounty = await t.login((await f.user({ orgId: await f.org({ type: 'safety_committee_office', regionCode: '130125' }), roles: ['committee_office_staff'] })).username);
  enterprise = await f.org({ type: 'enterprise', regionCode: '130125100', name: '行唐某化工厂' });
});
afterAll(async () => t?.close());

async function report(cookie: string, body: Record<string, unknown>) {
  const res = await t.request({ method: 'POST', url: '/api/accidents', cookie, payload: accidentBody(body) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function supplement(cookie: string, id: string, payload: Record<string, unknown>) {
  const res = await t.request({ method: 'POST', url: `/api/accidents/${id}/supplements`, cookie, payload: { changedAt: '2026-06-12T02:00:00Z', ...payload } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function ok(cookie: string, url: string) {
  const res = await t.request({ method: 'GET', url, cookie });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json();
}
const stored = (id: string) =>
  t.db.selectFrom('accidents').select(['deaths', 'missing', 'serious_injuries', 'minor_injuries', 'direct_loss_yuan', 'grade']).where('id', '=', id).executeTakeFirstOrThrow();

describe('issue 9: a 较大 accident (1 dead, 12 seriously injured, ¥20 M) supplemented with deaths: 2 only', () => {
  it('stays 较大 in its grade, the statistics, the 一票否决 and the escalation to the province', async () => {
    const common = { regionCode: '130125100', enterpriseId: enterprise, industryCode: 'hazardous_chemicals' };
    const a = await report(seedCounty, { ...common, occurredAt: '2026-06-10T02:00:00Z', ...SEED });
    await report(seedCounty, { ...common, occurredAt: '2026-06-01T02:00:00Z', deaths: 3 });
    expect(a.grade.code).toBe('major');
    const statsUrl = '/api/stats/accidents?regionCode=130125&period=custom&from=2026-06-01&to=2026-06-15';
    const majorOf = async () => (await ok(seedCounty, statsUrl)).byGrade.find((g: { key: string }) => g.key === 'major');
    const vetoed = async () => (await ok(seedCounty, '/api/stats/accidents/veto?year=2026&regionCode=130125')).items
      .filter((i: { kind: string }) => i.kind === 'enterprise').map((i: { id: string; major: number }) => [i.id, i.major]);
    expect((await majorOf()).accidents.current).toBe(2);
    expect(await vetoed()).toEqual([[enterprise, 2]]);

    const s = await supplement(seedCounty, a.id, { deaths: 2 });
    expect(s.figures).toEqual({ ...SEED, deaths: 2, deathsIncludingMissing: 2 });
    expect(s.grade).toMatchObject({ code: 'major', decidedBy: ['seriousInjuries', 'directLoss'] });
    expect(s.clocks.escalationTarget).toBe('province');
    expect(s.clocks.escalations.map((e: { key: string }) => e.key)).toEqual(['escalate_city', 'escalate_province']);
    expect(s.actions).toContain('escalate');
    expect(s.supplements).toEqual([expect.objectContaining({ version: 1, counted: true, named: { deaths: 2 }, figures: { ...SEED, deaths: 2, deathsIncludingMissing: 2 }, grade: expect.objectContaining({ code: 'major' }) })]);
    expect(await stored(a.id)).toEqual({ deaths: 2, missing: 0, serious_injuries: 12, minor_injuries: 3, direct_loss_yuan: '20000000', grade: 'major' });

    const major = await majorOf();
    expect([major.accidents.current, major.deaths.current]).toEqual([2, 5]);
    expect(await vetoed()).toEqual([[enterprise, 2]]);
    // The province can still be recorded: the 较大 path is open.
    const city = await t.request({ method: 'POST', url: `/api/accidents/${a.id}/escalations`, cookie: seedCounty, payload: { level: 'city' } });
    expect(city.statusCode, city.body).toBe(201);
    const province = await t.request({ method: 'POST', url: `/api/accidents/${a.id}/escalations`, cookie: seedCounty, payload: { level: 'province' } });
    expect(province.statusCode, province.body).toBe(201);
  });
});

describe('a supplement changes only the figures it names', () => {
  it.each([
    ['deaths', 4, 'major'],
    ['missing', 2, 'major'],
    ['seriousInjuries', 0, 'major'],
    ['minorInjuries', 7, 'major'],
    ['directLossYuan', 55_000_000, 'serious'],
  ] as const)('%s alone (→ %d): every other figure keeps its value', async (key, value, grade) => {
    const a = await report(county, { occurredAt: '2026-06-10T02:00:00Z', ...SEED });
    const s = await supplement(county, a.id, { [key]: value });
    const expected = { ...SEED, [key]: value };
    expect(s.figures).toEqual({ ...expected, deathsIncludingMissing: expected.deaths + expected.missing });
    expect(s.grade.code).toBe(grade);
    expect(s.supplements[0]).toMatchObject({ version: 1, named: { [key]: value } });
    expect(Object.keys(s.supplements[0].named)).toEqual([key]);
    const row = await stored(a.id);
    expect([row.deaths, row.missing, row.serious_injuries, row.minor_injuries, Number(row.direct_loss_yuan), row.grade])
      .toEqual([expected.deaths, expected.missing, expected.seriousInjuries, expected.minorInjuries, expected.directLossYuan, grade]);
    // The named figure is stored as named, the others as not named.
    const version = await t.db.selectFrom('accident_supplements').selectAll().where('accident_id', '=', a.id).executeTakeFirstOrThrow();
    const namedColumns = { deaths: version.deaths, missing: version.missing, seriousInjuries: version.serious_injuries, minorInjuries: version.minor_injuries, directLossYuan: version.direct_loss_yuan === null ? null : Number(version.direct_loss_yuan) };
    expect(namedColumns).toEqual({ deaths: null, missing: null, seriousInjuries: null, minorInjuries: null, directLossYuan: null, [key]: value });
  });
});

describe('lowering a figure and the history of versions', () => {
  it('allows a figure to fall (missing found alive), regrades, and keeps every version', async () => {
    // 1 dead and 2 missing: 3 deaths including missing, 较大.
    const a = await report(county, { occurredAt: '2026-06-10T02:00:00Z', deaths: 1, missing: 2, seriousInjuries: 1, minorInjuries: 0, directLossYuan: 800_000 });
    expect([a.grade.code, a.clocks.escalationTarget]).toEqual(['major', 'province']);
    const found = await supplement(county, a.id, { changedAt: '2026-06-11T02:00:00Z', missing: 0, note: '两名失踪人员获救' });
    expect([found.grade.code, found.figures.deathsIncludingMissing, found.clocks.escalationTarget]).toEqual(['ordinary', 1, 'city']);
    const died = await supplement(county, a.id, { changedAt: '2026-06-13T02:00:00Z', deaths: 2, seriousInjuries: 0 });
    expect(died.figures).toMatchObject({ deaths: 2, missing: 0, seriousInjuries: 0, minorInjuries: 0, directLossYuan: 800_000 });
    const history = (await ok(county, `/api/accidents/${a.id}`)).supplements.map((v: { version: number; named: object; figures: { deaths: number; missing: number; seriousInjuries: number }; grade: { code: string }; note: string | null }) =>
      [v.version, v.named, [v.figures.deaths, v.figures.missing, v.figures.seriousInjuries], v.grade.code, v.note]);
    expect(history).toEqual([
      [1, { missing: 0 }, [1, 0, 1], 'ordinary', '两名失踪人员获救'],
      [2, { deaths: 2, seriousInjuries: 0 }, [2, 0, 0], 'ordinary', null],
    ]);
    // The accident's figures are the last version's.
    expect(await stored(a.id)).toMatchObject({ deaths: 2, missing: 0, serious_injuries: 0, grade: 'ordinary' });
    const audit = await t.db.selectFrom('audit_log').select('details').where('object_id', '=', a.id).where('action', '=', 'accident.supplement').orderBy('id').execute();
    expect(audit.map((r) => (JSON.parse(String(r.details)) as { named: object }).named)).toEqual([{ missing: 0 }, { deaths: 2, seriousInjuries: 0 }]);
  });

  it('a change dated before one already recorded is merged in the order of change', async () => {
    const a = await report(county, { occurredAt: '2026-06-10T02:00:00Z', ...SEED });
    await supplement(county, a.id, { changedAt: '2026-06-13T02:00:00Z', deaths: 3 });
    // Reported later, but it happened earlier: the later change of the deaths still wins.
    const s = await supplement(county, a.id, { changedAt: '2026-06-11T02:00:00Z', deaths: 2, directLossYuan: 21_000_000 });
    expect(s.figures).toMatchObject({ deaths: 3, seriousInjuries: 12, directLossYuan: 21_000_000 });
    expect(s.supplements.map((v: { version: number; figures: { deaths: number; directLossYuan: number } }) => [v.version, v.figures.deaths, v.figures.directLossYuan]))
      .toEqual([[1, 3, 20_000_000], [2, 3, 21_000_000]]);
  });
});
