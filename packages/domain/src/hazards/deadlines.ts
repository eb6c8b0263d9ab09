import { addDays, compareDates, daysBetween, shanghaiDate, type BusinessDate } from '../time/shanghai.js';
import { SETTLED_HAZARD_STATUSES, type HazardStatus } from './vocabulary.js';

/*
 * Overdue is computed from the deadline and the clock, never stored: a hazard whose
 * deadline was yesterday (Shanghai) is overdue now, without waiting for a job to notice.
 * The deadline day itself is still in time — 限期 means "by the end of that day".
 * A hazard awaiting acceptance still counts: the goal is 销号 by the deadline, and an
 * acceptor who sits on a submission should show up in the figures too.
 */

export const DEFAULT_DUE_SOON_DAYS = 3;
export const DEFAULT_ACCOUNTABILITY_GRACE_DAYS = 7;

function isSettled(status: HazardStatus): boolean {
  return (SETTLED_HAZARD_STATUSES as readonly HazardStatus[]).includes(status);
}

export function isOverdue(deadline: BusinessDate | null, status: HazardStatus, now: Date): boolean {
  if (deadline === null || isSettled(status)) return false;
  return compareDates(shanghaiDate(now), deadline) > 0;
}

/** Whole Shanghai days past the deadline: 1 on the day after it; 0 when not overdue. */
export function daysOverdue(deadline: BusinessDate | null, status: HazardStatus, now: Date): number {
  if (deadline === null || !isOverdue(deadline, status, now)) return 0;
  return daysBetween(deadline, shanghaiDate(now));
}

/**
 * Due today or within the next `days` days and not yet overdue — the inbox's "due soon".
 * The caller leaves settled hazards out (the ledger filter already has the status).
 */
export function isDueSoon(deadline: BusinessDate, now: Date, days: number = DEFAULT_DUE_SOON_DAYS): boolean {
  const today = shanghaiDate(now);
  return compareDates(deadline, today) >= 0 && compareDates(deadline, addDays(today, days)) <= 0;
}

export interface AccountabilityFacts {
  deadline: BusinessDate | null;
  status: HazardStatus;
  now: Date;
  /** Days of overdue tolerated before 问责 is due; overdue by more than this triggers it. */
  graceDays?: number;
  /** A failed 回头看 calls for accountability whatever the deadline says. */
  failedReview?: boolean;
}

/**
 * "应整改未整改 … 严肃问责": accountability is due once a hazard is overdue by more than the
 * grace period (so with 7 days: not on day 7, yes on day 8), or after a failed re-review.
 */
export function needsAccountability(facts: AccountabilityFacts): boolean {
  if (facts.failedReview === true) return true;
  const grace = facts.graceDays ?? DEFAULT_ACCOUNTABILITY_GRACE_DAYS;
  if (!Number.isInteger(grace) || grace < 0) throw new RangeError(`grace period must be a whole number of days ≥ 0: ${grace}`);
  return daysOverdue(facts.deadline, facts.status, facts.now) > grace;
}
