import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { AuditPage, AuditQuery } from '@anjian/domain';
import { requireUser } from '../access/guard.js';
import { regionFilter, scopeOf, type ScopedRecord } from '../access/scope.js';
import type { Database } from '../db/database.js';
import { decodeCursor, pageOf } from '../db/cursor.js';

/** An audit row carries the actor's region; no enterprise account reads the log. */
const AUDIT_ROW: ScopedRecord = { region: 'region_code', enterprise: null, industry: null };

/**
 * The audit administrator's view: newest first, filtered, within their region subtree.
 * Rows with no region (anonymous failures, system work) are seen only from the root.
 */
export function auditRoutes(deps: { db: Database; resolveRegion: (input: string, field: string, scope: ReturnType<typeof scopeOf>) => Promise<string> }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/audit', {
      config: { access: 'audit.read' },
      schema: { tags: ['audit'], summary: '审计日志 Audit log', querystring: AuditQuery, response: { 200: AuditPage } },
    }, async (req) => {
      const user = requireUser(req);
      const scope = scopeOf(user);
      const f = req.query;
      let q = deps.db.selectFrom('audit_log').selectAll();
      q = q.where(scope.where(AUDIT_ROW));
      if (f.regionCode) q = q.where(regionFilter('region_code', await deps.resolveRegion(f.regionCode, 'query.regionCode', scope)));
      if (f.from) q = q.where('at', '>=', new Date(f.from));
      if (f.to) q = q.where('at', '<', new Date(f.to));
      if (f.username) q = q.where(sql`lower(username)`, '=', f.username.toLowerCase());
      if (f.action) q = q.where('action', 'like', `${f.action.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
      if (f.result) q = q.where('result', '=', f.result);
      const after = decodeCursor(f.cursor, 1);
      if (after) q = q.where('id', '<', String(after[0]));
      const rows = await q.orderBy(sql`id`, 'desc').limit(f.limit + 1).execute();
      const page = pageOf(rows, f.limit, (r) => [r.id]);
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((r) => ({
          id: r.id, at: r.at.toISOString(), userId: r.user_id, username: r.username, orgId: r.org_id, regionCode: r.region_code,
          action: r.action, objectType: r.object_type, objectId: r.object_id, result: r.result, statusCode: r.status_code,
          ip: r.ip, requestId: r.request_id, details: r.details, hash: r.hash,
        })),
      };
    });
  };
}
