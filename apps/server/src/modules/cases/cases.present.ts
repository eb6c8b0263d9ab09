import {
  caseActionsFor, caseDaysOverdue, caseDueOn, DOCUMENT_INFO, responseLastDay, shanghaiDate, type CaseDetail, type CaseStatus, type CaseSummary, type DocumentKind,
} from '@anjian/domain';
import type { SessionUser } from '../../platform/http/context.js';
import { toMeasure, type CaseRow, type DocumentRow, type EventRow, type MeasureRow } from './cases.repository.js';

const clock = (r: CaseRow) => ({ status: r.status as CaseStatus, filedOn: r.filed_on, extensionDays: r.extension_days });

export function presentSummary(r: CaseRow, measures: readonly MeasureRow[], now: Date): CaseSummary {
  const money = measures.filter((m) => m.case_id === r.id && (m.kind === 'fine' || m.kind === 'confiscate')).reduce((s, m) => s + Number(m.amount_fen ?? 0), 0);
  return {
    id: r.id, number: r.number, cause: r.cause, status: r.status as CaseStatus, enterpriseId: r.enterprise_id, enterpriseName: r.enterprise_name,
    regionCode: r.region_code, industryCode: r.industry_code, orgId: r.org_id, orgName: r.org_name, filedOn: r.filed_on,
    dueOn: caseDueOn(clock(r)), daysOverdue: caseDaysOverdue(clock(r), shanghaiDate(now)), decidedOn: r.decided_on, fineFen: money, paidFen: Number(r.paid_fen),
  };
}

export function presentDocument(d: DocumentRow) {
  return { id: d.id, kind: d.kind as DocumentKind, number: d.number, title: DOCUMENT_INFO[d.kind as DocumentKind].title.zh, sha256: d.sha256, size: d.size, generatedAt: d.generated_at.toISOString(), generatedMs: d.generated_ms };
}

export function presentDetail(r: CaseRow, measures: MeasureRow[], events: EventRow[], documents: DocumentRow[], user: SessionUser, now: Date): Omit<CaseDetail, 'reinspections'> {
  return {
    ...presentSummary(r, measures, now),
    facts: r.facts, source: r.source, inspectionId: r.inspection_id, hazardIds: r.hazard_ids.map(String), extensionDays: r.extension_days,
    notifiedOn: r.notified_on, hearingRight: r.hearing_right,
    responseLastDay: r.notified_on ? responseLastDay({ notifiedOn: r.notified_on, hearingRight: r.hearing_right }) : null,
    response: r.response, proposedMeasures: r.proposed_measures, measures: measures.map((m) => {
      const x = toMeasure(m);
      return { id: x.id, kind: x.kind, legalBasis: x.legalBasis, amountFen: x.amountFen ?? null, deadline: x.deadline ?? null, licence: x.licence ?? null, licenceAction: x.licenceAction ?? null, content: x.content ?? null };
    }),
    servedOn: r.served_on, executedOn: r.executed_on, closedOn: r.closed_on, outcomeReason: r.outcome_reason, escalatedAt: r.escalated_at?.toISOString() ?? null,
    documents: documents.map(presentDocument),
    events: events.map((e) => ({ seq: e.seq, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, actorName: e.actor_name, actorOrgName: e.actor_org_name, at: e.at.toISOString(), comment: e.comment, data: e.data })),
    // Acting is the handling organisation's; others see the case without its actions.
    actions: r.org_id === user.orgId ? caseActionsFor(r.status as CaseStatus, user.permissions) : [],
  };
}
