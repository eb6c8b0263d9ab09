import { sql } from 'kysely';
import { caseDaysOverdue, caseDueOn, parentRegionCode, shanghaiDate, type CaseStatus } from '@anjian/domain';
import { unscoped } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database } from '../../platform/db/database.js';
import { systemContext } from '../../platform/http/context.js';

const ACTOR = '系统（办案超期督办）';

/**
 * The 立案→决定 clock run out (case_overdue, the one definition): once per case, like the
 * hazards' 逾期督办, the job marks the case escalated, writes the event on its timeline and
 * tells the handling organisation and the committee office of the level above it.
 */
export function createCaseEscalation(deps: { db: Database; audit: AuditWriter }) {
  return async function escalateOverdueCases(now: Date): Promise<{ escalated: number }> {
    const today = shanghaiDate(now);
    return deps.db.transaction().execute(async (tx) => {
      const rows = await tx.selectFrom('cases as c').where(unscoped('the escalation job reads every overdue case of every region'))
        .select(['c.id', 'c.number', 'c.cause', 'c.status', 'c.filed_on', 'c.extension_days', 'c.org_id', 'c.org_region_code', 'c.enterprise_name', 'c.version'])
        .where(sql<boolean>`case_overdue(c.status, c.filed_on, c.extension_days, ${today}::date)`).where('c.escalated_at', 'is', null)
        .orderBy('c.id').limit(1000).forUpdate().skipLocked().execute();
      if (rows.length === 0) return { escalated: 0 };
      const above = [...new Set(rows.flatMap((r) => parentRegionCode(r.org_region_code) ?? []))];
      const offices = above.length === 0 ? [] : await tx.selectFrom('orgs as o').where(unscoped('the escalation job finds the offices above each case'))
        .select(['o.id', 'o.region_code']).where('o.type', '=', 'safety_committee_office').where('o.region_code', 'in', above).execute();
      for (const r of rows) {
        const f = { status: r.status as CaseStatus, filedOn: r.filed_on, extensionDays: r.extension_days };
        const days = caseDaysOverdue(f, today);
        const version = r.version + 1;
        await tx.updateTable('cases').set({ escalated_at: now, version, updated_at: now }).where('id', '=', r.id).execute();
        await tx.insertInto('case_events').values({
          case_id: r.id, seq: version, action: 'overdue_escalated', from_status: r.status, to_status: r.status, actor_id: null, actor_name: ACTOR, actor_org_name: null, at: now,
          comment: null, data: JSON.stringify({ daysOverdue: days, dueOn: caseDueOn(f) }),
        }).execute();
        const to = [r.org_id, ...offices.filter((o) => o.region_code === parentRegionCode(r.org_region_code)).map((o) => o.id)];
        await tx.insertInto('notifications').values(to.map((org) => ({ org_id: org, hazard_id: null, kind: 'case_overdue', title: `案件超期未决定：${r.number} ${r.enterprise_name}（${r.cause}），已超期 ${days} 日`, created_at: now }))).execute();
      }
      await deps.audit.record(tx, systemContext('job'), { action: 'job.escalate_overdue_cases', result: 'success', details: { escalated: rows.length, today } });
      return { escalated: rows.length };
    });
  };
}
