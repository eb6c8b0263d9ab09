import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { makeUscc } from './factories.js';

/** Import-file fixtures for the enterprises module: workbooks and multipart bodies. */

export const IMPORT_HEADERS = ['企业名称*', '统一社会信用代码*', '行政区划代码*', '生产经营地址*', '行业*', '企业规模*', '法定代表人*', '主要负责人*', '实际控制人', '安全联系人', '纬度', '经度'];

/** One valid row (in the header order above) for a region inside the importer's scope. */
export function goodRow(regionCode: string, overrides: Partial<Record<number, string | number>> = {}): (string | number)[] {
  const id = crypto.randomBytes(3).toString('hex');
  const row: (string | number)[] = [`导入测试企业${id}有限公司`, makeUscc(regionCode), regionCode, `正定县某路${id}号`, '建筑施工', '小型', '王五', '赵六', '', '张伟:13800138000', 38.15, 114.57];
  for (const [i, v] of Object.entries(overrides)) row[Number(i)] = v as string | number;
  return row;
}

export async function workbook(rows: (string | number)[][], headers = IMPORT_HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function multipart(bytes: Buffer, filename = '企业.xlsx', field = 'file', contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') {
  const boundary = `----anjian${crypto.randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function readWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return wb;
}
