import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { loadXlsx, tableOf } from '../../test/xlsx-tables.js';
import { caseWorld, FINE, RECTIFY } from './cases.fixture.js';

/*
 * The 案件查办清单 and 违法企业处罚清单 of 一个台账四个清单 (GET /api/hazard-lists/cases|penalties
 * and their .xlsx exports) list the cases module's records, scoped as the case routes are.
 */

let t: TestApp;
let w: Awaited<ReturnType<typeof caseWorld>>;
type Row = Record<string, string | number | null>;
const ODD_FINE = { ...FINE, amountFen: 1_234_567 };
const CONFISCATE = { kind: 'confiscate', amountFen: 10_001, legalBasis: '《中华人民共和国安全生产法》第九十四条' };
let housingCase: string;
let siblingCase: string;
let otherEnterpriseCase: string;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-03-02T02:00:00Z' });
  w = await caseWorld(t);
  // In scope of 正定县应急管理局: five cases of two enterprises, three decided (five measures), one executed.
  const executed = await w.decided([ODD_FINE, RECTIFY]);
  const paid = await w.post(w.people.staff.cookie, `/api/cases/${executed}/serve`, { servedOn: '2026-03-02', method: 'direct', recipient: '王经理' });
  expect(paid.statusCode, paid.body).toBe(200);
  const exec = await w.post(w.people.staff.cookie, `/api/cases/${executed}/execute`, { paidFen: 1_234_567, paidOn: '2026-03-02', note: '已缴清' });
  expect(exec.statusCode, exec.body).toBe(200);
  await w.decided([FINE]);
  const other = await t.factories.enterprise({ regionCode: '130123100001', name: '正定县宏达冶金有限公司', industries: ['metallurgy'] });
  otherEnterpriseCase = await w.decided([CONFISCATE, RECTIFY], other.id);
  for (const cause of ['未如实记录安全生产教育培训情况', '特种作业人员未持证上岗']) {
    const res = await w.post(w.people.staff.cookie, '/api/cases', { enterpriseId: w.enterprise.id, cause, filedOn: '2026-02-20' });
    expect(res.statusCode, res.body).toBe(201);
  }
  // Out of 应急管理局's scope: 住建局's case about a construction company, and 行唐县's case.
  const builder = await t.factories.enterprise({ regionCode: '130123100001', name: '正定县建工集团有限公司', industries: ['construction'] });
  housingCase = (await w.post(w.people.housing.cookie, '/api/cases', { enterpriseId: builder.id, cause: '施工现场未设置安全警示标志' })).json().id;
  const far = await t.factories.enterprise({ regionCode: '130125100001', name: '行唐县某化工厂', industries: ['hazardous_chemicals'] });
  siblingCase = (await w.post(w.people.sibling.cookie, '/api/cases', { enterpriseId: far.id, cause: '未按规定进行安全评价' })).json().id;
  expect(housingCase).toBeTruthy();
  expect(siblingCase).toBeTruthy();
});
afterAll(async () => t?.close());

/** Every row of a list, page by page at `limit` rows a page; also how many pages it took. */
async function allRows(cookie: string, list: string, limit: number, query = '') {
  const rows: Row[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await w.get(cookie, `/api/hazard-lists/${list}?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { rows: Row[]; nextCursor: string | null; note: unknown };
    expect(page.note).toBeNull();
    rows.push(...page.rows);
    cursor = page.nextCursor;
    pages++;
  } while (cursor);
  return { rows, pages };
}

describe('案件查办清单', () => {
  it('lists exactly the cases the case routes show, across page boundaries, newest first', async () => {
    const viaCases = (await w.get(w.people.staff.cookie, '/api/cases')).json().items as { id: string; number: string; fineFen: number }[];
    expect(viaCases).toHaveLength(5);
    const { rows, pages } = await allRows(w.people.staff.cookie, 'cases', 2);
    expect(pages).toBe(3);
    expect(rows.map((r) => r.caseId).sort()).toEqual(viaCases.map((c) => c.id).sort());
    expect(new Set(rows.map((r) => r.caseId)).size).toBe(5);
    for (const c of viaCases) {
      const row = rows.find((r) => r.caseId === c.id)!;
      expect(row.caseNo).toBe(c.number);
      expect(row.amount).toBe(c.fineFen > 0 ? c.fineFen / 100 : null);
    }
    expect(rows.map((r) => r.filedOn)).toEqual([...rows.map((r) => r.filedOn)].sort().reverse());
    expect(rows.slice(-2).map((r) => r.filedOn)).toEqual(['2026-02-20', '2026-02-20']);
    // The same rows whatever the page size.
    expect((await allRows(w.people.staff.cookie, 'cases', 500)).rows).toEqual(rows);
  });

  it('fills the columns a county office files', async () => {
    const { rows } = await allRows(w.people.staff.cookie, 'cases', 100);
    const other = rows.find((r) => r.caseId === otherEnterpriseCase)!;
    expect(other).toMatchObject({ enterprise: '正定县宏达冶金有限公司', region: expect.any(String), status: '已决定', measures: '没收违法所得、责令限期整改', amount: 100.01, decidedOn: '2026-03-02', closedOn: null, overdue: '否' });
    const filed = rows.filter((r) => r.filedOn === '2026-02-20');
    expect(filed.map((r) => r.status)).toEqual(['立案', '立案']);
    expect(filed.every((r) => r.measures === null && r.amount === null && r.decidedOn === null)).toBe(true);
  });

  it('filters by region and filing period', async () => {
    expect((await allRows(w.people.staff.cookie, 'cases', 100, '&from=2026-03-01')).rows).toHaveLength(3);
    expect((await allRows(w.people.staff.cookie, 'cases', 100, '&to=2026-02-28')).rows).toHaveLength(2);
    expect((await allRows(w.people.staff.cookie, 'cases', 100, '&regionCode=130123100001')).rows).toHaveLength(5);
    expect((await allRows(w.people.staff.cookie, 'cases', 100, '&regionCode=130123102')).rows).toHaveLength(0);
  });

  it('shows no case outside the scope: other industries, another county, another enterprise', async () => {
    const ids = (await allRows(w.people.staff.cookie, 'cases', 100)).rows.map((r) => r.caseId);
    expect(ids).not.toContain(housingCase);
    expect(ids).not.toContain(siblingCase);
    expect((await allRows(w.people.housing.cookie, 'cases', 100)).rows.map((r) => r.caseId)).toEqual([housingCase]);
    expect((await allRows(w.people.sibling.cookie, 'cases', 100)).rows.map((r) => r.caseId)).toEqual([siblingCase]);
    const own = (await allRows(w.people.enterprise.cookie, 'cases', 100)).rows;
    expect(own).toHaveLength(4);
    expect(own.every((r) => r.enterprise === '正定县恒泰化工有限公司')).toBe(true);
    // The page flags a blacklisted enterprise by its id (never written to the export).
    expect(own.every((r) => r.enterpriseId === w.enterprise.id)).toBe(true);
    // The county's 安委办 (a leader) sees every case of the county, none of the next one.
    expect((await allRows(w.people.leader.cookie, 'cases', 100)).rows.map((r) => r.caseId).sort()).toEqual([...ids, housingCase].sort());
  });

  it('refuses a user without case.read, and a cursor that is not this list’s key, with a 4xx', async () => {
    const township = await t.factories.org({ type: 'township_government', regionCode: '130123100' });
    const u = await t.factories.user({ orgId: township, roles: ['township_staff'] });
    const cookie = await t.login(u.username);
    for (const url of ['/api/hazard-lists/cases', '/api/hazard-lists/penalties', '/api/hazard-lists/cases/export']) {
      const res = await w.get(cookie, url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await w.get(cookie, '/api/hazard-lists/problems')).statusCode).toBe(200);
    const cursor = (k: unknown[]) => Buffer.from(JSON.stringify(k)).toString('base64url');
    for (const bad of [cursor(['1']), cursor(['2026-02-30', 'x']), cursor(['2026-02-01', 5]), 'garbage']) {
      const res = await w.get(w.people.staff.cookie, `/api/hazard-lists/cases?cursor=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().details[0]).toMatchObject({ field: 'query.cursor', reason: 'invalid_cursor' });
    }
    expect((await w.get(w.people.staff.cookie, `/api/hazard-lists/penalties?cursor=${cursor(['2026-02-01', 'x', 1.5])}`)).statusCode).toBe(400);
    expect((await w.get(w.people.staff.cookie, `/api/hazard-lists/problems?cursor=${cursor(['x'])}`)).statusCode).toBe(400);
  });

  it('exports every row in scope with real dates and amounts in 元', async () => {
    const res = await w.get(w.people.staff.cookie, '/api/hazard-lists/cases/export');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const sheet = (await loadXlsx(res.rawPayload)).worksheets[0]!;
    expect(sheet.name).toBe('案件查办清单');
    const table = tableOf(sheet);
    expect(table.header).toEqual(['案号', '企业', '所在区划', '案由', '立案日期', '办理状态', '处罚措施', '罚没金额（元）', '决定日期', '结案日期', '是否超期']);
    const { rows } = await allRows(w.people.staff.cookie, 'cases', 100);
    expect(table.rows.map((r) => r[0])).toEqual(rows.map((r) => r.caseNo));
    const executedRow = table.rows.find((r) => r[7] === 12_345.67)!;
    expect(executedRow).toBeDefined();
    expect(executedRow[4]).toEqual(new Date(Date.UTC(2026, 2, 2)));
    expect(sheet.getRow(table.headerRow + 1 + table.rows.indexOf(executedRow)).getCell(8).numFmt).toBe('#,##0.00');
    expect(table.rows.map((r) => r[1])).not.toContain('正定县建工集团有限公司');
    expect(table.rows.map((r) => r[1])).not.toContain('行唐县某化工厂');
    const heading = (sheet.getRow(1).values as unknown[]).join('') + (sheet.getRow(2).values as unknown[]).join('');
    expect(heading).toContain('案件查办清单');
  });
});

describe('违法企业处罚清单', () => {
  it('lists one row per decided measure, paged, with amounts, basis and execution', async () => {
    const { rows, pages } = await allRows(w.people.staff.cookie, 'penalties', 2);
    expect(rows).toHaveLength(5);
    expect(pages).toBe(3);
    expect(new Set(rows.map((r) => r.id)).size).toBe(5);
    const fines = rows.filter((r) => r.kind === '罚款' || r.kind === '没收违法所得');
    expect(fines.map((r) => r.amount).sort()).toEqual([100.01, 12_345.67, 50_000]);
    const paidFine = rows.find((r) => r.amount === 12_345.67)!;
    expect(paidFine).toMatchObject({ enterprise: '正定县恒泰化工有限公司', legalBasis: FINE.legalBasis, decidedOn: '2026-03-02', execution: '已执行（2026-03-02，已缴纳罚没款 12,345.67 元）' });
    expect(rows.find((r) => r.amount === 50_000)!.execution).toBe('已决定，待送达');
    expect(rows.filter((r) => r.kind === '责令限期整改').every((r) => r.amount === null)).toBe(true);
    expect((await allRows(w.people.housing.cookie, 'penalties', 100)).rows).toEqual([]);
    expect((await allRows(w.people.staff.cookie, 'penalties', 100, '&to=2026-03-01')).rows).toEqual([]);
  });

  it('exports the same rows, amounts as numbers in 元', async () => {
    const res = await w.get(w.people.enterprise.cookie, '/api/hazard-lists/penalties/export');
    // An enterprise account reads its own cases but exports nothing (no hazard.export).
    expect(res.statusCode).toBe(403);
    const book = await loadXlsx((await w.get(w.people.leader.cookie, '/api/hazard-lists/penalties/export')).rawPayload);
    const table = tableOf(book.worksheets[0]!);
    expect(table.header).toEqual(['企业', '案号', '处罚种类', '罚款金额（元）', '法律依据', '决定日期', '执行情况']);
    expect(table.rows).toHaveLength(5);
    expect(table.rows.map((r) => r[3]).filter((v) => v !== undefined && v !== null).sort()).toEqual([100.01, 12_345.67, 50_000]);
  });
});
