import { CASE_TRANSITIONS, nextCaseStatus, shanghaiDate, type CaseAction, type CaseStatus } from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { forbidden, notFound } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import { CASE_ENTITY, illegalCaseTransition } from './cases.errors.js';
import type { CasePatch, CaseRow, CasesRepository } from './cases.repository.js';

export interface CaseActContext {
  tx: Tx;
  ctx: RequestContext;
  user: SessionUser;
  row: CaseRow;
  now: Date;
  today: string;
}

export interface CaseActOutcome {
  patch?: CasePatch;
  data?: Record<string, unknown>;
  comment?: string | null;
  /** Work that needs the new state written (documents, the enterprise's status), still in the transaction. */
  after?: (row: CaseRow) => Promise<void>;
}

export type CaseHandler = (c: CaseActContext, body: never) => Promise<CaseActOutcome>;

export interface CaseWorkflowDeps { repo: CasesRepository; audit: Pick<AuditWriter, 'record'> }

/**
 * One act inside the caller's transaction: lock the case in the user's scope, check the
 * permission, the handling organisation and the state table, let the handler check its guards
 * and say what changes, then write the state, the event and the audit row.
 */
export async function actOnCase(deps: CaseWorkflowDeps, tx: Tx, ctx: RequestContext, user: SessionUser, id: string, action: CaseAction, handler: CaseHandler, body: unknown, now: Date): Promise<void> {
  const permission = CASE_TRANSITIONS[action].permission;
  const row = await deps.repo.lockVisible(tx, id, scopeOf(user));
  if (!row) throw notFound(CASE_ENTITY, 'params.id');
  if (row.org_id !== user.orgId) throw forbidden(permission);
  const status = row.status as CaseStatus;
  const next = nextCaseStatus(status, action);
  if (!next.ok) throw illegalCaseTransition(status, action, next.allowed);
  const outcome = await handler({ tx, ctx, user, row, now, today: shanghaiDate(now) }, body as never);
  const patch: CasePatch = { ...outcome.patch };
  if (next.to !== status) patch.status = next.to;
  const version = await deps.repo.update(tx, id, patch, now);
  await deps.repo.insertEvent(tx, {
    case_id: id, seq: version, action, from_status: status, to_status: next.to, actor_id: user.id, actor_name: user.displayName,
    actor_org_name: user.orgName, at: now, comment: outcome.comment ?? null, data: outcome.data ?? null,
  });
  if (outcome.after) await outcome.after((await deps.repo.lockVisible(tx, id, scopeOf(user)))!);
  await deps.audit.record(tx, ctx, { action: `case.${action}`, objectType: 'case', objectId: id, result: 'success', statusCode: 200, details: { from: status, to: next.to } });
}

/**
 * A case is acted on by the organisation that handles it (行政处罚 is the handling 行政机关's
 * act): a level above or a township may see it, but acting is that organisation's. Outside the
 * scope a case is a 404; in scope but another organisation's, a 403.
 */
export function createCaseWorkflow(deps: CaseWorkflowDeps & { db: Database; now: () => Date }) {
  return async function perform(ctx: RequestContext, user: SessionUser, id: string, action: CaseAction, handler: CaseHandler, body: unknown): Promise<void> {
    const permission = CASE_TRANSITIONS[action].permission;
    if (!user.permissions.has(permission)) throw forbidden(permission);
    await deps.db.transaction().execute((tx) => actOnCase(deps, tx, ctx, user, id, action, handler, body, deps.now()));
  };
}

export type PerformCase = ReturnType<typeof createCaseWorkflow>;
