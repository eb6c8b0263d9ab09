import type { Bilingual } from '../errors/error-codes.js';

/** 事故隐患等级. A major hazard is handled as if it were an accident ("隐患就是事故"). */
export const HAZARD_LEVELS = ['general', 'major'] as const;
export type HazardLevel = (typeof HAZARD_LEVELS)[number];

export const HAZARD_LEVEL_LABELS = {
  general: { zh: '一般事故隐患', en: 'General hazard' },
  major: { zh: '重大事故隐患', en: 'Major hazard' },
} as const satisfies Record<HazardLevel, Bilingual>;

/** Where a hazard was found (domain §2). */
export const HAZARD_SOURCES = [
  'self_inspection',
  'government_inspection',
  'expert',
  'unannounced',
  'campaign',
  'public_report',
  // 网格员巡查: the grid member's patrol ("最后一公里"), counted apart from inspections.
  'grid_patrol',
] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];

export const HAZARD_SOURCE_LABELS = {
  self_inspection: { zh: '企业自查', en: 'Enterprise self-inspection' },
  government_inspection: { zh: '监督检查/执法', en: 'Government inspection' },
  expert: { zh: '第三方专家', en: 'Third-party expert' },
  unannounced: { zh: '四不两直', en: 'Unannounced visit' },
  campaign: { zh: '大排查', en: 'Campaign' },
  public_report: { zh: '群众举报', en: 'Public report' },
  grid_patrol: { zh: '网格员巡查', en: 'Grid patrol' },
} as const satisfies Record<HazardSource, Bilingual>;

export const HAZARD_STATUSES = ['reported', 'rejected', 'verified', 'rectifying', 'pending_acceptance', 'closed'] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

export const HAZARD_STATUS_LABELS = {
  reported: { zh: '已上报', en: 'Reported' },
  rejected: { zh: '不予认定', en: 'Rejected' },
  verified: { zh: '已核实', en: 'Verified' },
  rectifying: { zh: '整改中', en: 'Rectifying' },
  pending_acceptance: { zh: '待验收', en: 'Awaiting acceptance' },
  closed: { zh: '已销号', en: 'Closed' },
} as const satisfies Record<HazardStatus, Bilingual>;

export const INITIAL_HAZARD_STATUS = 'reported' satisfies HazardStatus;

/** No action leaves these except 问责; `closed` is not final because 回头看 may reopen it. */
export const TERMINAL_HAZARD_STATUSES = ['rejected'] as const satisfies readonly HazardStatus[];

/** Still to be dealt with: counts as an open item in the ledger (未销号). */
export const OPEN_HAZARD_STATUSES = ['reported', 'verified', 'rectifying', 'pending_acceptance'] as const satisfies readonly HazardStatus[];

/** Settled: no deadline runs, never overdue. */
export const SETTLED_HAZARD_STATUSES = ['closed', 'rejected'] as const satisfies readonly HazardStatus[];

export function isOpenHazardStatus(status: HazardStatus): boolean {
  return (OPEN_HAZARD_STATUSES as readonly HazardStatus[]).includes(status);
}

/** Why a reported hazard is not taken on (不予认定). */
export const HAZARD_REJECTION_REASONS = ['not_hazard', 'duplicate'] as const;
export type HazardRejectionReason = (typeof HAZARD_REJECTION_REASONS)[number];

export const HAZARD_REJECTION_REASON_LABELS = {
  not_hazard: { zh: '不构成事故隐患', en: 'Not a hazard' },
  duplicate: { zh: '重复上报', en: 'Duplicate report' },
} as const satisfies Record<HazardRejectionReason, Bilingual>;

/**
 * 挂牌督办 is ordered by a government at province (1), city (2) or county (3) level — the
 * region levels of `regions/`. A smaller number is a higher level.
 */
export const LISTING_LEVELS = [1, 2, 3] as const;
export type ListingLevel = (typeof LISTING_LEVELS)[number];

export const LISTING_LEVEL_LABELS = {
  1: { zh: '省级挂牌督办', en: 'Listed by the province' },
  2: { zh: '市级挂牌督办', en: 'Listed by the city' },
  3: { zh: '县级挂牌督办', en: 'Listed by the county' },
} as const satisfies Record<ListingLevel, Bilingual>;

export function isListingLevel(level: number): level is ListingLevel {
  return (LISTING_LEVELS as readonly number[]).includes(level);
}

/** 五步工作法 (seed 004): every action belongs to one step, for grouping the timeline. */
export const FIVE_STEPS = ['find', 'assign', 'supervise', 'reinspect', 'accountability'] as const;
export type FiveStep = (typeof FIVE_STEPS)[number];

export const FIVE_STEP_LABELS = {
  find: { zh: '排查', en: 'Find' },
  assign: { zh: '交办', en: 'Assign' },
  supervise: { zh: '督查', en: 'Supervise' },
  reinspect: { zh: '复查', en: 'Re-inspect' },
  accountability: { zh: '问责', en: 'Hold accountable' },
} as const satisfies Record<FiveStep, Bilingual>;
