import ExcelJS from 'exceljs';
import { HAZARD_IMPORT_COLUMNS, HAZARD_IMPORT_MAX_CSV_BYTES, type HazardImportColumnKey } from '@anjian/domain';
import { AppError, ruleViolation } from '../../platform/errors.js';
import { cellText, inspectXlsx, unsupportedFile, type Upload } from '../enterprises/index.js';
import { csvBatches } from './hazards.import-csv.js';
import { locateColumns, type RawRow } from './hazards.import-rows.js';

/** What an import reads: a CSV body as it streams in, or an uploaded workbook. */
export type ImportSource =
  | { kind: 'csv'; filename: string; body: AsyncIterable<Buffer | string> }
  | { kind: 'xlsx'; upload: Upload };

/** A workbook is parsed whole in memory by exceljs: people's files stay small, ledgers go by CSV. */
export const XLSX_MAX_ROWS = 20_000;
const XLSX_BATCH = 5_000;

function missingColumns(missing: HazardImportColumnKey[]): AppError {
  const columns = HAZARD_IMPORT_COLUMNS.filter((c) => missing.includes(c.key));
  return new AppError('RULE_VIOLATION', { reason: { zh: `缺少必填列：${columns.map((c) => c.header).join('、')}`, en: `missing required columns: ${columns.map((c) => c.en).join(', ')}` } },
    columns.map((c) => ({ field: `header: ${c.header}`, reason: 'missing_column', message: { zh: `缺少“${c.header}”列`, en: `the column ${c.en} (${c.header}) is missing` } })));
}

const noHeader = () => ruleViolation({ zh: '找不到表头（应含“隐患名称”“隐患等级”“发现日期”等列）', en: 'no header row found (with 隐患名称, 隐患等级, 发现日期 …)' }, 'body');

function toRow(row: number, fields: string[], columns: Map<HazardImportColumnKey, number>): RawRow | null {
  const cells: RawRow['cells'] = {};
  let any = false;
  for (const [key, index] of columns) {
    const text = fields[index] ?? '';
    if (text !== '') any = true;
    cells[key] = { text, number: false };
  }
  return any ? { row, cells } : null;
}

/** CSV: the first record is the header; rows stream on in the reader's batches. */
async function* csvRows(body: AsyncIterable<Buffer | string>): AsyncGenerator<RawRow[]> {
  let columns: Map<HazardImportColumnKey, number> | null = null;
  for await (const records of csvBatches(body, HAZARD_IMPORT_MAX_CSV_BYTES)) {
    let start = 0;
    if (!columns) {
      const located = locateColumns(records[0]!.fields);
      if (located.columns.size === 0) throw noHeader();
      if (located.missing.length) throw missingColumns(located.missing);
      columns = located.columns;
      start = 1;
    }
    const rows: RawRow[] = [];
    for (let i = start; i < records.length; i++) {
      const r = toRow(records[i]!.row, records[i]!.fields, columns);
      if (r) rows.push(r);
    }
    if (rows.length) yield rows;
  }
  if (!columns) throw noHeader();
}

/** .xlsx: the first sheet with the headers in one of its first five rows. */
async function* xlsxRows(upload: Upload): AsyncGenerator<RawRow[]> {
  const verdict = inspectXlsx(upload.bytes);
  if (!verdict.ok) {
    if (verdict.reason === 'too_large') throw new AppError('PAYLOAD_TOO_LARGE', { limit: '' }, [{ field: 'body.file', reason: 'too_large', message: { zh: '文件解压后内容过大，请改用 CSV 或拆分', en: 'the workbook expands to too much data; use CSV or split it' } }]);
    throw unsupportedFile(verdict.reason);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(upload.bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    throw unsupportedFile('unreadable');
  }
  for (const sheet of wb.worksheets) {
    for (let r = 1; r <= Math.min(5, sheet.rowCount); r++) {
      const headers: string[] = [];
      sheet.getRow(r).eachCell({ includeEmpty: true }, (cell, col) => { headers[col - 1] = cellText(cell.value).text; });
      const located = locateColumns(headers);
      if (!located.columns.has('title') || !located.columns.has('foundOn')) continue;
      if (located.missing.length) throw missingColumns(located.missing);
      if (sheet.actualRowCount - r > XLSX_MAX_ROWS) {
        throw ruleViolation({ zh: `.xlsx 每次最多导入 ${XLSX_MAX_ROWS} 行，更大的台账请另存为 CSV UTF-8 上传`, en: `at most ${XLSX_MAX_ROWS} rows per .xlsx; save bigger ledgers as CSV UTF-8` }, 'body.file');
      }
      let batch: RawRow[] = [];
      for (let n = r + 1; n <= sheet.rowCount; n++) {
        const row = sheet.getRow(n);
        const cells: RawRow['cells'] = {};
        let any = false;
        for (const [key, col] of located.columns) {
          const value = cellText(row.getCell(col + 1).value);
          if (value.text !== '') any = true;
          cells[key] = value;
        }
        if (any) batch.push({ row: n, cells });
        if (batch.length >= XLSX_BATCH) { yield batch; batch = []; }
      }
      if (batch.length) yield batch;
      return;
    }
  }
  throw noHeader();
}

export function readImport(source: ImportSource): AsyncGenerator<RawRow[]> {
  return source.kind === 'csv' ? csvRows(source.body) : xlsxRows(source.upload);
}
