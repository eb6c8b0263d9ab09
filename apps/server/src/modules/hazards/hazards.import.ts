import crypto from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { HAZARD_IMPORT_MAX_ROWS, regionCodeCandidates, shanghaiDate, validateUscc, type HazardImportResult } from '@anjian/domain';
import { scopeOf, type Scope } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, forbidden, ruleViolation, type ErrorDetail } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import { visibleEnterprise } from '../enterprises/index.js';
import { readImport, type ImportSource } from './hazards.import-read.js';
import { createBatchWriter } from './hazards.import-writer.js';
import { normaliseDate, parseHazardRow, rowErrorDetail, sortErrors, text, type EnterpriseHit, type Lookups, type RawRow, type RegionHit, type RowError, type UsccCheck } from './hazards.import-rows.js';

/** More than this many error details would make a report nobody reads; the counts stay exact. */
export const MAX_ERROR_DETAILS = 5_000;

/*
 * The import, in one transaction on its own connection:
 *   1. rows stream in (CSV as it arrives, or a workbook) and are checked in batches; what a row
 *      names — region, enterprise — is looked up once per distinct value;
 *   2. while every row so far is good, rows go to the batch writer (hazards.import-writer.ts),
 *      which writes one batch into the ledger while the next is read; after the first bad row
 *      nothing more is written, but every row is still checked, so the report names each bad
 *      row and field;
 *   3. any bad row: the connection is dropped, the transaction with it — nothing was written;
 *   4. otherwise one audit row records the file; then commit.
 * The rollups follow through the change log (migration 0008).
 */

/** Kysely over the import's own connection, so the audit row joins its transaction. */
function kyselyOn(client: pg.Client): Kysely<DB> {
  const pool = { connect: async () => ({ query: client.query.bind(client), release: () => {} }), end: async () => {} };
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool as never }) });
}

export function createHazardImporter(deps: { db: Database; databaseUrl: string; audit: AuditWriter; now: () => Date }) {
  const { db } = deps;

  async function industryMap(): Promise<Map<string, string>> {
    const rows = await db.selectFrom('industries').select(['code', 'name_zh']).where('active', '=', true).execute();
    const map = new Map<string, string>();
    for (const r of rows) {
      map.set(r.code, r.code);
      map.set(r.name_zh, r.code);
      for (const part of r.name_zh.split(/[·/／]/)) if (!map.has(part)) map.set(part, r.code);
    }
    return map;
  }

  /** Looks up, once each, the regions and enterprises a batch names that no earlier batch did. */
  function lookupsFor(scope: Scope, today: string, industries: Map<string, string>) {
    const regions = new Map<string, RegionHit | null>();
    const usccs = new Map<string, UsccCheck>();
    const enterprises = new Map<string, EnterpriseHit | null>();
    const dates = new Map<string, string | null>();
    const usccCheck = (t: string): UsccCheck => {
      let c = usccs.get(t);
      if (!c) {
        const v = validateUscc(t);
        // Copied: a cell's text is a slice of the CSV chunk it came in, and a cached slice would keep the whole chunk alive.
        usccs.set(Buffer.from(t).toString(), (c = v.ok ? { ok: true, code: v.parts.code } : { ok: false, kind: v.kind, message: v.message }));
      }
      return c;
    };
    const lookups: Lookups = {
      uscc: usccCheck,
      date: (t) => {
        let d = dates.get(t);
        if (d === undefined) dates.set(t, (d = normaliseDate(t)));
        return d;
      },
      region: (t) => regions.get(t) ?? null,
      enterprise: (code) => enterprises.get(code) ?? null,
      industry: (t) => industries.get(t) ?? industries.get(t.toLowerCase()),
      departmentIndustries: scope.industries,
      today,
    };
    async function resolve(batch: RawRow[]): Promise<void> {
      const newRegions = new Set<string>();
      const newCodes = new Set<string>();
      for (const raw of batch) {
        const region = text(raw, 'regionCode');
        if (region !== '' && !regions.has(region)) newRegions.add(region);
        const uscc = text(raw, 'uscc');
        if (uscc !== '') {
          const checked = usccCheck(uscc);
          if (checked.ok && !enterprises.has(checked.code)) newCodes.add(checked.code);
        }
      }
      if (newRegions.size) {
        const candidates = [...newRegions].map((input) => [input, regionCodeCandidates(input)] as const);
        const found = new Map((await db.selectFrom('regions').select(['code', 'level'])
          .where('code', '=', sql<string>`any(${candidates.flatMap(([, c]) => c)}::text[])`).where(scope.withinRegion('code')).execute())
          .map((r) => [r.code, r.level]));
        for (const [input, c] of candidates) {
          const code = c.find((x) => found.has(x));
          regions.set(input, code === undefined ? null : { code, level: found.get(code)! });
        }
      }
      if (newCodes.size) {
        const rows = await db.selectFrom('enterprises as e').innerJoin('orgs as o', 'o.id', 'e.org_id').select(['e.uscc', 'o.id', 'o.region_code'])
          .where('e.uscc', '=', sql<string>`any(${[...newCodes]}::text[])`).where('o.type', '=', 'enterprise').where(visibleEnterprise(scope)).execute();
        for (const code of newCodes) enterprises.set(code, null);
        for (const r of rows) enterprises.set(r.uscc, { id: r.id, regionCode: r.region_code });
      }
    }
    return { lookups, resolve };
  }

  function report(errors: RowError[], errorCount: number, badRows: number, rows: number): AppError {
    sortErrors(errors);
    const details: ErrorDetail[] = errors.map(rowErrorDetail);
    if (errorCount > errors.length) {
      const more = errorCount - errors.length;
      details.push({ field: 'body', reason: 'more_errors', message: { zh: `另有 ${more} 处错误未列出`, en: `${more} more errors not listed` } });
    }
    return new AppError('RULE_VIOLATION', {
      reason: { zh: `共 ${rows} 行，其中 ${badRows} 行有错误，未导入任何数据；请改正后重新上传`, en: `${badRows} of ${rows} rows have errors; nothing was imported. Correct them and upload again` },
    }, details);
  }

  return async function importHazards(ctx: RequestContext, user: SessionUser, source: ImportSource): Promise<HazardImportResult> {
    const started = performance.now();
    const scope = scopeOf(user);
    if (scope.isEnterprise) throw forbidden('hazard.import');
    const now = deps.now();
    const { lookups, resolve } = lookupsFor(scope, shanghaiDate(now), await industryMap());

    const client = new pg.Client({ connectionString: deps.databaseUrl, options: '-c timezone=UTC' });
    // Errors reach us through the queries; an idle connection dropping must not crash the process.
    client.on('error', () => {});
    await client.connect();
    const hash = crypto.createHash('sha256');
    let committed = false;
    try {
      const trx = await kyselyOn(client).startTransaction().execute();
      const writer = createBatchWriter({
        client,
        who: {
          userId: user.id, displayName: user.displayName, orgId: user.orgId, orgName: user.orgName, now, comment: `批量导入：${filename(source).slice(0, 80)}`,
          audit: deps.audit.row(ctx, { action: 'hazard.import_batch', objectType: 'hazard', result: 'success' }),
        },
      });
      const errors: RowError[] = [];
      let errorCount = 0, badRows = 0, rows = 0;
      for await (const batch of rebatch(readImport(source.kind === 'csv' ? { ...source, body: hashing(source.body, hash) } : source), LOOKUP_BATCH)) {
        rows += batch.length;
        if (rows > HAZARD_IMPORT_MAX_ROWS) throw new AppError('PAYLOAD_TOO_LARGE', { limit: `${HAZARD_IMPORT_MAX_ROWS} rows` }, [{ field: 'body', reason: 'too_many_rows', message: { zh: `每个文件最多 ${HAZARD_IMPORT_MAX_ROWS} 行，请拆分后分批导入`, en: `at most ${HAZARD_IMPORT_MAX_ROWS} rows per file; split it` } }]);
        await resolve(batch);
        for (const raw of batch) {
          const parsed = parseHazardRow(raw, lookups);
          if (parsed.errors.length) {
            badRows++;
            errorCount += parsed.errors.length;
            for (const e of parsed.errors) if (errors.length < MAX_ERROR_DETAILS) errors.push(e);
          } else if (errorCount === 0) {
            const writing = writer.add(parsed.ready!);
            if (writing) await writing;
          }
        }
      }
      if (errorCount > 0) throw report(errors, errorCount, badRows, rows);
      if (rows === 0) throw ruleViolation({ zh: '文件中没有隐患数据行', en: 'the file holds no hazard rows' }, 'body');
      const imported = await writer.finish();
      await deps.audit.record(trx, ctx, {
        action: 'hazard.import', objectType: 'hazard', objectId: null, result: 'success', statusCode: 200,
        details: { imported, filename: filename(source), format: source.kind, sha256: (source.kind === 'csv' ? hash : hash.update(source.upload.bytes)).digest('hex') },
      });
      await trx.commit().execute();
      committed = true;
      return { imported, rowsPerSecond: Math.round(imported / ((performance.now() - started) / 1000)) };
    } finally {
      // Ending the connection rolls back whatever did not commit, a half-sent COPY included.
      if (!committed) await client.end().catch(() => {});
      else await client.end();
    }
  };
}

/** Rows are checked this many at a time: one lookup query per batch for the new regions and firms. */
const LOOKUP_BATCH = 5_000;

async function* rebatch(batches: AsyncIterable<RawRow[]>, size: number): AsyncGenerator<RawRow[]> {
  let pending: RawRow[] = [];
  for await (const batch of batches) {
    pending = pending.length ? pending.concat(batch) : batch;
    if (pending.length >= size) { yield pending; pending = []; }
  }
  if (pending.length) yield pending;
}

const filename = (source: ImportSource) => (source.kind === 'csv' ? source.filename : source.upload.filename);

async function* hashing(body: AsyncIterable<Buffer | string>, hash: crypto.Hash): AsyncGenerator<Buffer | string> {
  for await (const chunk of body) {
    hash.update(chunk);
    yield chunk;
  }
}

export type HazardImporter = ReturnType<typeof createHazardImporter>;
