import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import { AUDIT_FAMILIES, AuditExportQuery, AuditPage, AuditQuery, AuditVerifyReport, type AuditRow } from '@anjian/domain';
import { requireUser } from '../access/guard.js';
import { regionFilter, scopeOf, type Scope, type ScopedRecord } from '../access/scope.js';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { decodeCursor, pageOf } from '../db/cursor.js';
import { attachment, exportFileName } from '../exports/export-cells.js';
import { exportHeading, type RegionPath } from '../exports/heading.js';
import { XLSX_MIME } from '../exports/xlsx-export.js';
import { AUDIT_EXPORT_MAX, auditWorkbook, beijing } from './audit.export.js';
import { auditNames, type AuditNamer } from './audit.names.js';
import type { AuditLogTable } from './audit.tables.js';
import type { VerifyReport } from './audit.verify.js';
import type { AuditWriter } from './audit.writer.js';

/** An audit row carries the actor's region; no enterprise account reads the log. */
const AUDIT_ROW: ScopedRecord = { region: 'region_code', enterprise: null, industry: null };

type Filter = z.infer<typeof AuditExportQuery>;
type Query = SelectQueryBuilder<DB, 'audit_log', Selectable<AuditLogTable>>;

export interface AuditRoutesDeps {
  db: Database;
  audit: AuditWriter;
  resolveRegion: (input: string, field: string, scope: Scope) => Promise<string>;
  regionPath: RegionPath;
  /** Display names of audited objects by object_type, each looked up by the module owning the table. */
  namers: Partial<Record<string, AuditNamer>>;
  /** chainAndVerify with the server's keyring and data directory. */
  verify: () => Promise<VerifyReport & { linkedNow: number }>;
  now: () => Date;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/** Why a row failed: the message the user was shown (request lifecycle), or a refused sign-in's reason. */
function reasonOf(details: string | null): string | null {
  if (!details) return null;
  try {
    const d = JSON.parse(details) as { message?: unknown; reason?: unknown };
    return typeof d.message === 'string' ? d.message : typeof d.reason === 'string' ? d.reason : null;
  } catch {
    return null;
  }
}

/**
 * The audit administrator's view: newest first, filtered (time, user, action or operation
 * family, result, region), within their region subtree; rows with no region (anonymous
 * failures, system work) are seen only from the root. Actions are shown in words on the page
 * (AUDIT_ACTION_LABELS); the actor and object come with their names.
 */
export function auditRoutes(deps: AuditRoutesDeps): FastifyPluginAsyncZod {
  async function filtered(scope: Scope, f: Filter): Promise<Query> {
    let q: Query = deps.db.selectFrom('audit_log').selectAll();
    q = q.where(scope.where(AUDIT_ROW));
    if (f.regionCode) q = q.where(regionFilter('region_code', await deps.resolveRegion(f.regionCode, 'query.regionCode', scope)));
    if (f.from) q = q.where('at', '>=', new Date(f.from));
    if (f.to) q = q.where('at', '<', new Date(f.to));
    if (f.username) q = q.where(sql`lower(username)`, '=', f.username.toLowerCase());
    if (f.action) q = q.where('action', 'like', `${escapeLike(f.action)}%`);
    if (f.family) {
      const prefixes: readonly string[] = AUDIT_FAMILIES[f.family].prefixes;
      q = q.where((eb) => eb.or(prefixes.map((p) => eb('action', 'like', `${escapeLike(p)}%`))));
    }
    if (f.result) q = q.where('result', '=', f.result);
    return q;
  }

  async function present(scope: Scope, rows: Selectable<AuditLogTable>[]): Promise<AuditRow[]> {
    const names = await auditNames(deps.namers, scope, [
      ...rows.map((r) => ({ type: r.object_type, id: r.object_id })),
      ...rows.map((r) => ({ type: 'user', id: r.user_id })),
    ]);
    return rows.map((r) => ({
      id: r.id, at: r.at.toISOString(), userId: r.user_id, username: r.username, orgId: r.org_id, regionCode: r.region_code,
      action: r.action, objectType: r.object_type, objectId: r.object_id, result: r.result, statusCode: r.status_code,
      ip: r.ip, requestId: r.request_id, details: r.details, hash: r.hash,
      actorName: r.user_id ? (names.get(`user:${r.user_id}`) ?? null) : null,
      // A failed request's object id is the raw path parameter: named only when it names something.
      objectName: r.object_type && r.object_id ? (names.get(`${r.object_type}:${r.object_id}`) ?? null) : null,
      reason: r.result === 'success' ? null : reasonOf(r.details),
    }));
  }

  return async (app) => {
    app.get('/api/audit', {
      config: { access: 'audit.read' },
      schema: { tags: ['audit'], summary: '审计日志 Audit log', querystring: AuditQuery, response: { 200: AuditPage } },
    }, async (req) => {
      const scope = scopeOf(requireUser(req));
      const { limit, cursor, ...f } = req.query;
      let q = await filtered(scope, f);
      const after = decodeCursor(cursor, 1);
      if (after) q = q.where('id', '<', String(after[0]));
      const rows = await q.orderBy(sql`id`, 'desc').limit(limit + 1).execute();
      const page = pageOf(rows, limit, (r) => [r.id]);
      return { nextCursor: page.nextCursor, items: await present(scope, page.items) };
    });

    app.get('/api/audit/export', {
      config: { access: 'audit.read', action: 'audit.export' },
      schema: { tags: ['audit'], summary: '导出审计日志 (.xlsx) Export the audit log', querystring: AuditExportQuery, produces: [XLSX_MIME] },
    }, async (req, reply) => {
      const user = requireUser(req);
      const scope = scopeOf(user);
      const f = req.query;
      const rows = await (await filtered(scope, f)).orderBy(sql`id`, 'desc').limit(AUDIT_EXPORT_MAX + 1).execute();
      const truncated = rows.length > AUDIT_EXPORT_MAX;
      const items = await present(scope, rows.slice(0, AUDIT_EXPORT_MAX));
      const now = deps.now();
      const filters = [
        f.username && `用户：${f.username}`, f.family && `类别：${AUDIT_FAMILIES[f.family].label.zh}`, f.action && `操作：${f.action}`, f.result && `结果：${f.result}`,
      ].filter((x): x is string => Boolean(x));
      // The period is the instants asked for, shown as Beijing days (the file name says the same).
      const period = f.from || f.to ? { from: f.from ? beijing(f.from).slice(0, 10) : null, to: f.to ? beijing(f.to).slice(0, 10) : null } : null;
      const regionCode = f.regionCode ? await deps.resolveRegion(f.regionCode, 'query.regionCode', scope) : null;
      const heading = await exportHeading(deps.regionPath, user, { title: '审计日志', regionCode, period, filters, now });
      const file = await auditWorkbook(items, heading, truncated);
      await deps.audit.record(deps.db, req.ctx, { action: 'audit.export', result: 'success', statusCode: 200, details: { ...f, rows: items.length, truncated } });
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(exportFileName('审计日志', heading.regionName, period, now))).send(file);
    });

    app.post('/api/audit/verify', {
      config: { access: 'audit.read', action: 'audit.verify' },
      schema: { tags: ['audit'], summary: '校验哈希链 Verify the audit hash chain', response: { 200: AuditVerifyReport } },
    }, async (req) => {
      requireUser(req);
      const report = await deps.verify();
      // The check itself is audited, with its answer (written after it, so it is not part of what it checked).
      await deps.audit.record(deps.db, req.ctx, { action: 'audit.verify', result: 'success', statusCode: 200, details: { ok: report.ok, rowsChecked: report.rowsChecked, firstBroken: report.firstBroken } });
      return { ...report, checkedAt: deps.now().toISOString() };
    });
  };
}
