import { allowedInspectionActions, INSPECTION_ACTION_PERMISSION, itemCitation, TEAM_ONLY_ACTIONS, type ChecklistDetail, type ChecklistSummary, type InspectionAction, type InspectionDetail, type InspectionSummary } from '@anjian/domain';
import type { z } from 'zod';
import type { SessionUser } from '../../platform/http/context.js';
import type { ChecklistRow, DetailRow, SummaryRow } from './inspections.repository.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentSummary(r: SummaryRow): z.infer<typeof InspectionSummary> {
  return {
    id: r.id, type: r.type, status: r.status, enterprise: { id: r.enterprise_id, name: r.enterprise_name }, regionCode: r.region_code, industryCode: r.industry_code,
    orgName: r.org_name, inspectedOn: r.inspected_on, team: r.team, failedCount: r.failed_count, majorCount: r.major_count, hazardCount: r.hazard_count, recordedAt: iso(r.recorded_at),
  };
}

export function isMember(user: SessionUser, r: Pick<SummaryRow, 'team'>): boolean {
  return r.team.some((m) => m.userId === user.id);
}

/** What `user` may do with the record now: the state table, the permission, and team membership. */
export function actionsFor(user: SessionUser, r: Pick<SummaryRow, 'status' | 'team'>): InspectionAction[] {
  return allowedInspectionActions(r.status).filter((a) => user.permissions.has(INSPECTION_ACTION_PERMISSION[a])
    && (!(TEAM_ONLY_ACTIONS as readonly InspectionAction[]).includes(a) || isMember(user, r)));
}

export function presentDetail(r: DetailRow, user: SessionUser): Omit<z.infer<typeof InspectionDetail>, 'drawId' | 'drawPlanId' | 'orderCase' | 'cases'> {
  const results = new Map(r.results.map((x) => [x.itemKey, x]));
  return {
    ...presentSummary(r),
    checklist: { id: r.checklist_id, title: r.checklist_title, version: r.checklist_version },
    drawPairId: r.draw_pair_id,
    summary: r.summary,
    recorderName: r.recorder_name,
    items: r.checklist_items.map((item) => {
      const res = results.get(item.key);
      return {
        key: item.key, text: item.text, basis: item.basis, clauseId: item.clauseId ?? null, clauseCitation: itemCitation(item),
        result: res?.result ?? null, note: res?.note ?? null, photos: res?.photos ?? [],
        hazard: res?.hazardId ? { id: res.hazardId, level: res.level ?? 'general', criterionClause: res.criterionClause } : null,
      };
    }),
    enterpriseSignature: r.enterprise_signature ? { name: r.enterprise_signature.name, title: r.enterprise_signature.title ?? null, imageFileId: r.enterprise_signature.imageFileId ?? null, at: r.enterprise_signature.at } : null,
    events: r.events.map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
    actions: actionsFor(user, r),
  };
}

export function presentChecklist(c: ChecklistRow, withItems: true): z.infer<typeof ChecklistDetail>;
export function presentChecklist(c: ChecklistRow, withItems: false): z.infer<typeof ChecklistSummary>;
export function presentChecklist(c: ChecklistRow, withItems: boolean) {
  const summary = {
    id: c.id, industryCode: c.industry_code, industryName: c.industry_name, version: c.version, title: c.title, current: c.current, supersedesId: c.supersedes_id,
    publishedAt: new Date(c.published_at).toISOString(), publishedBy: c.published_by, itemCount: c.items.length, majorItemCount: c.items.filter((i) => i.clauseId).length,
  };
  if (!withItems) return summary;
  return { ...summary, items: c.items.map((i) => ({ key: i.key, text: i.text, basis: i.basis, clauseId: i.clauseId ?? null, clauseCitation: itemCitation(i) })) };
}
