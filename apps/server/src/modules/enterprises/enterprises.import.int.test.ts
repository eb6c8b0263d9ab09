import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { usccCheckCharacter } from '@anjian/domain';
import { goodRow, IMPORT_HEADERS, multipart, readWorkbook, workbook } from '../../test/enterprise-workbooks.js';
import { makeUscc } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { tableOf } from '../../test/xlsx-tables.js';

let t: TestApp;
let office: string;
let housing: string;
let villages: string[];

beforeAll(async () => {
  t = await createTestApp();
  const f = t.factories;
  office = await t.login((await f.user({ orgId: await f.org({ type: 'safety_committee_office', regionCode: '130123' }), roles: ['committee_office_staff'] })).username);
  const dept = await f.org({ type: 'department', regionCode: '130123', industries: ['construction', 'urban_gas'] });
  housing = await t.login((await f.user({ orgId: dept, roles: ['department_staff'] })).username);
  villages = (await t.db.selectFrom('regions').select('code').where(sql<boolean>`code like '130123%'`).where('level', '=', 5).orderBy('code').execute()).map((r) => r.code);
});
afterAll(async () => t?.close());

const upload = async (cookie: string, bytes: Buffer, filename?: string, field?: string) =>
  t.request({ method: 'POST', url: '/api/enterprises/import', cookie, ...multipart(bytes, filename, field) });
const count = async () => (await t.db.selectFrom('enterprises').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;

describe('the import template', () => {
  it('is a real workbook with Chinese headers, comments, the industries and the caller’s regions', async () => {
    const res = await t.request({ method: 'GET', url: '/api/enterprises/import-template', cookie: office });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('企业导入模板.xlsx')}`);
    const wb = await readWorkbook(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['企业名录', '填写说明', '行业', '行政区划']);
    const header = wb.getWorksheet('企业名录')!.getRow(1);
    expect(header.getCell(2).value).toBe('统一社会信用代码*');
    expect(String(header.getCell(2).note)).toContain('校验码');
    const industries = wb.getWorksheet('行业')!.getColumn(1).values;
    expect(industries).toContain('construction');
    const regions = wb.getWorksheet('行政区划')!.getColumn(1).values;
    expect(regions).toContain('130123100001');
    expect(regions).not.toContain('130125');
  });
});

describe('importing', () => {
  it('takes a good file whole, reading codes, names and 12-digit region codes', async () => {
    const before = await count();
    const rows = [
      goodRow('130123100001'),
      goodRow('130123000000', { 4: 'construction、城镇燃气', 5: '中型', 9: '张伟:13800138000；李娜:0311-86001234' }),
      goodRow('130123102201', { 10: '', 11: '' }),
    ];
    const res = await upload(office, await workbook(rows));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 3 });
    expect(await count()).toBe(before + 3);
    const second = (await t.request({ method: 'GET', url: `/api/enterprises?q=${rows[1]![1]}`, cookie: office })).json().items[0];
    expect(second).toMatchObject({ regionCode: '130123', industries: ['construction', 'urban_gas'], scale: 'medium', safetyContacts: [{ name: '张伟', phone: '13800138000' }, { name: '李娜', phone: '0311-86001234' }] });
    const audit = await t.db.selectFrom('audit_log').select(['details']).where('action', '=', 'enterprise.import').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ imported: 3, filename: '企业.xlsx' });
  });

  it('writes nothing from a half-bad file and names every bad row and field', async () => {
    const existing = await t.factories.enterprise({ regionCode: '130123100001' });
    const good = goodRow('130123100001');
    const badCheck = goodRow('130123100001');
    const first17 = (badCheck[1] as string).slice(0, 17);
    badCheck[1] = first17 + (usccCheckCharacter(first17) === 'A' ? 'B' : 'A');
    const rows = [
      good,                                                                    // row 2: fine
      badCheck,                                                                // row 3: check character
      goodRow('130123100001', { 4: '建筑施工、水下编篮' }),                          // row 4: unknown industry
      goodRow('130125100001'),                                                 // row 5: another county
      goodRow('130123100001', { 1: good[1]! }),                                // row 6: repeats row 2
      goodRow('130123100001', { 1: existing.uscc, 0: '', 5: '巨型' }),          // row 7: registered USCC, no name, bad scale
      goodRow('130123100002'),                                                 // row 8: fine
      goodRow('130123100001', { 10: 38.1, 11: '' }),                           // row 9: half a location
    ];
    const before = await count();
    const res = await upload(office, await workbook(rows));
    expect(res.statusCode).toBe(422);
    const json = res.json();
    expect(json.message).toContain('6 行有错误');
    expect(json.details.map((d: { field: string }) => d.field)).toEqual([
      'row 3: 统一社会信用代码', 'row 4: 行业', 'row 5: 行政区划代码', 'row 6: 统一社会信用代码',
      'row 7: 企业名称', 'row 7: 统一社会信用代码', 'row 7: 企业规模', 'row 9: 经度',
    ]);
    expect(json.details[0].message).toContain(`第3行 统一社会信用代码：校验位应为 ${usccCheckCharacter(first17)}`);
    expect(json.details[3].message).toContain('与第2行重复');
    expect(await count()).toBe(before);
  });

  it('answers in English when asked', async () => {
    const bad = goodRow('130123100001', { 5: '巨型' });
    const { payload, headers } = multipart(await workbook([bad]));
    const res = await t.request({ method: 'POST', url: '/api/enterprises/import', cookie: office, payload, headers: { ...headers, 'accept-language': 'en' } });
    expect(res.json().details[0].message).toMatch(/^Row 2, Scale \(企业规模\)/);
  });

  it('keeps department staff to their industries', async () => {
    const res = await upload(housing, await workbook([goodRow('130123100001', { 4: '危险化学品' })]));
    expect(res.statusCode).toBe(422);
    expect(res.json().details[0]).toMatchObject({ field: 'row 2: 行业', reason: 'outside_department' });
  });

  it('refuses files by content and size, not by name', async () => {
    const text = await upload(office, Buffer.from('企业名称,统一社会信用代码\n某公司,91130123MA0000000X\n'), '企业.xlsx');
    expect(text.statusCode).toBe(415);
    expect(text.json().details[0].field).toBe('body.file');
    const xls = await upload(office, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), '旧表.xlsx');
    expect(xls.statusCode).toBe(415);
    expect(xls.json().details[0].reason).toBe('legacy_xls');
    const big = Buffer.concat([await workbook([goodRow('130123100001')]), Buffer.alloc(6 * 1024 * 1024)]);
    const tooBig = await upload(office, big);
    expect(tooBig.statusCode).toBe(413);
    const json = await t.request({ method: 'POST', url: '/api/enterprises/import', cookie: office, payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    const wrongField = await upload(office, await workbook([goodRow('130123100001')]), '企业.xlsx', 'upload');
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().details[0].field).toBe('body.file');
    const mismatched = await t.request({ method: 'POST', url: '/api/enterprises/import', cookie: office, payload: multipart(await workbook([])).payload, headers: multipart(Buffer.alloc(0)).headers });
    expect(mismatched.statusCode).toBe(400);
    const noBoundary = await t.request({ method: 'POST', url: '/api/enterprises/import', cookie: office, payload: 'x', headers: { 'content-type': 'multipart/form-data' } });
    expect(noBoundary.statusCode).toBe(400);
    const noHeaders = await upload(office, await workbook([goodRow('130123100001')], ['甲', '乙']));
    expect(noHeaders.statusCode).toBe(422);
    const missing = await upload(office, await workbook([['某公司', makeUscc()]], ['企业名称', '统一社会信用代码']));
    expect(missing.json().details.map((d: { field: string }) => d.field)).toContain('header: 行政区划代码');
  });

  it('caps the rows per file', async () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => [`企业${i}`]);
    const res = await upload(office, await workbook(rows));
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toContain('20000');
  }, 60_000);

  it('imports 10,000 rows in one go, and exports them again', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => goodRow(villages[i % villages.length]!, { 0: `批量导入企业${String(i).padStart(5, '0')}有限公司` }));
    const bytes = await workbook(rows);
    const before = await count();
    const started = performance.now();
    const res = await upload(office, bytes);
    const millis = performance.now() - started;
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(await count()).toBe(before + 10_000);
    console.log(`import: 10,000 rows (${(bytes.length / 1024).toFixed(0)} KiB) in ${millis.toFixed(0)} ms = ${Math.round(10_000 / (millis / 1000))} rows/s`);

    const exportStarted = performance.now();
    const exported = await t.request({ method: 'GET', url: `/api/enterprises/export?q=${encodeURIComponent('批量导入企业')}`, cookie: office });
    console.log(`export: 10,000 rows in ${(performance.now() - exportStarted).toFixed(0)} ms`);
    expect(exported.statusCode).toBe(200);
    const sheet = (await readWorkbook(exported.rawPayload)).getWorksheet('企业名录')!;
    const table = tableOf(sheet);
    expect(table.rows).toHaveLength(10_000);
    expect(table.header.slice(0, 2)).toEqual(['企业名称', '统一社会信用代码']);
  }, 120_000);
});

describe('exporting', () => {
  it('exports the filtered list within the caller’s scope, with Chinese headers', async () => {
    const build = await t.factories.enterprise({ regionCode: '130123103201', name: '导出测试建筑有限公司', industries: ['construction'] });
    const chem = await t.factories.enterprise({ regionCode: '130123103201', name: '导出测试化工有限公司', industries: ['hazardous_chemicals'], status: 'suspended' });
    await t.factories.enterprise({ regionCode: '130125100001', name: '导出测试邻县有限公司' });
    const names = async (cookie: string, query: string) => {
      const res = await t.request({ method: 'GET', url: `/api/enterprises/export?${query}`, cookie });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const sheet = (await readWorkbook(res.rawPayload)).getWorksheet('企业名录')!;
      const { header, rows } = tableOf(sheet);
      expect(header).toEqual([...IMPORT_HEADERS.map((h) => h.replace('*', '')), '所在区划', '状态', '状态说明', '状态变更时间', '行业主管部门', '登记时间']);
      return rows;
    };
    const all = await names(office, `q=${encodeURIComponent('导出测试')}`);
    expect(all.map((r) => r[0]).sort()).toEqual([build.name, chem.name].sort());
    const chemRow = all.find((r) => r[0] === chem.name)!;
    expect(chemRow.slice(1, 5)).toEqual([chem.uscc, '130123103201', `${chem.name}厂区`, '危险化学品']);
    expect(chemRow[13]).toBe('停产整顿');
    expect((await names(housing, `q=${encodeURIComponent('导出测试')}`)).map((r) => r[0])).toEqual([build.name]);
    expect((await names(office, `q=${encodeURIComponent('导出测试')}&status=suspended`)).map((r) => r[0])).toEqual([chem.name]);
    expect((await t.request({ method: 'GET', url: '/api/enterprises/export?regionCode=130125', cookie: office })).statusCode).toBe(404);
  });
});
