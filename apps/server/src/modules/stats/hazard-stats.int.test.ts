import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { tableOf } from '../../test/xlsx-tables.js';

let t: TestApp;
let city: string;
let department: string;

/**
 * A ledger built to known figures. 2026 (to 20 June) in 正定县 130123: found 8 (1 rejected not
 * counted → 7 found, 2 major), of which 4 closed; plus 2 found last December closed this
 * year. Same period of 2025: found 5 (1 major), 2 closed. 行唐县 130125: found 3 this year,
 * 0 last year. Open now in 正定县: 3 of this year's (1 overdue, 1 listed at county level).
 */
beforeAll(async () => {
  t = await createTestApp({ start: '2026-06-20T04:00:00Z' });
  const f = t.factories;
  city = await t.login((await f.user({ orgId: await f.org({ type: 'safety_committee_office', regionCode: '1301' }), roles: ['leader'] })).username);
  department = await t.login((await f.user({ orgId: await f.org({ type: 'department', regionCode: '130123', industries: ['urban_gas'] }), roles: ['department_staff'] })).username);
  const zd = '130123100';
  const closedThisYear = { status: 'closed', closed_on: '2026-05-01', closed_at: new Date('2026-05-01T04:00:00Z') };
  for (const h of [
    { found_on: '2026-01-10', ...closedThisYear, level: 'major' as const },
    { found_on: '2026-02-10', ...closedThisYear },
    { found_on: '2026-03-10', ...closedThisYear, industryCode: 'urban_gas' },
    { found_on: '2026-04-10', ...closedThisYear },
    { found_on: '2026-05-10', status: 'rectifying', deadline: '2026-06-10' }, // overdue
    { found_on: '2026-06-01', status: 'rectifying', deadline: '2026-07-01', level: 'major' as const, listed_level: 3, listed_region_code: '130123' },
    { found_on: '2026-06-15', status: 'reported' },
    { found_on: '2026-06-16', status: 'rejected' },
    { found_on: '2025-12-10', ...closedThisYear },
    { found_on: '2025-12-11', ...closedThisYear },
    // the same period last year
    { found_on: '2025-01-10', status: 'closed', closed_on: '2025-02-01', level: 'major' as const },
    { found_on: '2025-03-10', status: 'closed', closed_on: '2025-04-01', industryCode: 'urban_gas' },
    { found_on: '2025-04-10', status: 'closed', closed_on: '2025-07-01' }, // closed after the period: not in last year's closures, but closed now
    { found_on: '2025-05-10', status: 'rectifying', deadline: '2025-06-10' },
    { found_on: '2025-06-19', status: 'rectifying', deadline: '2025-07-10' },
    { found_on: '2025-06-21', status: 'closed', closed_on: '2025-06-30' }, // after 20 June: outside the compared period
  ]) {
    const { industryCode = 'construction', level = 'general', ...rest } = h as Record<string, unknown> & { industryCode?: string; level?: 'general' | 'major' };
    await f.hazard({ regionCode: zd, industryCode, level, ...rest });
  }
  for (const d of ['2026-02-01', '2026-03-01', '2026-04-01']) await f.hazard({ regionCode: '130125100', found_on: d });
});
afterAll(async () => t?.close());

const stats = async (query: string, cookie = city) => {
  const res = await t.request({ method: 'GET', url: `/api/stats/hazards?${query}`, cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('hazard statistics', () => {
  it('counts found, closed, major and the rectification rate with 同比, for the county', async () => {
    const s = await stats('regionCode=130123');
    expect(s.period).toMatchObject({ from: '2026-01-01', to: '2026-06-20' });
    expect(s.totals.found).toMatchObject({ current: 7, previous: 5, difference: 2, percent: 40 });
    expect(s.totals.major).toMatchObject({ current: 2, previous: 1, percentText: '+100%' });
    expect(s.totals.closed).toMatchObject({ current: 6, previous: 2 });
    expect(s.totals.rectificationRate).toMatchObject({ part: 4, whole: 7, percent: 57.1, previous: { part: 3, whole: 5, percent: 60 } });
    expect(s.totals.snapshot).toMatchObject({ open: 5, overdue: 3, listed: 1, listedByLevel: { county: 1 } });
    expect(s.byLevel.find((r: { key: string }) => r.key === 'major').found.current).toBe(2);
    expect(s.byIndustry.find((r: { key: string }) => r.key === 'urban_gas').found).toMatchObject({ current: 1, previous: 1 });
  });

  it('breaks the city down by county, each adding up', async () => {
    const s = await stats('regionCode=1301&period=ytd');
    expect(s.totals.found.current).toBe(10);
    const zd = s.byRegion.find((r: { code: string }) => r.code === '130123');
    const xt = s.byRegion.find((r: { code: string }) => r.code === '130125');
    expect(zd.found.current).toBe(7);
    expect(xt.found).toMatchObject({ current: 3, previous: 0, percent: null });
    expect(s.byRegion.reduce((sum: number, r: { found: { current: number } }) => sum + r.found.current, 0)).toBe(s.totals.found.current);
  });

  it('narrows a department to its industries', async () => {
    const s = await stats('regionCode=130123', department);
    expect(s.totals.found).toMatchObject({ current: 1, previous: 1 });
  });

  it('answers for a month and a custom range', async () => {
    expect((await stats('regionCode=130123&period=month&month=6')).totals.found.current).toBe(2);
    expect((await stats('regionCode=130123&period=custom&from=2026-01-01&to=2026-03-31')).totals.found.current).toBe(3);
  });

  it('equals a count from scratch over the ledger', async () => {
    const s = await stats('regionCode=1301');
    const row = await t.db.selectFrom('hazards').select((eb) => eb.fn.countAll<string>().as('n'))
      .where('region_code', 'like', '1301%').where('status', '!=', 'rejected').where('found_on', '>=', '2026-01-01').where('found_on', '<=', '2026-06-20').executeTakeFirstOrThrow();
    expect(s.totals.found.current).toBe(Number(row.n));
  });
});

describe('hazard statistics export', () => {
  it('writes the same figures to .xlsx with Chinese headers', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const res = await t.request({ method: 'GET', url: '/api/stats/hazards/export?regionCode=1301', cookie: city });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const total = book.getWorksheet('总体')!;
    // Closures and the rate each name their base, so neither is read as a share of the other.
    expect(tableOf(total).header).toEqual(expect.arrayContaining(['本期排查隐患数', '本期销号数（按销号日期，含往期发现）', '本期排查隐患整改率']));
    expect(tableOf(book.getWorksheet('实时情况')!).header).toEqual(expect.arrayContaining(['逾期未整改', '验收超期']));
    expect(tableOf(total).rows[0]![1]).toBe(10);
    const zd = tableOf(book.getWorksheet('按下级区划')!).rows.find((r) => r[0] === '130123')!;
    expect(zd[2]).toBe(7);
  });
});
