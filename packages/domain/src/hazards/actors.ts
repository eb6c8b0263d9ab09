import type { RoleKey } from '../access/roles.js';
import type { Bilingual } from '../errors/error-codes.js';
import type { HazardAction } from './transitions.js';
import type { HazardSource } from './vocabulary.js';

/**
 * Who takes part in the loop, coarser than roles: the tables below say which kind of actor
 * may perform which action. Record-level rules (own region, own enterprise, the assigning
 * level decides the extension) belong to the server's policy on top of this.
 */
export const HAZARD_ACTOR_KINDS = ['committee_office', 'government', 'grid_member', 'expert', 'enterprise', 'public'] as const;
export type HazardActorKind = (typeof HAZARD_ACTOR_KINDS)[number];

export const HAZARD_ACTOR_LABELS = {
  committee_office: { zh: '安委办', en: 'Safety committee office' },
  government: { zh: '政府及部门', en: 'Government or department' },
  grid_member: { zh: '网格员', en: 'Grid member' },
  expert: { zh: '第三方专家', en: 'Third-party expert' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  public: { zh: '社会公众', en: 'The public' },
} as const satisfies Record<HazardActorKind, Bilingual>;

const AUTHORITY = ['committee_office', 'government'] as const satisfies readonly HazardActorKind[];
/*
 * The responsible unit is usually an enterprise, but a township or a department can be the
 * one rectifying (a road, a school), so government may report its own progress.
 */
const RESPONSIBLE = ['enterprise', 'government'] as const satisfies readonly HazardActorKind[];

export const HAZARD_ACTION_ACTORS = {
  verify: AUTHORITY,
  reject: AUTHORITY,
  assign: AUTHORITY,
  progress: RESPONSIBLE,
  request_extension: RESPONSIBLE,
  decide_extension: AUTHORITY,
  // Grid members are the government's eyes on the ground ("最后一公里"): their visit records count.
  supervise: ['committee_office', 'government', 'grid_member'],
  list: AUTHORITY,
  delist: AUTHORITY,
  submit_for_acceptance: RESPONSIBLE,
  // "谁验收、谁签字、谁负责": acceptance is a government signature, never the unit's own.
  accept: AUTHORITY,
  reject_acceptance: AUTHORITY,
  // 回头看 is the committee office's check on everyone else's closures.
  review_pass: ['committee_office'],
  review_fail: ['committee_office'],
  record_accountability: AUTHORITY,
} as const satisfies Record<HazardAction, readonly HazardActorKind[]>;

/** Who may file a hazard from each source (the intake, before the loop starts). */
export const HAZARD_SOURCE_REPORTERS = {
  self_inspection: ['enterprise'],
  government_inspection: ['committee_office', 'government', 'grid_member'],
  // Experts may not have accounts; the department that engaged them records their findings.
  expert: ['expert', 'committee_office', 'government'],
  unannounced: ['committee_office', 'government'],
  campaign: ['committee_office', 'government', 'grid_member', 'enterprise'],
  // A report taken by phone or at a counter is entered by whoever received it.
  public_report: ['public', 'committee_office', 'government', 'grid_member'],
} as const satisfies Record<HazardSource, readonly HazardActorKind[]>;

/** The actor kind each built-in role acts as; the three administrators do no business work. */
export const ROLE_HAZARD_ACTOR = {
  system_admin: null,
  security_admin: null,
  audit_admin: null,
  committee_office_staff: 'committee_office',
  department_staff: 'government',
  township_staff: 'government',
  grid_member: 'grid_member',
  leader: 'government',
  inspector: 'government',
  enterprise_principal: 'enterprise',
  enterprise_safety_officer: 'enterprise',
} as const satisfies Record<RoleKey, HazardActorKind | null>;

export function canActOnHazard(actor: HazardActorKind, action: HazardAction): boolean {
  return (HAZARD_ACTION_ACTORS[action] as readonly HazardActorKind[]).includes(actor);
}

export function canReportHazard(actor: HazardActorKind, source: HazardSource): boolean {
  return (HAZARD_SOURCE_REPORTERS[source] as readonly HazardActorKind[]).includes(actor);
}

/** The actor kinds an account acts as, from its roles (an account may hold several). */
export function hazardActorKinds(roles: readonly RoleKey[]): HazardActorKind[] {
  const kinds = new Set<HazardActorKind>();
  for (const role of roles) {
    const kind = ROLE_HAZARD_ACTOR[role];
    if (kind !== null) kinds.add(kind);
  }
  return [...kinds];
}
