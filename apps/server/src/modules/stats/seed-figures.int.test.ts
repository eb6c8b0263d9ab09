import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

/*
 * The seeds' worked figures (domain §5), from accident rows loaded through the API. Each
 * accident's deaths fit its grade (较大: 3–9, 一般: ≤ 2); a few reach their figures by a
 * supplement, one supplement falls outside its window, and accidents just outside each
 * period (Shanghai midnight) prove which date decides.
 */
let t: TestApp;
let shanxi: string;
let hebei: string;
let hebeiHousing: string;
let constructionCount = 0;

type Item = Record<string, unknown> & { occurredAt: string };

/** The i-th of n dates spread over [from, to] (inclusive days), at 10:00 Shanghai. */
function spread(i: number, n: number, year: number, firstMonth: number, lastMonthEnd: [number, number]): string {
  const start = Date.UTC(year, firstMonth - 1, 1);
  const end = Date.UTC(year, lastMonthEnd[0] - 1, lastMonthEnd[1]);
  const days = Math.round((end - start) / 86_400_000) + 1;
  return new Date(start + Math.floor((i * days) / n) * 86_400_000 + 2 * 3_600_000).toISOString();
}

function accidents(o: { year: number; to: [number, number]; deaths: number[]; counties: string[]; category: string | ((i: number) => string); industry?: (i: number) => string | undefined; tag: string }): Item[] {
  return o.deaths.map((deaths, i) => {
    const category = typeof o.category === 'string' ? o.category : o.category(i);
    const industry = o.industry?.(i) ?? (category === 'road_traffic' ? 'road_transport' : undefined);
    return {
      occurredAt: spread(i, o.deaths.length, o.year, 1, o.to),
      regionCode: o.counties[(i * 7) % o.counties.length]!,
      place: `${o.tag}-${i}`,
      category,
      ...(industry ? { industryCode: industry } : {}),
      deaths,
      // An accident without deaths still has casualties.
      seriousInjuries: deaths === 0 ? 1 : 0,
      minorInjuries: 2,
      directLossYuan: 200_000 * (deaths + 1),
      summary: `${o.tag} 第${i + 1}起`,
    };
  });
}
const times = (n: number, deaths: number) => Array<number>(n).fill(deaths);

async function load(cookie: string, items: Item[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < items.length; i += 500) {
    const res = await t.request({ method: 'POST', url: '/api/accidents/batch', cookie, payload: { items: items.slice(i, i + 500) } });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    ids.push(...res.json().ids);
  }
  return ids;
}

async function counties(province: string): Promise<string[]> {
  const rows = await t.db.selectFrom('regions').select('code').where('level', '=', 3).where('code', 'like', `${province}%`).orderBy('code').execute();
  return rows.map((r) => r.code);
}

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-20T04:00:00Z' });
  const f = t.factories;
  shanxi = await t.login((await f.user({ orgId: await f.org({ type: 'safety_committee_office', regionCode: '14' }), roles: ['committee_office_staff'] })).username);
  hebei = await t.login((await f.user({ orgId: await f.org({ type: 'safety_committee_office', regionCode: '13' }), roles: ['committee_office_staff'] })).username);
  hebeiHousing = await t.login((await f.user({ orgId: await f.org({ type: 'department', regionCode: '13', industries: ['construction'] }), roles: ['department_staff'] })).username);

  // Shanxi, Jan–May: this year 208 / 255 (较大 12 / 44), last year 156 / 183 (较大 5 / 16).
  const sx = await counties('14');
  const road = (i: number) => (i % 3 === 0 ? 'road_traffic' : 'industrial_mining_trade');
  const sxMajor = accidents({ year: 2026, to: [5, 31], deaths: [2, 2, ...times(6, 3), ...times(4, 5)], counties: sx, category: 'industrial_mining_trade', industry: () => 'coal_mine', tag: '晋26较大' });
  const sxOrdinary = accidents({ year: 2026, to: [5, 31], deaths: [...times(15, 2), ...times(181, 1)], counties: sx, category: road, tag: '晋26一般' });
  // The period's edges in Shanghai time: 1 January 00:30 and 31 May 23:59 count.
  sxOrdinary[0]!.occurredAt = '2025-12-31T16:30:00Z';
  sxOrdinary[1]!.occurredAt = '2026-05-31T15:59:00Z';
  const sxLast = [
    ...accidents({ year: 2025, to: [5, 31], deaths: [3, 3, 3, 3, 4], counties: sx, category: 'industrial_mining_trade', industry: () => 'coal_mine', tag: '晋25较大' }),
    ...accidents({ year: 2025, to: [5, 31], deaths: [...times(16, 2), ...times(135, 1)], counties: sx, category: road, tag: '晋25一般' }),
  ];
  sxLast[5]!.occurredAt = '2024-12-31T16:00:00Z';
  // Just outside: 1 June 00:00 Shanghai, and 31 December 2025 23:30.
  const outside = accidents({ year: 2026, to: [5, 31], deaths: [7, 7, 7], counties: sx, category: 'fire', tag: '期外' });
  outside[0]!.occurredAt = '2026-05-31T16:00:00Z';
  outside[1]!.occurredAt = '2025-12-31T15:30:00Z';
  outside[2]!.occurredAt = '2025-05-31T16:00:00Z';
  const [majorIds, ordinaryIds] = [await load(shanxi, sxMajor), await load(shanxi, sxOrdinary)];
  await load(shanxi, [...sxLast, ...outside]);
  const supplement = (id: string, occurredAt: string, days: number, deaths: number) => t.request({
    method: 'POST', url: `/api/accidents/${id}/supplements`, cookie: shanxi,
    payload: { changedAt: new Date(Date.parse(occurredAt) + days * 86_400_000).toISOString(), deaths, minorInjuries: 2, directLossYuan: 200_000 * (deaths + 1) },
  });
  // Two reach 较大 by a supplement inside the window; one change after its window counts for nothing.
  for (const i of [0, 1]) expect((await supplement(majorIds[i]!, sxMajor[i]!.occurredAt, 2, 3)).json().grade.code).toBe('major');
  expect((await supplement(ordinaryIds[5]!, sxOrdinary[5]!.occurredAt, 40, 5)).json().supplements[0].counted).toBe(false);

  // Hebei, Jan–Oct: this year 1113 / 798, last year 1190 / 857.
  const hb = await counties('13');
  const cmm = (i: number) => ['construction', 'metallurgy', 'machinery'][i % 3]!;
  const otherIndustrial = (i: number) => ['coal_mine', 'hazardous_chemicals', 'non_coal_mine'][i % 3]!;
  const other = (i: number) => ['road_traffic', 'fire', 'waterway', 'other'][i % 4]!;
  const hbThis = [
    ...accidents({ year: 2026, to: [10, 31], deaths: [3, 3, 3, 3, 4, 4], counties: hb, category: 'industrial_mining_trade', industry: cmm, tag: '冀26工贸较大' }),
    ...accidents({ year: 2026, to: [10, 31], deaths: [...times(5, 2), ...times(58, 1)], counties: hb, category: 'industrial_mining_trade', industry: cmm, tag: '冀26工贸一般' }),
    ...accidents({ year: 2026, to: [10, 31], deaths: [4, 4, 4], counties: hb, category: 'industrial_mining_trade', industry: otherIndustrial, tag: '冀26矿化较大' }),
    ...accidents({ year: 2026, to: [10, 31], deaths: [...times(3, 2), ...times(19, 1)], counties: hb, category: 'industrial_mining_trade', industry: otherIndustrial, tag: '冀26矿化一般' }),
    ...accidents({ year: 2026, to: [10, 31], deaths: [5, 6, 6, 6], counties: hb, category: other, tag: '冀26其他较大' }),
    ...accidents({ year: 2026, to: [10, 31], deaths: [...times(100, 2), ...times(450, 1), ...times(465, 0)], counties: hb, category: other, tag: '冀26其他一般' }),
  ];
  const hbLast = [
    ...accidents({ year: 2025, to: [10, 31], deaths: [4, 4, 4, 5], counties: hb, category: 'industrial_mining_trade', industry: cmm, tag: '冀25工贸较大' }),
    ...accidents({ year: 2025, to: [10, 31], deaths: [...times(10, 2), ...times(90, 1)], counties: hb, category: 'industrial_mining_trade', industry: otherIndustrial, tag: '冀25工贸一般' }),
    ...accidents({ year: 2025, to: [10, 31], deaths: [...times(11, 4), 5, 5], counties: hb, category: other, tag: '冀25其他较大' }),
    ...accidents({ year: 2025, to: [10, 31], deaths: [...times(100, 2), ...times(476, 1), ...times(497, 0)], counties: hb, category: other, tag: '冀25其他一般' }),
  ];
  // November is outside Jan–Oct.
  const november = accidents({ year: 2026, to: [10, 31], deaths: [9, 9], counties: hb, category: 'industrial_mining_trade', industry: () => 'construction', tag: '冀26十一月' })
    .map((a, i) => ({ ...a, occurredAt: `2026-11-0${i + 1}T02:00:00Z` }));
  constructionCount = hbThis.filter((a) => a.industryCode === 'construction').length;
  await load(hebei, [...hbThis, ...hbLast, ...november]);
}, 240_000);
afterAll(async () => t?.close());

const stats = async (cookie: string, query: string) => {
  const res = await t.request({ method: 'GET', url: `/api/stats/accidents?${query}`, cookie });
  expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
  return res.json();
};
const pick = (f: { current: number; previous: number; difference: number; percent: number | null; percentText: string | null }) => [f.current, f.previous, f.difference, f.percent, f.percentText];

describe('Shanxi, January to May (seed 000)', () => {
  it('208 accidents, 255 deaths: +33.33%, +39.34%; 较大 12 and 44: +140%, +175%', async () => {
    const s = await stats(shanxi, 'regionCode=14&period=custom&from=2026-01-01&to=2026-05-31&decimals=2');
    expect(s.samePeriodLastYear).toMatchObject({ from: '2025-01-01', to: '2025-05-31' });
    expect(pick(s.totals.accidents)).toEqual([208, 156, 52, 33.33, '+33.33%']);
    expect(pick(s.totals.deaths)).toEqual([255, 183, 72, 39.34, '+39.34%']);
    const major = s.byGrade.find((g: { key: string }) => g.key === 'major');
    expect(pick(major.accidents)).toEqual([12, 5, 7, 140, '+140%']);
    expect(pick(major.deaths)).toEqual([44, 16, 28, 175, '+175%']);
    expect(s.totals.accidents.description).toEqual({ zh: '同比上升33.33%', en: 'up 33.33% year on year' });
    expect(s.doubleRise).toBe(true);
  });

  it('gives the same figures as the ledger, row by row', async () => {
    const rows: { occurredOn: string; grade: { code: string }; figures: { deathsIncludingMissing: number } }[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.request({ method: 'GET', url: `/api/accidents?regionCode=14&from=2026-01-01&to=2026-05-31&limit=200${cursor ? `&cursor=${cursor}` : ''}`, cookie: shanxi });
      rows.push(...res.json().items);
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(rows).toHaveLength(208);
    expect(rows.reduce((sum, r) => sum + r.figures.deathsIncludingMissing, 0)).toBe(255);
    expect(rows.filter((r) => r.grade.code === 'major')).toHaveLength(12);
  });

  it('adds up: every breakdown sums to the totals', async () => {
    const s = await stats(shanxi, 'regionCode=14&period=custom&from=2026-01-01&to=2026-05-31');
    for (const key of ['byGrade', 'byCategory', 'byIndustry', 'byRegion'] as const) {
      const sum = (m: 'accidents' | 'deaths') => s[key].reduce((n: number, r: Record<string, { current: number; previous: number }>) => n + r[m]!.current, 0);
      expect([sum('accidents'), sum('deaths')], key).toEqual([208, 255]);
    }
    expect(s.byRegion.map((r: { rank: number }) => r.rank)).toEqual([...s.byRegion.map((r: { rank: number }) => r.rank)].sort((a, b) => a - b));
    expect(s.byRegion[0].deaths.current).toBe(Math.max(...s.byRegion.map((r: { deaths: { current: number } }) => r.deaths.current)));
  });
});

describe('Hebei, January to October (seed 004)', () => {
  const q = 'regionCode=13&period=custom&from=2026-01-01&to=2026-10-31&decimals=1';

  it('1113 accidents −6.5%, 798 deaths −6.9%; 较大 13 and 55: −23.5%, −22.5%', async () => {
    const s = await stats(hebei, q);
    expect(pick(s.totals.accidents)).toEqual([1113, 1190, -77, -6.5, '-6.5%']);
    expect(pick(s.totals.deaths)).toEqual([798, 857, -59, -6.9, '-6.9%']);
    const major = s.byGrade.find((g: { key: string }) => g.key === 'major');
    expect(pick(major.accidents)).toEqual([13, 17, -4, -23.5, '-23.5%']);
    expect(pick(major.deaths)).toEqual([55, 71, -16, -22.5, '-22.5%']);
    expect(s.totals.accidents.description.zh).toBe('同比下降6.5%');
    expect(s.doubleRise).toBe(false);
    expect(s.byRegion.every((r: { level: number }) => r.level === 2)).toBe(true);
  });

  it('工矿商贸 较大 9 and 32: +125%, +88.2%', async () => {
    const s = await stats(hebei, `${q}&category=industrial_mining_trade`);
    expect([s.totals.accidents.current, s.totals.deaths.current]).toEqual([94, 125]);
    const major = s.byGrade.find((g: { key: string }) => g.key === 'major');
    expect(pick(major.accidents)).toEqual([9, 4, 5, 125, '+125%']);
    expect(pick(major.deaths)).toEqual([32, 17, 15, 88.2, '+88.2%']);
  });

  it('construction + metallurgy/machinery: 69 accidents and 88 deaths, 73.4% and 70.4% of 工矿商贸', async () => {
    const s = await stats(hebei, `${q}&category=industrial_mining_trade&industry=construction,metallurgy,machinery`);
    expect([s.totals.accidents.current, s.totals.deaths.current]).toEqual([69, 88]);
    expect(s.shareOfBase).toEqual({
      accidents: { part: 69, whole: 94, percent: 73.4, percentText: '73.4%' },
      deaths: { part: 88, whole: 125, percent: 70.4, percentText: '70.4%' },
    });
    expect(s.filter).toEqual({ category: 'industrial_mining_trade', industries: ['construction', 'metallurgy', 'machinery'], grade: null });
  });

  it('counts for an industry department only the industries it supervises', async () => {
    const s = await stats(hebeiHousing, q);
    expect(s.scopeIndustries).toEqual(['construction']);
    expect(s.totals.accidents.current).toBe(constructionCount);
    expect(s.byIndustry.map((r: { key: string }) => r.key)).toEqual(['construction']);
  });
});
