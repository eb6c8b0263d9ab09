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
  // Grid members are the government's eyes on the ground ("最后一公里"): their visits count.
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
} as const satisfies Record<HazardSource, readonly OrgAudience[]>;

export function canReportFrom(audience: OrgAudience, source: HazardSource): boolean {
  return (HAZARD_SOURCE_AUDIENCES[source] as readonly OrgAudience[]).includes(audience);
}
