import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { ok, type Http } from '../http.js';
import { ENTERPRISE_HEADERS, enterpriseRow, type Enterprise } from '../generate/enterprises.js';
import type { Random } from '../random.js';

/** The registry import takes at most 20,000 rows a file (enterprises.xlsx.ts). */
export const ENTERPRISE_FILE_ROWS = 20_000;

function multipart(bytes: Buffer, filename: string): { body: Buffer; type: string } {
  const boundary = `----bench${crypto.randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(filename)}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Enterprises go in the way a province's offices would bring them: .xlsx registers of
 * 20,000 rows through POST /api/enterprises/import (validated, all or nothing per file).
 */
export async function loadEnterprises(http: Http, cookie: string, enterprises: Enterprise[], r: Random): Promise<{ files: number; millis: number[] }> {
  const millis: number[] = [];
  for (let i = 0; i < enterprises.length; i += ENTERPRISE_FILE_ROWS) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业名录');
    ws.addRow(ENTERPRISE_HEADERS);
    for (const e of enterprises.slice(i, i + ENTERPRISE_FILE_ROWS)) ws.addRow(enterpriseRow(e, r));
    const { body, type } = multipart(Buffer.from(await wb.xlsx.writeBuffer()), `企业名录-${i / ENTERPRISE_FILE_ROWS + 1}.xlsx`);
    const res = ok(await http.request('POST', '/api/enterprises/import', cookie, body, { 'content-type': type }), 'enterprise import');
    millis.push(res.ms);
  }
  return { files: millis.length, millis };
}
