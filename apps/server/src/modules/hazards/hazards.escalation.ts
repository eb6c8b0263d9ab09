import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { DEFAULT_ACCOUNTABILITY_GRACE_DAYS, lateness, parentRegionCode, shanghaiDate, type BusinessDate } from '@anjian/domain';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { systemContext } from '../../platform/http/context.js';
import { clockFacts, dueBy, dueOn, LATE_KIND_CODE, late, past } from './hazards.clock.js';
import { unscoped } from '../../platform/access/scope.js';

const OVERDUE_ACTOR = '系统（逾期督办）';
const ACCEPTANCE_ACTOR = '系统（验收超期督办）';
/** Hazards handled per transaction: each batch locks, writes and commits on its own. */
export const ESCALATION_BATCH = 1000;

/**
 * What the job still has to do for a hazard, exactly — so that a hazard done with (escalated
 * and within its grace period, or escalated and accountable) is never read again and a batch
 * is only ever work: overdue (逾期) and not yet escalated, or overdue past the grace period and
 * not yet accountable; or its acceptance late (验收超期) and not yet reported.
 */
function dueForEscalation(today: BusinessDate, grace: number): RawBuilder<SqlBool> {
  const overdue = late('overdue', today);
  return sql<SqlBool>`((${overdue} and (h.escalated_at is null or (not h.accountability_required and ${past(sql`${dueOn()} + ${grace}::int`, today)})))
    or (${late('acceptance_overdue', today)} and h.acceptance_escalated_at is null))`;
}

interface Due {
  id: string; title: string; status: string; deadline: string | null; submitted_at: Date | null;
  escalated_at: Date | null; accountability_required: boolean; acceptance_escalated_at: Date | null;
  assigned_by_org_id: string | null; assigner_region: string | null;
}

/**
 * "应整改未整改…一律公开曝光、严肃问责". Lateness itself is computed wherever it is shown; this job
 * does what it sets in motion, once per hazard, each step an event on the timeline:
 * - 逾期 (the rectifying unit's): tells the level above the assigning level (逾期督办), marks the
 *   hazard for exposure (escalated_at) and, past the grace period, requires accountability;
 * - 验收超期 (submitted in time, the acceptance is late): tells the accepting unit and the level
 *   above it (acceptance_escalated_at, once per submission) — the enterprise is neither exposed
 *   nor held accountable for it.
 * It goes through every due hazard in keyset batches of ESCALATION_BATCH, each its own transaction.
 */
export function createEscalation(deps: { db: Database; audit: AuditWriter; graceDays?: number; batchSize?: number }) {
  const grace = deps.graceDays ?? DEFAULT_ACCOUNTABILITY_GRACE_DAYS;
  const size = deps.batchSize ?? ESCALATION_BATCH;

  interface BatchResult { read: number; last: string | null; escalated: number; accountability: number; acceptance: number }

  async function batch(tx: Executor, now: Date, after: string | null): Promise<BatchResult> {
    const today = shanghaiDate(now);
    let q = tx.selectFrom('hazards as h').where(unscoped('the escalation job reads every due hazard of every region')).leftJoin('orgs as a', 'a.id', 'h.assigned_by_org_id')
      .select(['h.id', 'h.title', 'h.status', 'h.deadline', 'h.submitted_at', 'h.escalated_at', 'h.accountability_required', 'h.acceptance_escalated_at', 'h.assigned_by_org_id', 'a.region_code as assigner_region'])
      .where(dueForEscalation(today, grace));
    if (after !== null) q = q.where('h.id', '>', after);
    const rows: Due[] = await q.orderBy('h.id').limit(size).forUpdate('h').skipLocked().execute();
    const acts = rows.flatMap((h) => {
      const l = lateness(clockFacts(h), now);
      if (l?.kind === 'overdue') {
        const escalate = h.escalated_at === null;
        const accountability = !h.accountability_required && l.days > grace;
        return escalate || accountability ? [{ h, days: l.days, escalate, accountability, acceptance: false }] : [];
      }
      if (l?.kind === 'acceptance_overdue' && h.acceptance_escalated_at === null) return [{ h, days: l.days, escalate: false, accountability: false, acceptance: true }];
      return [];
    });
    if (acts.length === 0) return { read: rows.length, last: rows.at(-1)?.id ?? null, escalated: 0, accountability: 0, acceptance: 0 };

    const versions = await sql<{ id: string; version: number }>`
      update hazards h set
        escalated_at = case when u.escalate then ${now}::timestamptz else h.escalated_at end,
        accountability_required = h.accountability_required or u.accountability,
        acceptance_escalated_at = case when u.acceptance then ${now}::timestamptz else h.acceptance_escalated_at end,
        version = h.version + 1, updated_at = ${now}
      from unnest(${acts.map((a) => a.h.id)}::bigint[], ${acts.map((a) => a.escalate)}::boolean[], ${acts.map((a) => a.accountability)}::boolean[], ${acts.map((a) => a.acceptance)}::boolean[])
        as u(id, escalate, accountability, acceptance)
      where h.id = u.id
      returning h.id::text, h.version`.execute(tx);
    const version = new Map(versions.rows.map((r) => [r.id, r.version]));
    await tx.insertInto('hazard_events').values(acts.map(({ h, days, escalate, accountability, acceptance }) => ({
      hazard_id: h.id, seq: version.get(h.id)!, from_status: h.status, to_status: h.status, actor_id: null, actor_org_id: null, actor_org_name: null, at: now, comment: null,
      ...(acceptance
        ? { action: 'acceptance_overdue_escalated', actor_name: ACCEPTANCE_ACTOR, data: JSON.stringify({ daysLate: days, deadline: h.deadline, submittedAt: h.submitted_at?.toISOString() ?? null, acceptingOrgId: h.assigned_by_org_id }) }
        : { action: escalate ? 'overdue_escalated' : 'accountability_required', actor_name: OVERDUE_ACTOR, data: JSON.stringify({ daysOverdue: days, deadline: h.deadline, exposure: escalate, accountabilityRequired: accountability }) }),
    }))).execute();

    // 逾期督办 goes to the committee office above the assigning level; a late acceptance to the
    // accepting unit (the assigner, to whom the submission went) and the office above it.
    const above = [...new Set(acts.filter((a) => a.escalate || a.acceptance).flatMap((a) => parentRegionCode(a.h.assigner_region ?? '') ?? []))];
    const offices = above.length === 0 ? [] : await tx.selectFrom('orgs').select(['id', 'region_code']).where('type', '=', 'safety_committee_office').where('region_code', 'in', above).execute();
    const officesAbove = (h: Due) => offices.filter((o) => h.assigner_region !== null && o.region_code === parentRegionCode(h.assigner_region));
    const notices = acts.flatMap(({ h, escalate, acceptance }) => [
      ...(escalate ? officesAbove(h).map((o) => ({ org_id: o.id, kind: 'overdue', title: `隐患逾期未整改：${h.title}（期限 ${h.deadline}）` })) : []),
      ...(acceptance
        ? [...(h.assigned_by_org_id ? [h.assigned_by_org_id] : []), ...officesAbove(h).map((o) => o.id)]
          .map((orgId) => ({ org_id: orgId, kind: 'acceptance_overdue', title: `隐患验收超期：${h.title}（${h.submitted_at ? shanghaiDate(h.submitted_at) : ''} 申请验收，整改期限 ${h.deadline}）` }))
        : []),
    ].map((n) => ({ ...n, hazard_id: h.id, created_at: now })));
    if (notices.length > 0) await tx.insertInto('notifications').values(notices).execute();

    const counts = { escalated: acts.filter((a) => a.escalate).length, accountability: acts.filter((a) => a.accountability).length, acceptance: acts.filter((a) => a.acceptance).length };
    await deps.audit.record(tx, systemContext('job'), { action: 'job.escalate_overdue', result: 'success', details: { ...counts, today } });
    return { read: rows.length, last: rows.at(-1)!.id, ...counts };
  }

  /** What one run did; `read` counts the hazards its batches read — each one due, none read twice. */
  return async function escalateOverdue(now: Date): Promise<{ escalated: number; accountability: number; acceptance: number; read: number; batches: number }> {
    const total = { escalated: 0, accountability: 0, acceptance: 0, read: 0, batches: 0 };
    let after: string | null = null;
    for (;;) {
      const from: string | null = after;
      const done: BatchResult = await deps.db.transaction().execute((tx) => batch(tx, now, from));
      total.escalated += done.escalated;
      total.accountability += done.accountability;
      total.acceptance += done.acceptance;
      total.read += done.read;
      total.batches++;
      // A short batch was the last of what is due: everything after it was read.
      if (done.read < size || done.last === null) return total;
      after = done.last;
    }
  };
}

export type EscalateOverdue = ReturnType<typeof createEscalation>;

/** Exposed (曝光) for statistics: the rectifying unit's lateness, escalated by the job. */
export const EXPOSED = sql<boolean>`(${dueBy()} = ${sql.lit(LATE_KIND_CODE.overdue)} and h.escalated_at is not null)`;
