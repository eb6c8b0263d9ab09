import { HAZARD_IMPORT_COLUMNS, HAZARD_IMPORT_MAX_CSV_BYTES, type HazardImportColumnKey } from '@anjian/domain';
import { AppError, ruleViolation } from '../../platform/errors.js';
import { readWorkbookRows, WORKBOOK_LIMITS, workbookTooLarge } from '../../platform/files/workbook.js';
import { cellText, inspectXlsx, unsupportedFile, type Upload } from '../enterprises/index.js';
import { csvBatches } from './hazards.import-csv.js';
import { locateColumns, type RawRow } from './hazards.import-rows.js';

/** What an import reads: a CSV body as it streams in, or an uploaded workbook. */
export type ImportSource =
  | { kind: 'csv'; filename: string; body: AsyncIterable<Buffer | string> }
  | { kind: 'xlsx'; upload: Upload };

/** A workbook's rows are held until all are checked: people's files stay small, ledgers go by CSV. */
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

/**
 * .xlsx: the first sheet with the headers in one of its first five rows, streamed
 * (platform/files/workbook.ts). At most XLSX_MAX_ROWS rows are kept; more is refused.
 */
async function* xlsxRows(upload: Upload): AsyncGenerator<RawRow[]> {
  const verdict = inspectXlsx(upload.bytes);
  if (!verdict.ok) throw verdict.reason === 'too_large' ? workbookTooLarge(WORKBOOK_LIMITS, 'bytes') : unsupportedFile(verdict.reason);
  let found: { sheet: number; columns: Map<HazardImportColumnKey, number> } | null = null;
  const rows: RawRow[] = [];
  let dataRows = 0;
  await readWorkbookRows(upload.bytes, (sheet, rowNumber, values) => {
    if (!found) {
      if (rowNumber > 5) return;
      const headers: string[] = [];
      values.forEach((value, col) => { headers[col - 1] = cellText(value).text; });
      const located = locateColumns(Array.from(headers, (h) => h ?? ''));
      if (!located.columns.has('title') || !located.columns.has('foundOn')) return;
      if (located.missing.length) throw missingColumns(located.missing);
      found = { sheet, columns: located.columns };
      return;
    }
    if (sheet !== found.sheet) return 'stop';
    const cells: RawRow['cells'] = {};
    let any = false;
    for (const [key, col] of found.columns) {
      const value = cellText(values[col + 1] ?? null);
      if (value.text !== '') any = true;
      cells[key] = value;
    }
    if (!any || ++dataRows > XLSX_MAX_ROWS) return;
    rows.push({ row: rowNumber, cells });
  });
  if (!found) throw noHeader();
  if (dataRows > XLSX_MAX_ROWS) {
    throw ruleViolation({ zh: `.xlsx 每次最多导入 ${XLSX_MAX_ROWS} 行，更大的台账请另存为 CSV UTF-8 上传`, en: `at most ${XLSX_MAX_ROWS} rows per .xlsx; save bigger ledgers as CSV UTF-8` }, 'body.file');
  }
  for (let i = 0; i < rows.length; i += XLSX_BATCH) yield rows.slice(i, i + XLSX_BATCH);
}

export function readImport(source: ImportSource): AsyncGenerator<RawRow[]> {
  return source.kind === 'csv' ? csvRows(source.body) : xlsxRows(source.upload);
}
