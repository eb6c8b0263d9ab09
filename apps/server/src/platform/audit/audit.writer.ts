import type { Executor } from '../db/database.js';
import type { AuditHashAlgorithm } from '../config.js';
import type { RequestContext } from '../http/context.js';

export type AuditResult = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  result: AuditResult;
  statusCode?: number | null;
  details?: Record<string, unknown> | null;
  /** For events before a session exists (a login attempt): who it was about. */
  username?: string | null;
  userId?: string | null;
  orgId?: string | null;
  regionCode?: string | null;
}

export interface AuditWriter {
  /**
   * Appends one row. Inside a transaction it commits or rolls back with the change it
   * records. The row is linked into the hash chain after commit (audit.chainer.ts), so
   * writers never wait for one another here.
   */
  record(executor: Executor, ctx: RequestContext, entry: AuditEntry): Promise<void>;
}

export function createAuditWriter(deps: { algorithm: AuditHashAlgorithm; now: () => Date }): AuditWriter {
  return {
    async record(executor, ctx, entry) {
      const user = ctx.user;
      await executor.insertInto('audit_log').values({
        at: deps.now(),
        user_id: entry.userId ?? user?.id ?? null,
        username: entry.username ?? user?.username ?? null,
        org_id: entry.orgId ?? user?.orgId ?? null,
        region_code: entry.regionCode ?? user?.regionCode ?? null,
        action: entry.action,
        object_type: entry.objectType ?? null,
        object_id: entry.objectId ?? null,
        result: entry.result,
        status_code: entry.statusCode ?? null,
        ip: ctx.ip,
        request_id: ctx.requestId,
        details: entry.details ? JSON.stringify(entry.details) : null,
        algorithm: deps.algorithm,
      }).execute();
      ctx.audited = true;
    },
  };
}
