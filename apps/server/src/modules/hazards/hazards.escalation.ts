import { sql } from 'kysely';
import { daysOverdue, DEFAULT_ACCOUNTABILITY_GRACE_DAYS, parentRegionCode, shanghaiDate, type HazardStatus } from '@anjian/domain';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database } from '../../platform/db/database.js';
import { systemContext } from '../../platform/http/context.js';
import type { HazardsRepository } from './hazards.repository.js';

const SYSTEM = '系统（逾期督办）';

/**
 * "应整改未整改…一律公开曝光、严肃问责". Overdue itself is computed wherever it is shown; this
 * job does what overdue sets in motion, once per hazard: tells the level above the assigning
 * level, marks the hazard for exposure (escalated_at), and past the grace period requires
 * accountability. Each step is an event on the timeline.
 */
export function createEscalation(deps: { db: Database; repo: HazardsRepository; audit: AuditWriter; graceDays?: number }) {
  const grace = deps.graceDays ?? DEFAULT_ACCOUNTABILITY_GRACE_DAYS;

  return async function escalateOverdue(now: Date): Promise<{ escalated: number; accountability: number }> {
    const today = shanghaiDate(now);
    let escalated = 0;
    let accountability = 0;
    await deps.db.transaction().execute(async (tx) => {
      const due = await tx
        .selectFrom('hazards as h')
        .leftJoin('orgs as a', 'a.id', 'h.assigned_by_org_id')
        .select(['h.id', 'h.title', 'h.status', 'h.deadline', 'h.escalated_at', 'h.accountability_required', 'a.region_code as assigner_region'])
        .where('h.status', 'in', ['verified', 'rectifying', 'pending_acceptance'])
        .where('h.deadline', '<', today)
        .where((eb) => eb.or([eb('h.escalated_at', 'is', null), eb('h.accountability_required', '=', false)]))
        .orderBy('h.id')
        .limit(1000)
        .forUpdate('h')
        .skipLocked()
        .execute();
      for (const h of due) {
        const overdueDays = daysOverdue(h.deadline, h.status as HazardStatus, now);
        const escalate = h.escalated_at === null;
        const requireAccountability = !h.accountability_required && overdueDays > grace;
        if (!escalate && !requireAccountability) continue;
        const version = await deps.repo.update(tx, h.id, { ...(escalate ? { escalated_at: now } : {}), ...(requireAccountability ? { accountability_required: true } : {}) }, now);
        await deps.repo.insertEvent(tx, {
          hazard_id: h.id, seq: version, action: escalate ? 'overdue_escalated' : 'accountability_required', from_status: h.status, to_status: h.status,
          actor_id: null, actor_name: SYSTEM, actor_org_id: null, actor_org_name: null, at: now, comment: null,
          data: { daysOverdue: overdueDays, deadline: h.deadline, exposure: escalate, accountabilityRequired: requireAccountability },
        });
        if (escalate && h.assigner_region) {
          const above = parentRegionCode(h.assigner_region);
          const offices = above === null ? [] : await tx.selectFrom('orgs').select('id').where('type', '=', 'safety_committee_office').where('region_code', '=', above).execute();
          await deps.repo.notify(tx, offices.map((o) => ({ org_id: o.id, hazard_id: h.id, kind: 'overdue', title: `隐患逾期未整改：${h.title}（期限 ${h.deadline}）`, created_at: now })));
        }
        if (escalate) escalated++;
        if (requireAccountability) accountability++;
      }
      if (escalated + accountability > 0) {
        await deps.audit.record(tx, systemContext('job'), { action: 'job.escalate_overdue', result: 'success', details: { escalated, accountability, today } });
      }
    });
    return { escalated, accountability };
  };
}

export type EscalateOverdue = ReturnType<typeof createEscalation>;

/** Kept for statistics: a hazard counts as exposed once escalated. */
export const EXPOSED = sql<boolean>`h.escalated_at is not null`;
