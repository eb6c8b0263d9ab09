import type { Database, Executor } from '../db/database.js';
import type { AuditHashAlgorithm } from '../config.js';
import type { RequestContext } from '../http/context.js';
import { GENESIS_HASH, rowHash } from './audit.chain.js';

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
   * records; call it last in the transaction so the chain's tail lock is held briefly.
   */
  record(executor: Executor, ctx: RequestContext, entry: AuditEntry): Promise<void>;
}

export function createAuditWriter(deps: { db: Database; algorithm: AuditHashAlgorithm; now: () => Date }): AuditWriter {
  async function append(tx: Executor, ctx: RequestContext, entry: AuditEntry): Promise<void> {
    // Locking the one head row serialises appends across all connections and processes.
    const head = await tx.selectFrom('audit_head').select(['last_id', 'last_hash']).forUpdate().executeTakeFirst();
    const prevId = head ? BigInt(head.last_id) : 0n;
    const user = ctx.user;
    const row = {
      id: String(prevId + 1n),
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
      prev_hash: head?.last_hash ?? GENESIS_HASH,
    };
    const hash = rowHash(row);
    await tx.insertInto('audit_log').values({ ...row, hash }).execute();
    if (head) {
      await tx.updateTable('audit_head').set({ last_id: row.id, last_hash: hash }).execute();
    } else {
      await tx.insertInto('audit_head').values({ last_id: row.id, last_hash: hash }).execute();
    }
  }

  return {
    async record(executor, ctx, entry) {
      if (executor.isTransaction) await append(executor, ctx, entry);
      else await executor.transaction().execute((tx) => append(tx, ctx, entry));
      ctx.audited = true;
    },
  };
}
