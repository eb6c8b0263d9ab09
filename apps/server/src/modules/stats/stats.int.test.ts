import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accidentBody } from '../../test/accident-fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { tableOf } from '../../test/xlsx-tables.js';

let t: TestApp;
let county: string;
let city: string;
let township: string;
let cityOrg: string;
let ids: string[];

// 12:00 on 15 June 2026 in Shanghai.
const NOW = '2026-06-15T04:00:00Z';

beforeAll(async () => {
  t = await createTestApp({ start: NOW });
  const f = t.factories;
  const countyOrg = await f.org({ type: 'safety_committee_office', regionCode: '130123' });
  cityOrg = await f.org({ type: 'safety_committee_office', regionCode: '1301', name: '石家庄市安委办' });
  county = await t.login((await f.user({ orgId: countyOrg, roles: ['committee_office_staff'] })).username);
  city = await t.login((await f.user({ orgId: cityOrg, roles: ['committee_office_staff'] })).username);
  township = await t.login((await f.user({ orgId: await f.org({ type: 'township_government', regionCode: '130123100' }), roles: ['township_staff'] })).username);
  const enterprise = (await f.enterprise({ regionCode: '130123102', name: '新城铺某化工厂', industries: ['hazardous_chemicals', 'construction'] })).id;
  const at = (occurredAt: string, regionCode: string, deaths: number, extra: object = {}) => accidentBody({ occurredAt, regionCode, deaths, ...extra });
  const road = { category: 'road_traffic', industryCode: 'road_transport' };
  const res = await t.request({
    method: 'POST', url: '/api/accidents/batch', cookie: city, payload: {
      items: [
        at('2026-03-10T02:00:00Z', '130123100', 3),
        at('2026-04-10T02:00:00Z', '130123100', 4, { industryCode: 'metallurgy' }),
        at('2026-05-01T02:00:00Z', '130123102', 12, { category: 'fire', industryCode: 'hazardous_chemicals', enterpriseId: enterprise }),
        at('2026-06-10T02:00:00Z', '130123', 1, road),
        at('2026-06-14T02:00:00Z', '130123100', 1, road),
        at('2025-03-01T02:00:00Z', '130123100', 1),
        at('2025-06-05T02:00:00Z', '130123102', 2, road),
        at('2025-06-20T02:00:00Z', '130123102', 1),
        at('2026-03-01T02:00:00Z', '130125', 5),
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  ids = res.json().ids;
});
afterAll(async () => t?.close());

const get = (url: string, cookie = county) => t.request({ method: 'GET', url, cookie });
const ok = async (url: string, cookie = county) => {
  const res = await get(url, cookie);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json();
};

describe('periods, comparisons and breakdowns', () => {
  it('defaults to the caller’s region, year to date, against the same dates last year', async () => {
    const s = await ok('/api/stats/accidents');
    expect(s.region).toEqual({ code: '130123', name: '正定县', level: 3 });
    expect(s.period).toMatchObject({ kind: 'year_to_date', from: '2026-01-01', to: '2026-06-15' });
    expect(s.samePeriodLastYear).toMatchObject({ from: '2025-01-01', to: '2025-06-15' });
    expect([s.totals.accidents.current, s.totals.accidents.previous, s.totals.deaths.current, s.totals.deaths.previous]).toEqual([5, 2, 21, 3]);
    expect(s.basis.zh).toContain('事故发生时间');
    expect(s.byGrade.map((g: { key: string; accidents: { current: number } }) => [g.key, g.accidents.current])).toEqual([['ordinary', 2], ['major', 2], ['serious', 1], ['extraordinary', 0]]);
    expect(s.byCategory).toHaveLength(8);
    expect(s.byIndustry[0]).toMatchObject({ key: 'hazardous_chemicals', label: { zh: '危险化学品' } });
  });

  it('lists every sub-region, ranks them, flags 双上升, and keeps accidents on the county itself apart', async () => {
    const s = await ok('/api/stats/accidents?regionCode=130123');
    const row = (code: string, atThisLevel = false) => s.byRegion.find((r: { code: string; atThisLevel: boolean }) => r.code === code && r.atThisLevel === atThisLevel);
    expect(s.byRegion.filter((r: { atThisLevel: boolean }) => !r.atThisLevel).length).toBeGreaterThan(5);
    expect(row('130123102')).toMatchObject({ rank: 1, deaths: { current: 12, previous: 2 }, accidents: { current: 1, previous: 1 }, doubleRise: false });
    expect(row('130123100')).toMatchObject({ rank: 2, deaths: { current: 8, previous: 1 }, accidents: { current: 3, previous: 1, percentText: '+200%' }, doubleRise: true });
    // The county's own row is listed last and not ranked among its townships.
    expect(row('130123', true)).toMatchObject({ rank: 0, label: { zh: '本级（未落到下级区划）' }, accidents: { current: 1 } });
    expect(s.byRegion.at(-1)).toMatchObject({ code: '130123', atThisLevel: true });
    // Everything else ties at zero and shares a rank: third, right after the two with deaths.
    expect(new Set(s.byRegion.slice(2, -1).map((r: { rank: number }) => r.rank))).toEqual(new Set([3]));
    expect(row('130123100').share.deaths).toEqual({ part: 8, whole: 21, percent: 38.1, percentText: '38.1%' });
  });

  it('cuts the running month at today and compares date for date; adds 环比 on request', async () => {
    const s = await ok('/api/stats/accidents?period=month&month=6&compare=mom');
    expect(s.period).toMatchObject({ kind: 'custom', from: '2026-06-01', to: '2026-06-15', label: { zh: '2026-06-01 至 2026-06-15（2026年6月，截至6月15日）' } });
    expect(s.period.label.zh).not.toContain('自定义');
    expect(s.samePeriodLastYear).toMatchObject({ from: '2025-06-01', to: '2025-06-15' });
    expect(s.previousPeriod).toMatchObject({ from: '2026-05-17', to: '2026-05-31' });
    expect(s.totals.accidents).toMatchObject({ current: 2, previous: 1, periodOnPeriod: { previous: 0, percent: null, description: { zh: '上期为0，本期2' } } });
    const q1 = await ok('/api/stats/accidents?period=quarter&quarter=1&year=2026');
    expect(q1.period).toMatchObject({ kind: 'quarter', from: '2026-01-01', to: '2026-03-31' });
    expect(q1.totals.accidents).toMatchObject({ current: 1, previous: 1, percent: 0, trend: 'flat', description: { zh: '同比持平' } });
    const lastYear = await ok('/api/stats/accidents?period=year&year=2025');
    expect(lastYear.period).toMatchObject({ kind: 'year', from: '2025-01-01', to: '2025-12-31' });
    expect(lastYear.totals.accidents).toMatchObject({ current: 3, previous: 0, percent: null, percentText: null });
  });

  it('answers for a village with no sub-regions', async () => {
    const s = await ok('/api/stats/accidents?regionCode=130123100001');
    expect(s.byRegion).toEqual([]);
    expect(s.totals.accidents.current).toBe(0);
  });
});

describe('bad statistics queries are refused naming the field', () => {
  it.each([
    ['period=month', 400, 'query.month'],
    ['period=quarter', 400, 'query.quarter'],
    ['period=custom&to=2026-01-01', 400, 'query.from'],
    ['period=custom&from=2026-02-01&to=2026-01-01', 400, 'query.to'],
    ['period=custom&from=2026-02-30&to=2026-03-01', 400, 'query.from'],
    ['period=week', 400, 'query.period'],
    ['category=meteor', 400, 'query.category'],
    ['industry=Bad-Code', 400, 'query.industry.0'],
    ['grade=minor', 400, 'query.grade'],
    ['decimals=9', 400, 'query.decimals'],
    ['year=1999', 400, 'query.year'],
    ['colour=red', 400, 'query.colour'],
    ['regionCode=130125', 404, 'query.regionCode'],
    ['regionCode=999999', 404, 'query.regionCode'],
  ])('%s', async (query, status, field) => {
    const res = await get(`/api/stats/accidents?${query}`);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('refuses figures for a region above one’s own with 403', async () => {
    expect((await get('/api/stats/accidents?regionCode=1301')).statusCode).toBe(403);
    expect((await get('/api/stats/accidents?regionCode=130123', township)).statusCode).toBe(403);
  });
});

describe('trend, export and veto', () => {
  it('gives twelve months against last year, the running one date for date', async () => {
    const tr = await ok('/api/stats/accidents/trend?year=2026');
    expect(tr.months).toHaveLength(12);
    expect(tr.months[2]).toMatchObject({ month: 3, future: false, partial: false, accidents: { current: 1, previous: 1 } });
    expect(tr.months[5]).toMatchObject({ month: 6, partial: true, accidents: { current: 2, previous: 1 } });
    expect(tr.months[6]).toMatchObject({ month: 7, future: true, accidents: { current: 0, previous: 0 } });
    expect(tr.months.reduce((n: number, m: { deaths: { current: number } }) => n + m.deaths.current, 0)).toBe(21);
  });

  it('exports the same figures as a workbook with Chinese headers', async () => {
    const res = await get('/api/stats/accidents/export?period=ytd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('事故统计_正定县'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '按等级', '按类别', '按行业', '按区划', '控制指标']);
    const { header, rows } = tableOf(wb.getWorksheet('汇总')!);
    expect(header.slice(0, 5)).toEqual(['指标', '本期', '上年同期', '增减', '同比']);
    // 同比 +600% as the number 6 shown with a signed percentage format.
    expect(rows.find((r) => r[0] === '死亡人数（含失踪）')!.slice(1, 5)).toEqual([21, 3, 18, 6]);
  });

  it('flags units for the 一票否决 and drops an accident found free of liability', async () => {
    const v = await ok('/api/stats/accidents/veto?year=2026');
    const flagged = () => v.items.map((i: { kind: string; regionCode: string }) => `${i.kind}:${i.regionCode}`);
    expect(flagged()).toEqual(['region:130123', 'region:130123100', 'region:130123102', 'enterprise:130123102']);
    expect(v.items[1]).toMatchObject({ major: 2, seriousOrAbove: 0, undetermined: 2, reason: { zh: '发生较大责任事故2起' } });
    const cleared = await t.request({ method: 'PUT', url: `/api/accidents/${ids[1]}/investigation`, cookie: county, payload: { liability: false } });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const after = await ok('/api/stats/accidents/veto?year=2026');
    expect(after.items.map((i: { regionCode: string }) => i.regionCode)).not.toContain('130123100');
  });
});

describe('control indicators (控制指标)', () => {
  const setCap = (cookie: string, path: string, cap: unknown) => t.request({ method: 'PUT', url: `/api/indicators/${path}`, cookie, payload: { cap } });

  it('are set by the level above, never for one’s own region', async () => {
    expect((await setCap(county, '130123/2026/deaths_total', 30)).statusCode).toBe(403);
    expect((await setCap(township, '130123100/2026/deaths_total', 3)).statusCode).toBe(403);
    const set = await setCap(city, '130123/2026/deaths_total', 30);
    expect(set.statusCode, set.body).toBe(200);
    expect((await setCap(county, '130123100/2026/deaths_total', 10)).statusCode).toBe(200);
    expect((await setCap(city, '130123/2026/deaths_industrial', 12)).statusCode).toBe(200);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'object_id']).where('action', '=', 'indicator.set').execute();
    expect(audit.map((a) => a.object_id)).toContain('130123/2026/deaths_total');
  });

  it('show consumption against the share of the year gone', async () => {
    const table = await ok('/api/indicators?year=2026');
    expect(table.asOf).toBe('2026-06-15');
    const self = table.rows[0];
    expect(self).toMatchObject({ self: true, region: { code: '130123' }, actions: [] });
    expect(self.items.find((i: { metric: string }) => i.metric === 'deaths_total')).toMatchObject({ cap: 30, actual: 21, percent: 70, percentText: '70%', ahead: true, exceeded: false, setBy: { orgId: cityOrg, orgName: '石家庄市安委办' } });
    const town = table.rows.find((r: { region: { code: string } }) => r.region.code === '130123100');
    expect(town).toMatchObject({ self: false, actions: ['set'] });
    expect(town.items.find((i: { metric: string }) => i.metric === 'deaths_total')).toMatchObject({ cap: 10, actual: 8, percentText: '80%' });
    const s = await ok('/api/stats/accidents');
    expect(s.indicators.map((i: { metric: string; actual: number; percentText: string }) => [i.metric, i.actual, i.percentText])).toEqual([
      ['deaths_industrial', 7, '58.3%'],
      ['deaths_total', 21, '70%'],
    ]);
    expect(s.indicators[0].yearProgressPercent).toBe(45.5);
  });

  it('refuses bad caps and regions naming the field', async () => {
    const cases: [string, unknown, number, string][] = [
      ['130123100/2026/deaths_everything', 3, 400, 'params.metric'],
      ['130123100/1999/deaths_total', 3, 400, 'params.year'],
      ['130123100/2026/deaths_total', -1, 400, 'body.cap'],
      ['130123100/2026/deaths_total', 2.5, 400, 'body.cap'],
      ['130125100/2026/deaths_total', 3, 404, 'params.regionCode'],
    ];
    for (const [path, cap, status, field] of cases) {
      const res = await setCap(county, path, cap);
      expect([res.statusCode, res.json().details?.[0]?.field], path).toEqual([status, field]);
    }
  });
});
