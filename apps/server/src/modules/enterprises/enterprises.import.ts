import crypto from 'node:crypto';
import { scopeOf } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database } from '../../platform/db/database.js';
import { readWorkbookRows, WORKBOOK_LIMITS, workbookTooLarge } from '../../platform/files/workbook.js';
import { AppError, conflict, forbidden, ruleViolation, type ErrorDetail } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import type { JobProgress } from '../../platform/jobs/progress-jobs.js';
import type { PiiCipher } from '../../platform/secrets/pii.js';
import type { IndustriesService } from '../industries/index.js';
import { sealContacts } from './enterprises.pii.js';
import { checkRows, industryLookup, parseRow, rowErrorDetail, sortErrors, type RawRow, type ReadyRow, type RowError } from './enterprises.import-rows.js';
import type { EnterprisesRepository } from './enterprises.repository.js';
import { isUniqueViolation } from './enterprises.rules.js';
import { inspectXlsx, unsupportedFile, type Upload } from './enterprises.upload.js';
import { cellText, COLUMNS, IMPORT_MAX_ROWS, normaliseHeader, type ColumnKey } from './enterprises.xlsx.js';

/** More than this many error details would make a report nobody reads; the count is still exact. */
export const MAX_ERROR_DETAILS = 5_000;

/** Rows parsed between two looks at the event loop (and two progress updates). */
const CHECK_SLICE = 1_000;

const fileError = (zh: string, en: string, field = 'body.file') => ruleViolation({ zh, en }, field);

const noHeader = () => fileError('找不到表头（应含“企业名称”“统一社会信用代码”等列），请使用下载的导入模板', 'no header row found (with 企业名称, 统一社会信用代码 …); use the downloadable template');

/**
 * The data rows as text cells, streamed from the workbook (platform/files/workbook.ts): the
 * first sheet with the headers in one of its first five rows (a title row above them is
 * tolerated); empty rows are skipped, row numbers are the sheet's own. At most
 * IMPORT_MAX_ROWS rows are kept; the rest are only counted, to say how many there were.
 */
export async function readRows(bytes: Buffer, progress?: JobProgress): Promise<RawRow[]> {
  const byHeader = new Map(COLUMNS.map((c) => [c.header, c.key]));
  let found: { sheet: number; columns: Map<ColumnKey, number> } | null = null;
  const rows: RawRow[] = [];
  let dataRows = 0;
  await readWorkbookRows(bytes, (sheet, rowNumber, values) => {
    if (!found) {
      if (rowNumber > 5) return;
      const columns = new Map<ColumnKey, number>();
      values.forEach((value, col) => {
        const key = byHeader.get(normaliseHeader(cellText(value).text));
        if (key && !columns.has(key)) columns.set(key, col);
      });
      if (!columns.has('name') || !columns.has('uscc')) return;
      const missing = COLUMNS.filter((c) => c.required && !columns.has(c.key));
      if (missing.length > 0) {
        throw new AppError('RULE_VIOLATION', { reason: { zh: `缺少必填列：${missing.map((c) => c.header).join('、')}`, en: `missing required columns: ${missing.map((c) => c.en).join(', ')}` } },
          missing.map((c) => ({ field: `header: ${c.header}`, reason: 'missing_column', message: { zh: `缺少“${c.header}”列`, en: `the column ${c.en} (${c.header}) is missing` } })));
      }
      found = { sheet, columns };
      return;
    }
    if (sheet !== found.sheet) return 'stop';
    if (!values.some((v) => cellText(v).text !== '')) return;
    if (++dataRows > IMPORT_MAX_ROWS) return;
    if (progress) progress.rowsRead = dataRows;
    const cells: RawRow['cells'] = {};
    let any = false;
    for (const [key, col] of found.columns) {
      const value = cellText(values[col] ?? null);
      if (value.text !== '') any = true;
      cells[key] = value;
    }
    if (any) rows.push({ row: rowNumber, cells });
  });
  if (progress) progress.rowsTotal = Math.min(dataRows, IMPORT_MAX_ROWS);
  if (!found) throw noHeader();
  if (dataRows > IMPORT_MAX_ROWS) {
    throw fileError(`每次最多导入 ${IMPORT_MAX_ROWS} 行，本文件有 ${dataRows} 行，请拆分后分批导入`, `at most ${IMPORT_MAX_ROWS} rows per file; this one has ${dataRows}; split it`);
  }
  if (rows.length === 0) throw fileError('文件中没有企业数据行', 'the file holds no enterprise rows');
  return rows;
}

function reportErrors(errors: RowError[], rowCount: number): AppError {
  sortErrors(errors);
  const badRows = new Set(errors.map((e) => e.row)).size;
  const details: ErrorDetail[] = errors.slice(0, MAX_ERROR_DETAILS).map(rowErrorDetail);
  if (errors.length > MAX_ERROR_DETAILS) {
    const more = errors.length - MAX_ERROR_DETAILS;
    details.push({ field: 'body.file', reason: 'more_errors', message: { zh: `另有 ${more} 处错误未列出`, en: `${more} more errors not listed` } });
  }
  return new AppError('RULE_VIOLATION', {
    reason: { zh: `共 ${rowCount} 行，其中 ${badRows} 行有错误，未导入任何数据；请改正后重新上传`, en: `${badRows} of ${rowCount} rows have errors; nothing was imported. Correct them and upload again` },
  }, details);
}

export function createImporter(deps: {
  db: Database;
  repo: EnterprisesRepository;
  industries: Pick<IndustriesService, 'list'>;
  audit: AuditWriter;
  /** Safety contacts are written encrypted, like every other write of them. */
  pii: PiiCipher;
}) {
  const { db, repo, audit } = deps;

  async function validate(user: SessionUser, raw: RawRow[], progress?: JobProgress): Promise<ReadyRow[]> {
    const scope = scopeOf(user);
    const lookup = industryLookup(await deps.industries.list());
    const errors: RowError[] = [];
    const parsed: ReturnType<typeof parseRow>['parsed'][] = [];
    for (const r of raw) {
      const result = parseRow(r, lookup);
      errors.push(...result.errors);
      parsed.push(result.parsed);
      // Let the progress be read (and other requests served) while a large file is checked.
      if (progress && parsed.length % CHECK_SLICE === 0) {
        progress.rowsChecked = parsed.length;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const regions = await repo.resolveRegions([...new Set(parsed.flatMap((p) => p.regionCandidates))], scope);
    const pairs = parsed.flatMap((p) => {
      const regionCode = p.regionCandidates.find((c) => regions.has(c));
      return regionCode && p.name ? [{ regionCode, name: p.name }] : [];
    });
    const [existingUscc, existingNames] = await Promise.all([
      repo.existingUscc([...new Set(parsed.map((p) => p.uscc).filter(Boolean))]),
      repo.existingNames(pairs),
    ]);
    const checked = checkRows(parsed, { regions, existingUscc, existingNames, departmentIndustries: scope.industries });
    errors.push(...checked.errors);
    if (progress) progress.rowsChecked = raw.length;
    if (errors.length > 0) throw reportErrors(errors, raw.length);
    return checked.ready;
  }

  /** Every row is checked first; any error and nothing is written. Otherwise all rows go in, in one transaction. */
  /** Who may import and whether the bytes are a workbook at all: checked before a job starts. */
  function precheck(user: SessionUser, upload: Upload): void {
    if (user.orgType === 'enterprise') throw forbidden('enterprise.import');
    const verdict = inspectXlsx(upload.bytes);
    if (!verdict.ok) {
      if (verdict.reason === 'too_large') throw workbookTooLarge(WORKBOOK_LIMITS, 'bytes');
      throw unsupportedFile(verdict.reason);
    }
  }

  async function importFile(ctx: RequestContext, user: SessionUser, upload: Upload, progress?: JobProgress): Promise<{ imported: number }> {
    precheck(user, upload);
    if (progress) progress.phase = 'reading';
    const raw = await readRows(upload.bytes, progress);
    if (progress) progress.phase = 'checking';
    const ready = await validate(user, raw, progress);
    if (progress) progress.phase = 'writing';
    const rows = ready.map((r) => ({
      id: crypto.randomUUID(),
      name: r.name,
      region_code: r.regionCode,
      values: {
        uscc: r.uscc, address: r.address, latitude: r.latitude, longitude: r.longitude, industries: r.industries, scale: r.scale,
        legal_representative: r.legalRepresentative, principal: r.principal, actual_controller: r.actualController,
        safety_contacts_enc: sealContacts(deps.pii, r.safetyContacts),
      },
    }));
    try {
      await db.transaction().execute(async (tx) => {
        await repo.insertMany(tx, rows);
        await audit.record(tx, ctx, {
          action: 'enterprise.import', objectType: 'enterprise', objectId: null, result: 'success', statusCode: 200,
          details: { imported: rows.length, filename: upload.filename, sha256: crypto.createHash('sha256').update(upload.bytes).digest('hex') },
        });
      });
    } catch (error) {
      // Someone registered one of these codes or names between our check and our write.
      if (isUniqueViolation(error)) throw conflict({ zh: '导入期间有企业被他人登记，数据已变化，请重新上传', en: 'enterprises were registered while importing; upload the file again' });
      throw error;
    }
    return { imported: rows.length };
  }

  return Object.assign(importFile, { precheck });
}
