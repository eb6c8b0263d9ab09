import { allowedActions, canPerform, HAZARD_ACTION_PERMISSION, nextStatus, regionLevel, shanghaiDate, type HazardAction, type HazardStatus, type ListingLevel } from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import { illegalTransition } from './hazards.errors.js';
import { recordAllows } from './hazards.policy.js';
import { accountabilityGrounds } from './hazards.present.js';
import type { HazardPatch, HazardRow, HazardsRepository } from './hazards.repository.js';

export interface ActContext {
  tx: Tx;
  ctx: RequestContext;
  user: SessionUser;
  hazard: HazardRow;
  now: Date;
  /** Today in Asia/Shanghai: deadlines are calendar dates there. */
  today: string;
}

/** What an act changes: the hazard's current state, the event it leaves, who is told. */
export interface ActOutcome {
  patch?: HazardPatch;
  data?: Record<string, unknown>;
  comment?: string | null;
  files?: { ids: string[]; kind: 'before' | 'after' | 'progress' | 'document' };
  notify?: { orgId: string | null; kind: string; title: string }[];
  /** Work that needs the event's id, still inside the transaction. */
  after?: (eventId: string) => Promise<void>;
}

export type ActHandler = ((c: ActContext, body: never) => Promise<ActOutcome>) & {
  /**
   * Checks that need no lock and may be slow, run before the transaction opens: a signature's
   * password (argon2 takes tens of milliseconds; the hazard's row lock and a pooled connection
   * must not be held meanwhile).
   */
  before?: (user: SessionUser, body: never) => Promise<void>;
};

/**
 * At most this many acts hold a transaction at once. A handler may look something up through
 * the pool while its transaction holds a connection (an organisation, a file); were every
 * pooled connection held by such a transaction, each would wait for a connection forever.
 * Bounded below the pool's size (20, platform/db/database.ts), one is always free. The acts
 * serialise on the audit chain's head anyway, so the bound costs no throughput.
 */
const MAX_CONCURRENT_ACTS = 8;

function semaphore(size: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (active >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

const ENTITY = { zh: '隐患', en: 'Hazard' };
const NO_ACCOUNTABILITY_GROUNDS = {
  zh: '该隐患没有可问责的情形：问责适用于逾期未整改、验收不通过或回头看不通过的隐患',
  en: 'nothing to hold anyone accountable for: accountability applies to an overdue hazard, a refused acceptance or a failed re-review',
};

/**
 * One act on one hazard (Documenso's shape): lock the row inside the caller's scope, check
 * the permission, the state table and the facts, let the handler check its guards and say
 * what changes, then write the new state, the event and the audit row in one transaction.
 */
export function createWorkflow(deps: { db: Database; repo: HazardsRepository; audit: AuditWriter; now: () => Date }) {
  const slot = semaphore(MAX_CONCURRENT_ACTS);
  return async function perform(ctx: RequestContext, user: SessionUser, id: string, action: HazardAction, handler: ActHandler, body: unknown): Promise<void> {
    if (!canPerform(user.permissions, action)) throw forbidden(HAZARD_ACTION_PERMISSION[action]);
    await handler.before?.(user, body as never);
    await slot(() => deps.db.transaction().execute(async (tx) => {
      const hazard = await deps.repo.lockVisible(tx, id, scopeOf(user));
      if (!hazard) throw notFound(ENTITY, 'params.id');
      const status = hazard.status as HazardStatus;
      const next = nextStatus(status, action);
      if (!next.ok) throw illegalTransition(status, action, next.allowed);
      // The actor's level decides listing: only a higher level takes over (升级挂牌), only the
      // listing level or above de-lists — a state conflict (409), like any illegal act.
      const actorLevel = regionLevel(user.regionCode);
      const now = deps.now();
      // 问责 needs grounds (overdue, a refused acceptance, a failed 回头看); the record's past acts are read only for it.
      const grounds = action !== 'record_accountability' || accountabilityGrounds(hazard, await deps.repo.failureActions(tx, id), now);
      if (!grounds) throw conflict(NO_ACCOUNTABILITY_GROUNDS);
      const facts = { level: hazard.level, listedAtLevel: hazard.listed_level as ListingLevel | null, extensionPending: hazard.extension_request !== null, accountabilityGrounds: grounds, actorRegionLevel: actorLevel === 0 ? undefined : actorLevel };
      if (!allowedActions(status, facts).includes(action)) throw illegalTransition(status, action, allowedActions(status, facts));
      if (!recordAllows(user, hazard, action)) throw forbidden(HAZARD_ACTION_PERMISSION[action]);

      const outcome = await handler({ tx, ctx, user, hazard, now, today: shanghaiDate(now) }, body as never);
      const patch: HazardPatch = { ...outcome.patch };
      if (next.to !== status) patch.status = next.to;
      const version = await deps.repo.update(tx, id, patch, now);
      const eventId = await deps.repo.insertEvent(tx, {
        hazard_id: id, seq: version, action, from_status: status, to_status: next.to,
        actor_id: user.id, actor_name: user.displayName, actor_org_id: user.orgId, actor_org_name: user.orgName,
        at: now, comment: outcome.comment ?? null, data: outcome.data ?? null,
      });
      if (outcome.files) await deps.repo.linkFiles(tx, id, eventId, outcome.files.ids, outcome.files.kind);
      await outcome.after?.(eventId);
      const notices = (outcome.notify ?? []).filter((n): n is { orgId: string; kind: string; title: string } => n.orgId !== null && n.orgId !== user.orgId);
      await deps.repo.notify(tx, notices.map((n) => ({ org_id: n.orgId, hazard_id: id, kind: n.kind, title: n.title, created_at: now })));
      await deps.audit.record(tx, ctx, { action: `hazard.${action}`, objectType: 'hazard', objectId: id, result: 'success', statusCode: 200, details: { from: status, to: next.to } });
    }));
  };
}

export type Perform = ReturnType<typeof createWorkflow>;

/** Photos must be the actor's own uploads (POST /api/files) — never someone else's file ids. */
export async function assertOwnFiles(owned: (userId: string, ids: string[]) => Promise<{ id: string }[]>, user: SessionUser, ids: string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set((await owned(user.id, ids)).map((f) => f.id));
  const missing = ids.filter((i) => !found.has(i));
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', { summary: field }, missing.map((m) => ({ field, reason: 'unknown_file', message: { zh: `附件不存在或不是您上传的：${m}`, en: `unknown file or not your upload: ${m}` } })));
  }
}
