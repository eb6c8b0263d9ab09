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
  /**
   * The row `record` would write, for a caller that writes it in its own statement together
   * with the change (one round trip); the caller sets ctx.audited once that statement succeeds.
   */
  row(ctx: RequestContext, entry: Omit<AuditEntry, 'objectId'>): AuditRow;
}

export type AuditRow = ReturnType<typeof auditRow>;

function auditRow(ctx: RequestContext, entry: AuditEntry, at: Date, algorithm: AuditHashAlgorithm) {
  const user = ctx.user;
  return {
    at,
    user_id: entry.userId ?? user?.id ?? null,
    username: entry.username ?? user?.username ?? null,
    org_id: entry.orgId ?? user?.orgId ?? null,
    region_code: entry.regionCode ?? user?.regionCode ?? null,
    action: entry.action,
    object_type: entry.objectType ?? null,
    result: entry.result,
    status_code: entry.statusCode ?? null,
    ip: ctx.ip,
    request_id: ctx.requestId,
    details: entry.details ? JSON.stringify(entry.details) : null,
    algorithm,
  };
}

export function createAuditWriter(deps: { algorithm: AuditHashAlgorithm; now: () => Date }): AuditWriter {
  return {
    async record(executor, ctx, entry) {
      await executor.insertInto('audit_log').values({ ...auditRow(ctx, entry, deps.now(), deps.algorithm), object_id: entry.objectId ?? null }).execute();
      ctx.audited = true;
    },
    row: (ctx, entry) => auditRow(ctx, entry, deps.now(), deps.algorithm),
  };
}
