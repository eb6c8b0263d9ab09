import type { Bilingual } from '../errors/error-codes.js';
import { canPerform } from './actors.js';
import { HAZARD_STATUSES, type FiveStep, type HazardLevel, type HazardStatus, type ListingLevel } from './vocabulary.js';

/**
 * The hazard closed loop as data. Every change to a hazard is one of these actions, written
 * as an event; the server checks the table (409 when the state does not allow the action),
 * then the guards (422 when the input is incomplete), then writes state and event together.
 */
export const HAZARD_ACTIONS = [
  'verify',
  'reject',
  'assign',
  'progress',
  'request_extension',
  'decide_extension',
  'supervise',
  'list',
  'delist',
  'submit_for_acceptance',
  'accept',
  'reject_acceptance',
  'review_pass',
  'review_fail',
  'record_accountability',
] as const;
export type HazardAction = (typeof HAZARD_ACTIONS)[number];

/** `same`: the action records something and leaves the status as it was. */
export const SAME_STATUS = 'same';

export interface HazardTransition {
  from: readonly HazardStatus[];
  to: HazardStatus | typeof SAME_STATUS;
  step: FiveStep;
  label: Bilingual;
}

const ALL: readonly HazardStatus[] = HAZARD_STATUSES;
const NOT_REJECTED: readonly HazardStatus[] = ['reported', 'verified', 'rectifying', 'pending_acceptance', 'closed'];
/*
 * Listing presupposes a confirmed (核实) major hazard, so an unverified report cannot be
 * listed; de-listing (摘牌) usually follows 销号, so it stays possible once closed.
 */
const LISTABLE: readonly HazardStatus[] = ['verified', 'rectifying', 'pending_acceptance'];
const DELISTABLE: readonly HazardStatus[] = ['verified', 'rectifying', 'pending_acceptance', 'closed'];

export const HAZARD_TRANSITIONS = {
  verify: { from: ['reported'], to: 'verified', step: 'find', label: { zh: '核实认定', en: 'Verify' } },
  reject: { from: ['reported'], to: 'rejected', step: 'find', label: { zh: '不予认定', en: 'Reject' } },
  assign: { from: ['verified'], to: 'rectifying', step: 'assign', label: { zh: '交办', en: 'Assign' } },
  progress: { from: ['rectifying'], to: SAME_STATUS, step: 'supervise', label: { zh: '整改进展', en: 'Report progress' } },
  request_extension: { from: ['rectifying'], to: SAME_STATUS, step: 'supervise', label: { zh: '申请延期', en: 'Request extension' } },
  decide_extension: { from: ['rectifying'], to: SAME_STATUS, step: 'supervise', label: { zh: '延期审批', en: 'Decide extension' } },
  supervise: { from: NOT_REJECTED, to: SAME_STATUS, step: 'supervise', label: { zh: '督查', en: 'Supervise' } },
  list: { from: LISTABLE, to: SAME_STATUS, step: 'supervise', label: { zh: '挂牌督办', en: 'List for supervision' } },
  delist: { from: DELISTABLE, to: SAME_STATUS, step: 'supervise', label: { zh: '摘牌', en: 'De-list' } },
  submit_for_acceptance: { from: ['rectifying'], to: 'pending_acceptance', step: 'reinspect', label: { zh: '申请验收', en: 'Submit for acceptance' } },
  accept: { from: ['pending_acceptance'], to: 'closed', step: 'reinspect', label: { zh: '验收销号', en: 'Accept and close' } },
  reject_acceptance: { from: ['pending_acceptance'], to: 'rectifying', step: 'reinspect', label: { zh: '验收不通过', en: 'Reject acceptance' } },
  review_pass: { from: ['closed'], to: SAME_STATUS, step: 'reinspect', label: { zh: '回头看通过', en: 'Re-review passed' } },
  review_fail: { from: ['closed'], to: 'rectifying', step: 'reinspect', label: { zh: '回头看不通过', en: 'Re-review failed' } },
  record_accountability: { from: ALL, to: SAME_STATUS, step: 'accountability', label: { zh: '问责', en: 'Record accountability' } },
} as const satisfies Record<HazardAction, HazardTransition>;

export function isHazardAction(value: string): value is HazardAction {
  return (HAZARD_ACTIONS as readonly string[]).includes(value);
}

/** The actions the status alone allows, in table order. */
export function actionsFromStatus(status: HazardStatus): HazardAction[] {
  return HAZARD_ACTIONS.filter((a) => (HAZARD_TRANSITIONS[a].from as readonly HazardStatus[]).includes(status));
}

export type NextStatusResult =
  | { ok: true; from: HazardStatus; to: HazardStatus; action: HazardAction }
  | { ok: false; from: HazardStatus; action: HazardAction; allowed: HazardAction[] };

/** The status after `action`, or — for the API's 409 — the actions this status does allow. */
export function nextStatus(status: HazardStatus, action: HazardAction): NextStatusResult {
  const transition: HazardTransition = HAZARD_TRANSITIONS[action];
  if (!transition.from.includes(status)) return { ok: false, from: status, action, allowed: actionsFromStatus(status) };
  return { ok: true, from: status, action, to: transition.to === SAME_STATUS ? status : transition.to };
}

/**
 * What else decides whether an action makes sense now. The optional actor fields narrow
 * the list to what one user may do (the `actions` array the UI shows); whether the record
 * is in the user's scope stays with the server's policy.
 */
export interface HazardFacts {
  level: HazardLevel;
  listedAtLevel: ListingLevel | null;
  /** An extension request is waiting for a decision. */
  extensionPending: boolean;
  /** 问责 can apply (accountabilityApplies: overdue, a refused acceptance, a failed 回头看). */
  accountabilityGrounds: boolean;
  /** The acting account's permissions; each action needs HAZARD_ACTION_PERMISSION[action]. */
  permissions?: ReadonlySet<string> | readonly string[];
  /** Region level of the actor's organisation (1 province … 5 village). */
  actorRegionLevel?: number;
}

function factsAllow(action: HazardAction, facts: HazardFacts): boolean {
  const { level, listedAtLevel, extensionPending, actorRegionLevel } = facts;
  switch (action) {
    case 'list':
      if (level !== 'major') return false;
      if (actorRegionLevel === undefined) return listedAtLevel !== 1;
      // A higher level may take over a listing (升级挂牌); the same or a lower one may not.
      return actorRegionLevel >= 1 && actorRegionLevel <= 3 && (listedAtLevel === null || actorRegionLevel < listedAtLevel);
    case 'delist':
      if (listedAtLevel === null) return false;
      return actorRegionLevel === undefined || (actorRegionLevel >= 1 && actorRegionLevel <= listedAtLevel);
    case 'request_extension':
      return !extensionPending;
    case 'decide_extension':
      return extensionPending;
    case 'record_accountability':
      return facts.accountabilityGrounds;
    default:
      return true;
  }
}

/** The actions allowed in `status` given the facts, in table order. */
export function allowedActions(status: HazardStatus, facts?: HazardFacts): HazardAction[] {
  return actionsFromStatus(status).filter((action) => {
    if (!facts) return true;
    if (!factsAllow(action, facts)) return false;
    return facts.permissions === undefined || canPerform(facts.permissions, action);
  });
}
