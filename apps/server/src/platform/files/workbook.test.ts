import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { workbookZip, xlsxBomb } from '../../test/zip-bomb.js';
import { AppError } from '../errors.js';
import { isDateFormat } from './workbook-parts.js';
import { readWorkbookRows, WORKBOOK_LIMITS, type CellValue } from './workbook.js';

async function rows(bytes: Buffer, limits = WORKBOOK_LIMITS): Promise<{ sheet: number; row: number; values: CellValue[] }[]> {
  const out: { sheet: number; row: number; values: CellValue[] }[] = [];
  await readWorkbookRows(bytes, (sheet, row, values) => { out.push({ sheet, row, values: [...values] }); }, limits);
  return out;
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; field: string | undefined; reason: string | undefined }> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  const e = error as AppError;
  return { code: e.code, field: e.details[0]?.field, reason: e.details[0]?.reason };
}

const MiB = 1024 * 1024;

describe('reading a workbook as a stream', () => {
  it('keeps every Chinese character whole, wherever the inflated chunks split it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业名录');
    const names = Array.from({ length: 10_000 }, (_, i) => `批量导入企业${String(i).padStart(5, '0')}有限公司`);
    for (const name of names) ws.addRow([name, `正定县某路${name.length}号`]);
    const read = await rows(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(read.map((r) => r.values[1])).toEqual(names);
  }, 30_000);

  it('reads numbers, dates, booleans, rich text, formula results and inline strings as exceljs does', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('隐患台账');
    ws.addRow(['文本', 42.5, new Date('2026-03-01T00:00:00Z'), true, { richText: [{ text: '加粗' }, { text: '普通' }] }, { formula: 'A1&"!"', result: '文本!' }]);
    ws.getCell('G1').value = 7;
    ws.getCell('G1').numFmt = 'yyyy"年"m"月"d"日"';
    ws.addRow([]);
    ws.addRow(['第三行']);
    const second = wb.addWorksheet('说明');
    second.addRow(['另一张表']);
    const read = await rows(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(read.map((r) => [r.sheet, r.row])).toEqual([[1, 1], [1, 3], [2, 1]]);
    expect(read[0]!.values.slice(1)).toEqual(['文本', 42.5, new Date('2026-03-01T00:00:00Z'), true, '加粗普通', '文本!', new Date('1900-01-06T00:00:00Z')]);
    const inline = workbookZip('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>行内&amp;文本</t></is></c></row></sheetData></worksheet>');
    expect(await rows(inline)).toEqual([{ sheet: 1, row: 2, values: [undefined, undefined, '行内&文本'] }]);
  });

  it('tells a date format from a number format', () => {
    for (const code of ['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', 'm/d/yy h:mm', '[$-804]yyyy年m月d日']) expect(isDateFormat(code), code).toBe(true);
    for (const code of ['0.00', '#,##0', '0%', '"元"0.00', '[Red]0.00']) expect(isDateFormat(code), code).toBe(false);
  });
});

describe('a workbook that expands beyond the limit is refused while inflating', () => {
  it('a bomb whose headers lie about its size: 413 naming the file', async () => {
    // 300 MB inflated, 1 KB declared: stopped by the real count at the limit.
    expect(await refusal(rows(xlsxBomb({ inflatedBytes: 300 * MiB, lie: true })))).toEqual({ code: 'PAYLOAD_TOO_LARGE', field: 'body.file', reason: 'inflates_too_large' });
  }, 30_000);

  it('counts every entry together, and the shared strings one by one', async () => {
    const limits = { ...WORKBOOK_LIMITS, inflatedBytes: 2 * MiB };
    expect(await refusal(rows(xlsxBomb({ inflatedBytes: 3 * MiB, lie: true }), limits))).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', reason: 'inflates_too_large' });
    // Under the limit the same (lying) file is just a workbook: every row is read.
    const small = await rows(xlsxBomb({ inflatedBytes: MiB, lie: true }), limits);
    expect(small.length).toBeGreaterThan(900);
    expect(small.every((r) => r.values[1] === 'A'.repeat(1000))).toBe(true);
    const strings = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si><t>x</t></si>'.repeat(1001)}</sst>`;
    const sheet = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
    expect(await refusal(rows(workbookZip(sheet, [['xl/sharedStrings.xml', strings]]), { ...WORKBOOK_LIMITS, sharedStrings: 1000 }))).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'body.file' });
  });

  it('names what is not a workbook', async () => {
    expect(await refusal(rows(Buffer.from('企业名称,统一社会信用代码\n')))).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', reason: 'not_zip' });
    expect(await refusal(rows(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)])))).toMatchObject({ reason: 'legacy_xls' });
    expect(await refusal(rows(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 1)])))).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    const broken = workbookZip('<worksheet><sheetData><row><c><v>1</v></row></sheetData></worksheet>');
    expect(await refusal(rows(broken))).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', reason: 'unreadable' });
  });
});
