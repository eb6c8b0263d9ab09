import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../db/database.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';
import { loadXlsx, tableOf } from '../../test/xlsx-tables.js';
import { hazardWorld } from '../../modules/hazards/hazards.fixture.js';

/*
 * Every .xlsx export route, opened as a user's spreadsheet program would: the heading (title,
 * unit, region path, period, Beijing export time), the frozen header with its autofilter, dates
 * as Beijing dates (the clock stands at 17:30 UTC, already 01:30 the next day in Beijing),
 * numbers as numeric cells with a number format, and the file name.
 */
const NOW = '2026-06-01T17:30:00Z';
const BEIJING_NOW = '2026-06-02 01:30';

let t: TestApp;
let w: Awaited<ReturnType<typeof hazardWorld>>;
let owner: { db: Database; close(): Promise<void> };
let unit: string;

beforeAll(async () => {
  t = await createTestApp({ start: NOW });
  w = await hazardWorld(t);
  owner = createDatabase(t.ownerDatabaseUrl, { max: 1 });
  unit = (await owner.db.selectFrom('orgs').select('name').where('id', '=', w.org.county).executeTakeFirstOrThrow()).name;
  // Assigned without a plan: 整改措施 has to come from the unit's own report.
  const id = await w.assigned({ title: '导出测试隐患' });
  const photo = await w.upload(w.people.officer.cookie);
  expect((await w.post(w.people.officer.cookie, `/api/hazards/${id}/submit-for-acceptance`, { photos: [photo], comment: '已更换全部过期灭火器' })).statusCode).toBe(200);
  expect((await w.post(w.people.town.cookie, `/api/hazards/${id}/accept`, { password: TEST_PASSWORD })).statusCode).toBe(200);
  const e = await t.factories.enterprise({ regionCode: '130123100001', name: '导出测试建材有限公司', industries: ['construction'] });
  await owner.db.updateTable('enterprises').set({ created_at: new Date(NOW) }).where('org_id', '=', e.id).execute();
});
afterAll(async () => { await owner?.close(); await t?.close(); });

const LISTS = ['problems', 'rectification', 'responsibility', 'investigation', 'cases', 'penalties', 'accountability'];
const EXPORTS: { url: string; file: RegExp }[] = [
  ...LISTS.map((list) => ({ url: `/api/hazard-lists/${list}/export?from=2026-06-01&to=2026-06-30`, file: /^[^_]+清单_正定县_2026-06-01至2026-06-30\.xlsx$/ })),
  // The running month ends today (Beijing): 2 June.
  { url: '/api/stats/hazards/export?period=month&year=2026&month=6', file: /^隐患统计_正定县_2026-06-01至2026-06-02\.xlsx$/ },
  { url: '/api/stats/accidents/export?period=month&year=2026&month=6', file: /^事故统计_正定县_2026-06-01至2026-06-02\.xlsx$/ },
  { url: '/api/enterprises/export', file: /^企业名录_正定县_截至2026-06-02\.xlsx$/ },
];

const fileName = (disposition: string) => decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)![1]!);

async function exported(url: string): Promise<{ name: string; book: ExcelJS.Workbook }> {
  const res = await t.request({ method: 'GET', url, cookie: w.people.county.cookie });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const disposition = String(res.headers['content-disposition']);
  expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
  return { name: fileName(disposition), book: await loadXlsx(res.rawPayload) };
}

describe('every .xlsx export', () => {
  it('is listed here: no export route goes untested', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.keys(doc.paths).filter((p) => /\/export$/.test(p));
    // The audit log's export (audit.read only) goes through the same writer; its heading, file
    // name and cells are checked in platform/audit/audit-log.int.test.ts.
    expect(routes.sort()).toEqual(['/api/audit/export', '/api/enterprises/export', '/api/hazard-lists/{list}/export', '/api/stats/accidents/export', '/api/stats/hazards/export']);
  });

  it.each(EXPORTS)('$url: heading, frozen header, autofilter, typed cells, file name', async ({ url, file }) => {
    const { name, book } = await exported(url);
    expect(name).toMatch(file);
    for (const sheet of book.worksheets) {
      const { headerRow, header } = tableOf(sheet);
      expect(headerRow, sheet.name).toBeGreaterThanOrEqual(3);
      const heading = Array.from({ length: headerRow - 1 }, (_, i) => String(sheet.getRow(i + 1).getCell(1).value ?? '')).join('\n');
      expect(heading).toContain(`导出单位：${unit}`);
      expect(heading).toContain('范围：河北省/石家庄市/正定县');
      expect(heading).toMatch(url.includes('enterprises') ? /期间：全部/ : url.includes('stats') ? /期间：2026-06-01 至 2026-06-02/ : /期间：2026-06-01 至 2026-06-30/);
      expect(heading).toContain(`导出时间：${BEIJING_NOW}（北京时间）`);
      expect(sheet.getRow(headerRow).font?.bold).toBe(true);
      expect(header.every((h) => typeof h === 'string' && h.length > 0)).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
      const filter = sheet.autoFilter as unknown as string | { from: string } | undefined;
      expect(String(typeof filter === 'string' ? filter : filter?.from), `${sheet.name} autofilter`).toMatch(new RegExp(`^A${headerRow}\\b`));
      for (let c = 1; c <= header.length; c++) expect(sheet.getColumn(c).width ?? 0, `${sheet.name} column ${c}`).toBeGreaterThanOrEqual(6);
    }
  });
});

/** Every cell of a column below the header. */
const column = (sheet: ExcelJS.Worksheet, header: string) => {
  const { headerRow, header: names } = tableOf(sheet);
  const col = names.indexOf(header) + 1;
  expect(col, header).toBeGreaterThan(0);
  const cells: ExcelJS.Cell[] = [];
  for (let n = headerRow + 1; n <= sheet.rowCount; n++) cells.push(sheet.getRow(n).getCell(col));
  return cells;
};

describe('cells', () => {
  it('验收时间 is the Beijing date and time, as an Excel date', async () => {
    const { book } = await exported('/api/hazard-lists/responsibility/export');
    const [accepted] = column(book.worksheets[0]!, '验收时间');
    expect(accepted!.value).toBeInstanceOf(Date);
    // Accepted at 17:30 UTC on 1 June: in Beijing it is 2 June, 01:30.
    expect((accepted!.value as Date).toISOString()).toBe('2026-06-02T01:30:00.000Z');
    expect(accepted!.numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('发现日期 and 整改期限 are dates; 整改措施 carries the 整改情况说明 when no plan was given', async () => {
    const problems = (await exported('/api/hazard-lists/problems/export')).book.worksheets[0]!;
    const [found] = column(problems, '发现日期');
    // A business date (the day found, as entered) stays that day.
    expect((found!.value as Date).toISOString()).toBe('2026-06-01T00:00:00.000Z');
    expect(found!.numFmt).toBe('yyyy-mm-dd');
    const rectification = (await exported('/api/hazard-lists/rectification/export')).book.worksheets[0]!;
    expect(column(rectification, '整改措施').map((c) => c.value)).toContain('整改情况说明：已更换全部过期灭火器');
    const [deadline] = column(rectification, '整改期限');
    expect((deadline!.value as Date).toISOString().slice(0, 10)).toBe('2026-06-15');
  });

  it('statistics: counts and money are numbers, changes and rates are percentages', async () => {
    const hazards = (await exported('/api/stats/hazards/export?period=month&year=2026&month=6')).book;
    const total = hazards.getWorksheet('总体')!;
    const [found] = column(total, '本期排查隐患数');
    expect(found!.value).toBe(1);
    expect(found!.numFmt).toBe('#,##0');
    const [rate] = column(total, '本期排查隐患整改率');
    expect(rate!.value).toBe(1);
    expect(rate!.numFmt).toBe('0.00%');

    const accidents = (await exported('/api/stats/accidents/export?period=month&year=2026&month=6')).book;
    const byGrade = accidents.getWorksheet('按等级')!;
    for (const cell of column(byGrade, '起数')) {
      expect(typeof cell.value).toBe('number');
      expect(cell.numFmt).toBe('#,##0');
    }
    for (const cell of column(byGrade, '直接经济损失（元）')) expect(cell.numFmt).toBe('#,##0.00');
  });

  it('enterprise export: 登记时间 in Beijing time, coordinates as numbers', async () => {
    const sheet = (await exported('/api/enterprises/export')).book.getWorksheet('企业名录')!;
    const { rows, header } = tableOf(sheet);
    const i = rows.findIndex((r) => r[0] === '导出测试建材有限公司');
    expect(i).toBeGreaterThanOrEqual(0);
    const created = column(sheet, '登记时间')[i]!;
    expect((created.value as Date).toISOString()).toBe('2026-06-02T01:30:00.000Z');
    expect(created.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(header.indexOf('纬度')).toBeGreaterThan(0);
  });
});
