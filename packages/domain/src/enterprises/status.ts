import type { Bilingual } from '../errors/error-codes.js';

/**
 * An enterprise's operating status as the supervisor sees it (domain §4): 正常 → 停产整顿 →
 * (复产验收) → 正常, or 关闭. 复产验收 is an acceptance event that returns the unit to
 * `operating`, not a status of its own.
 */
export const ENTERPRISE_STATUSES = ['operating', 'suspended', 'closed'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

export const ENTERPRISE_STATUS_LABELS = {
  operating: { zh: '正常', en: 'Operating' },
  suspended: { zh: '停产整顿', en: 'Suspended for rectification' },
  closed: { zh: '关闭', en: 'Closed' },
} as const satisfies Record<EnterpriseStatus, Bilingual>;

/**
 * Which status changes make sense. Closure (关闭) is final: a closed unit that reopens is
 * a new registration, not a status change.
 */
export const ENTERPRISE_STATUS_CHANGES = {
  operating: ['suspended', 'closed'],
  suspended: ['operating', 'closed'],
  closed: [],
} as const satisfies Record<EnterpriseStatus, readonly EnterpriseStatus[]>;

/**
 * The changes a supervisor makes by hand (the enterprise page). Lifting 停产整顿 is not one: a
 * suspended unit operates again only after a 复产验收 signed by its acceptor (modules/cases), or
 * when the system that ordered the suspension lifts it (a 挂牌督办 hazard closed after its own
 * acceptance) — 「验收不合格一律不得复产」 (seed 004).
 */
export const MANUAL_STATUS_CHANGES = {
  operating: ['suspended', 'closed'],
  suspended: ['closed'],
  closed: [],
} as const satisfies Record<EnterpriseStatus, readonly EnterpriseStatus[]>;

export function isManualStatusChange(from: EnterpriseStatus, to: EnterpriseStatus): boolean {
  return (MANUAL_STATUS_CHANGES[from] as readonly EnterpriseStatus[]).includes(to);
}

export function isEnterpriseStatus(value: string): value is EnterpriseStatus {
  return (ENTERPRISE_STATUSES as readonly string[]).includes(value);
}

export function canChangeEnterpriseStatus(from: EnterpriseStatus, to: EnterpriseStatus): boolean {
  return (ENTERPRISE_STATUS_CHANGES[from] as readonly EnterpriseStatus[]).includes(to);
}
