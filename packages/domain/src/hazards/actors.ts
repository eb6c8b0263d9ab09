import { deskOf } from '../access/desk.js';
import type { OrgAudience } from '../access/org-types.js';
import type { Permission } from '../access/permissions.js';
import type { HazardAction } from './transitions.js';
import type { HazardSource } from './vocabulary.js';

/**
 * Who may perform each act of the loop, as the permission it needs. Roles are data (the
 * roles table grants permissions), so this table — not a role list — is the one rule; the
 * server's policy adds the record-level checks (scope, the assigning level decides an
 * extension, only the listing level or above de-lists).
 */
export const HAZARD_ACTION_PERMISSION = {
  verify: 'hazard.verify',
  reject: 'hazard.verify',
  assign: 'hazard.assign',
  // The responsible unit is usually an enterprise, but a township or a department can be
  // the one rectifying (a road, a school), so the permission is not enterprise-only.
  progress: 'hazard.rectify',
  request_extension: 'hazard.rectify',
  decide_extension: 'hazard.assign',
  // 督查 is the government's check on a rectification; grid members find hazards (网格员巡查)
  // and do not hold it.
  supervise: 'hazard.supervise',
  list: 'hazard.list',
  delist: 'hazard.list',
  submit_for_acceptance: 'hazard.rectify',
  // "谁验收、谁签字、谁负责": acceptance is a government signature, never the unit's own.
  accept: 'hazard.accept',
  reject_acceptance: 'hazard.accept',
  // 回头看 is the committee office's check on everyone else's closures.
  review_pass: 'hazard.review',
  review_fail: 'hazard.review',
  record_accountability: 'hazard.accountability',
} as const satisfies Record<HazardAction, Permission>;

export function canPerform(permissions: ReadonlySet<string> | readonly string[], action: HazardAction): boolean {
  const needed = HAZARD_ACTION_PERMISSION[action];
  return permissions instanceof Set ? permissions.has(needed) : (permissions as readonly string[]).includes(needed);
}

/**
 * Which kind of organisation may file a hazard from each source (the intake, before the
 * loop starts): self-inspection is the enterprise's own; inspections and unannounced visits
 * are the government's; a public report taken by phone is entered by whoever received it.
 */
export const HAZARD_SOURCE_AUDIENCES = {
  self_inspection: ['enterprise'],
  government_inspection: ['government'],
  expert: ['government'],
  unannounced: ['government'],
  campaign: ['government', 'enterprise'],
  public_report: ['public', 'government'],
  grid_patrol: ['government'],
} as const satisfies Record<HazardSource, readonly OrgAudience[]>;

export function canReportFrom(audience: OrgAudience, source: HazardSource): boolean {
  return (HAZARD_SOURCE_AUDIENCES[source] as readonly OrgAudience[]).includes(audience);
}

/**
 * The source a new report starts with, so that the statistics by source say who found what:
 * an enterprise's own report is 企业自查, a field reporter's (the grid member's desk, see
 * deskOf) 网格员巡查, a desk officer's or inspector's 监督检查. Always one the audience may
 * claim (canReportFrom); the reporter can still pick another it may claim.
 */
export function defaultReportSource(audience: OrgAudience, granted: ReadonlySet<string> | readonly string[]): HazardSource {
  if (audience === 'enterprise') return 'self_inspection';
  if (audience === 'public') return 'public_report';
  return deskOf(granted) === 'reporter' ? 'grid_patrol' : 'government_inspection';
}

/**
 * Where 问责 can apply: a failure someone answers for — the rectifying unit is overdue, an
 * acceptance was refused, a 回头看 failed, or the escalation job already marked the hazard
 * (accountabilityRequired). Elsewhere there is nothing to hold anyone accountable for.
 */
export interface AccountabilityGrounds {
  accountabilityRequired: boolean;
  /** 逾期 now (lateness kind 'overdue'). */
  overdue: boolean;
  /** The acts recorded on the hazard so far (its events' actions). */
  pastActions: readonly string[];
}

export const ACCOUNTABILITY_FAILURE_ACTIONS = ['reject_acceptance', 'review_fail'] as const satisfies readonly HazardAction[];

export function accountabilityApplies(g: AccountabilityGrounds): boolean {
  return g.accountabilityRequired || g.overdue || g.pastActions.some((a) => (ACCOUNTABILITY_FAILURE_ACTIONS as readonly string[]).includes(a));
}
