import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../test/enterprise-workbooks.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { hazardWorld } from './hazards.fixture.js';
import { WRITE_BATCH } from './hazards.import-writer.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof hazardWorld>>;
let uscc: string;
let enterpriseId: string;
let siblingUscc: string;

const HEADER = '隐患名称,隐患等级,隐患来源,状态,行政区划代码,企业统一社会信用代码,行业,发现日期,整改期限,责任单位,责任人,销号日期,挂牌督办级别';

beforeAll(async () => {
  t = await createTestApp({ start: '2026-06-01T02:00:00Z' });
  w = await hazardWorld(t);
  const e = await t.factories.enterprise({ regionCode: '130123100002', name: '导入测试建材有限公司' });
  uscc = e.uscc;
  enterpriseId = e.id;
  siblingUscc = (await t.factories.enterprise({ regionCode: '130125100001' })).uscc;
});
afterAll(async () => t?.close());

const csv = (rows: string[], header = HEADER) => `${header}\n${rows.join('\n')}\n`;
const importCsv = (cookie: string, body: string | Buffer, contentType = 'text/csv; charset=utf-8', headers: Record<string, string> = {}) =>
  t.request({ method: 'POST', url: '/api/hazards/import', cookie, payload: body, headers: { 'content-type': contentType, 'x-filename': encodeURIComponent('台账.csv'), ...headers } });
const hazardCount = async () => Number((await t.db.selectFrom('hazards').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);

describe('importing a hazard ledger', () => {
  it('takes a good CSV whole: every hazard with one import event, one audit row', async () => {
    const before = await hazardCount();
    const rows = [
      `"脚手架连墙件缺失，""一号楼""东侧",一般,企业自查,已销号,130123100001,${uscc},建筑施工,2026-01-05,2026-01-20,恒安,张三,2026-01-18,`,
      `储罐区报警器失效,重大,监督检查/执法,整改中,130123100,,hazardous_chemicals,2026/5/1,2026-06-30,某化工,李四,,县级`,
      'Exit locked,general,public_report,reported,130123,,,2026-05-30,,,,,',
      '疏散通道堆放杂物,一般,大排查,不予认定,130123100001,,,2026-04-02,,,,,',
      `电梯超期未检验,一般,government_inspection,pending_acceptance,,${uscc},special_equipment,2026-05-10,2026-05-25,,,,`,
    ];
    const res = await importCsv(w.people.county.cookie, csv(rows));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().imported).toBe(5);
    expect(await hazardCount()).toBe(before + 5);

    const imported = await t.db.selectFrom('hazards').selectAll().where('reported_by', '=', w.people.county.id).orderBy('id').execute();
    expect(imported.map((h) => [h.title, h.status, h.region_code])).toEqual([
      ['脚手架连墙件缺失，"一号楼"东侧', 'closed', '130123100001'],
      ['储罐区报警器失效', 'rectifying', '130123100'],
      ['Exit locked', 'reported', '130123'],
      ['疏散通道堆放杂物', 'rejected', '130123100001'],
      ['电梯超期未检验', 'pending_acceptance', '130123100002'],
    ]);
    expect(imported[0]).toMatchObject({ enterprise_id: enterpriseId, industry_code: 'construction', closed_on: '2026-01-18', responsible_org_id: enterpriseId, version: 1 });
    expect(imported[1]).toMatchObject({ level: 'major', found_on: '2026-05-01', deadline: '2026-06-30', listed_level: 3, listed_region_code: '130123', assigned_by_org_id: w.org.county });
    expect(imported[4]).toMatchObject({ enterprise_id: enterpriseId, region_code: '130123100002' });

    const events = await t.db.selectFrom('hazard_events').select(['hazard_id', 'seq', 'action', 'to_status', 'comment']).where('hazard_id', 'in', imported.map((h) => h.id)).execute();
    expect(events).toHaveLength(5);
    expect(events.every((e) => e.seq === 1 && e.action === 'import' && e.comment === '批量导入：台账.csv')).toBe(true);
    const audit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'hazard.import').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ imported: 5, filename: '台账.csv', format: 'csv' });

    // The imported hazards are ordinary hazards: the loop goes on from where the ledger left it.
    const detail = (await t.request({ method: 'GET', url: `/api/hazards/${imported[4]!.id}`, cookie: w.people.county.cookie })).json();
    expect(detail.actions).toContain('accept');
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['import']);
  });

  it('reads an .xlsx workbook the same way', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('隐患台账');
    ws.addRow(HEADER.split(','));
    ws.addRow(['配电箱未接地', '一般', '企业自查', '已销号', '130123100001', '', '', new Date('2026-03-01'), '', '', '', new Date('2026-03-09'), '']);
    const { payload, headers } = multipart(Buffer.from(await wb.xlsx.writeBuffer()), '台账.xlsx');
    const res = await t.request({ method: 'POST', url: '/api/hazards/import', cookie: w.people.county.cookie, payload, headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().imported).toBe(1);
    const row = await t.db.selectFrom('hazards').select(['found_on', 'closed_on']).where('title', '=', '配电箱未接地').executeTakeFirstOrThrow();
    expect(row).toEqual({ found_on: '2026-03-01', closed_on: '2026-03-09' });
  });

  it('writes nothing from a half-bad file and names every bad row and field', async () => {
    const good = '合格行,一般,企业自查,已上报,130123100001,,,2026-05-01,,,,,';
    const rows = [
      good,                                                                        // row 2
      '等级错误,巨大,企业自查,已上报,130123100001,,,2026-05-01,,,,,',                  // row 3
      '日期错误,一般,企业自查,已上报,130123100001,,,2026-02-30,,,,,',                  // row 4
      '期限早于发现,一般,企业自查,整改中,130123100001,,,2026-05-01,2026-04-01,,,,',    // row 5
      '销号无日期,一般,企业自查,已销号,130123100001,,,2026-05-01,2026-05-10,,,,',      // row 6
      '邻县隐患,一般,企业自查,已上报,130125100001,,,2026-05-01,,,,,',                  // row 7: another county
      `邻县企业,一般,企业自查,已上报,,${siblingUscc},,2026-05-01,,,,,`,                // row 8: an enterprise out of scope
      '一般隐患挂牌,一般,企业自查,整改中,130123100001,,,2026-05-01,2026-06-01,,,,县级',  // row 9
      '未知行业,一般,企业自查,整改中,130123100001,,水下编篮,2026-05-01,,,,,',          // row 10: and no deadline
      good,                                                                        // row 11
    ];
    const before = await hazardCount();
    const res = await importCsv(w.people.county.cookie, csv(rows));
    expect(res.statusCode).toBe(422);
    const json = res.json();
    expect(json.message).toContain('共 10 行，其中 8 行有错误');
    expect(json.details.map((d: { field: string }) => d.field)).toEqual([
      'row 3: 隐患等级', 'row 4: 发现日期', 'row 5: 整改期限', 'row 6: 销号日期', 'row 7: 行政区划代码',
      'row 8: 企业统一社会信用代码', 'row 9: 挂牌督办级别', 'row 10: 行业', 'row 10: 整改期限',
    ]);
    expect(json.details[1].message).toBe('第4行 发现日期：“2026-02-30”不是有效日期（应为 YYYY-MM-DD）');
    expect(await hazardCount()).toBe(before);
  });

  it('writes a ledger larger than one batch whole, and nothing of one whose last row is bad', async () => {
    // Batches are written while later rows are still being read: the bad last row must undo them.
    const n = WRITE_BATCH * 2 + 7;
    const rows = Array.from({ length: n }, (_, i) => `批量隐患${i},一般,企业自查,${i % 2 ? '已上报' : '已核实'},130123100001,,,2026-05-01,,,,,`);
    const before = await hazardCount();
    const bad = await importCsv(w.people.county.cookie, csv([...rows, '等级错误,巨大,企业自查,已上报,130123100001,,,2026-05-01,,,,,']));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details.map((d: { field: string }) => d.field)).toEqual([`row ${n + 2}: 隐患等级`]);
    expect(await hazardCount()).toBe(before);
    const good = await importCsv(w.people.county.cookie, csv(rows));
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json().imported).toBe(n);
    expect(await hazardCount()).toBe(before + n);
    const { rows: [events] } = await sql<{ n: number }>`select count(*)::int as n from hazard_events e join hazards h on h.id = e.hazard_id
      where h.title like '批量隐患%' and e.action = 'import'`.execute(t.db);
    expect(events!.n).toBe(n);
  }, 60_000);

  it('caps the details but keeps the counts exact', async () => {
    const rows = Array.from({ length: 6_000 }, (_, i) => `坏行${i},一般,企业自查,已上报,130125,,,2026-05-01,,,,,`);
    const res = await importCsv(w.people.county.cookie, csv(rows));
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toContain('其中 6000 行有错误');
    expect(res.json().details).toHaveLength(5_001);
    expect(res.json().details.at(-1).message).toContain('另有 1000 处错误未列出');
  });

  it('keeps department staff to their industries and to their own region', async () => {
    const res = await importCsv(w.people.housing.cookie, csv([
      '化工隐患,一般,企业自查,已上报,130123100001,,危险化学品,2026-05-01,,,,,',
      '建筑隐患,一般,企业自查,已上报,130123100001,,建筑施工,2026-05-01,,,,,',
    ]));
    expect(res.statusCode).toBe(422);
    expect(res.json().details.map((d: { field: string; reason: string }) => [d.field, d.reason])).toEqual([['row 2: 行业', 'outside_department']]);
    const town = await importCsv(w.people.town.cookie, csv(['县级隐患,一般,企业自查,已上报,130123,,,2026-05-01,,,,,']));
    expect(town.statusCode).toBe(403);
  });

  it('refuses what is not a UTF-8 CSV or a workbook (415) and what is too large (413)', async () => {
    const json = await t.request({ method: 'POST', url: '/api/hazards/import', cookie: w.people.county.cookie, payload: { rows: [] } });
    expect(json.statusCode).toBe(415);
    expect((await importCsv(w.people.county.cookie, 'a,b', 'text/plain')).statusCode).toBe(415);
    const gbk = await importCsv(w.people.county.cookie, csv(['x,一般,企业自查,已上报,130123,,,2026-05-01,,,,,']), 'text/csv; charset=gbk');
    expect(gbk.statusCode).toBe(415);
    // 隐患 in GB18030: bytes that are not UTF-8.
    const bytes = Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from([0xd2, 0xfe, 0xbb, 0xbc]), Buffer.from(',一般,企业自查,已上报,130123,,,2026-05-01,,,,,\n')]);
    const notUtf8 = await importCsv(w.people.county.cookie, bytes);
    expect(notUtf8.statusCode).toBe(415);
    expect(notUtf8.json().details[0].reason).toBe('not_utf8');
    const big = await importCsv(w.people.county.cookie, csv([]), 'text/csv', { 'content-length': String(300 * 1024 * 1024) });
    expect(big.statusCode).toBe(413);
    const xls = await t.request({ method: 'POST', url: '/api/hazards/import', cookie: w.people.county.cookie, ...multipart(Buffer.from('not a workbook'), '台账.xlsx') });
    expect(xls.statusCode).toBe(415);
  });

  it('names missing columns and empty files', async () => {
    const missing = await importCsv(w.people.county.cookie, '隐患名称,隐患等级\n甲,一般\n');
    expect(missing.statusCode).toBe(422);
    expect(missing.json().details.map((d: { field: string }) => d.field)).toEqual(['header: 隐患来源', 'header: 状态', 'header: 发现日期']);
    expect((await importCsv(w.people.county.cookie, `${HEADER}\n`)).statusCode).toBe(422);
    expect((await importCsv(w.people.county.cookie, '')).statusCode).toBe(422);
  });
});
