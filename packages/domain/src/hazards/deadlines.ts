import type { Bilingual } from '../errors/error-codes.js';
import { addDays, compareDates, daysBetween, shanghaiDate, type BusinessDate } from '../time/shanghai.js';
import type { HazardStatus } from './vocabulary.js';

/*
 * When a hazard is late, and whose lateness it is — the ONE definition. The TypeScript here and
 * the SQL functions hazard_due_by / hazard_due_on / hazard_past (migration 0012c) say the same
 * thing; HAZARD_CLOCK_CASES (deadlines.cases.ts) is the table both are tested against.
 *
 * Lateness is computed from the dates and the clock, never stored: a hazard whose last day was
 * yesterday (Shanghai) is late now, without waiting for a job to notice. The last day itself is
 * still in time — 限期 means "by the end of that day".
 *
 * Two kinds, never both:
 * - 逾期 (overdue): the rectifying unit has not finished by the deadline. Rectifying (or
 *   verified with a deadline), or submitted for acceptance only AFTER the deadline — it was
 *   already overdue when it submitted, and stays the enterprise's overdue until accepted.
 * - 验收超期 (acceptance overdue): the unit submitted on or before the deadline and only the
 *   accepting unit's acceptance is missing. Decree 16 (安全生产事故隐患排查治理暂行规定) art. 23
 *   gives the government 10 days from receiving the application to inspect and 核销; the
 *   acceptor is late after the later of the deadline and 10 days from the submission (an early
 *   submission does not make the acceptor late before the deadline the hazard itself had).
 * A submission with no recorded date (imported as 待验收) cannot be shown to be in time: it is
 * judged as the rectifying unit's, as before.
 */

/** Days the accepting unit has after a submission (Decree 16 art. 23: 收到申请后10日内现场审查、核销). */
export const ACCEPTANCE_DAYS = 10;
export const DEFAULT_DUE_SOON_DAYS = 3;
export const DEFAULT_ACCOUNTABILITY_GRACE_DAYS = 7;

/** The statuses a deadline runs in: assigned and not yet closed (a report gets its deadline when assigned). */
export const CLOCKED_HAZARD_STATUSES = ['verified', 'rectifying', 'pending_acceptance'] as const satisfies readonly HazardStatus[];

export const LATE_KINDS = ['overdue', 'acceptance_overdue'] as const;
export type LateKind = (typeof LATE_KINDS)[number];

export const LATE_KIND_LABELS = {
  overdue: { zh: '逾期未整改', en: 'Overdue (rectification)' },
  acceptance_overdue: { zh: '验收超期', en: 'Acceptance overdue' },
} as const satisfies Record<LateKind, Bilingual>;

/** What the clock of a hazard depends on. `submittedOn`: the Shanghai date of the pending submission. */
export interface ClockFacts {
  status: HazardStatus;
  deadline: BusinessDate | null;
  submittedOn: BusinessDate | null;
}

/** Whose lateness it would be, and the last day still in time. */
export interface HazardClock {
  kind: LateKind;
  lastDay: BusinessDate;
}

/** The running clock of a hazard, or null when none runs (not assigned, settled, no deadline). */
export function hazardClock(f: ClockFacts): HazardClock | null {
  if (f.deadline === null || !(CLOCKED_HAZARD_STATUSES as readonly HazardStatus[]).includes(f.status)) return null;
  if (f.status === 'pending_acceptance' && f.submittedOn !== null && compareDates(f.submittedOn, f.deadline) <= 0) {
    const acceptBy = addDays(f.submittedOn, ACCEPTANCE_DAYS);
    return { kind: 'acceptance_overdue', lastDay: compareDates(acceptBy, f.deadline) > 0 ? acceptBy : f.deadline };
  }
  return { kind: 'overdue', lastDay: f.deadline };
}

/** THE comparison: a last day has passed once today (Shanghai) is after it. */
export function isPast(lastDay: BusinessDate, today: BusinessDate): boolean {
  return compareDates(today, lastDay) > 0;
}

/** The hazard's lateness now — its kind and whole days past the last day (1 on the day after) — or null when in time. */
export function lateness(f: ClockFacts, now: Date): { kind: LateKind; days: number } | null {
  const clock = hazardClock(f);
  const today = shanghaiDate(now);
  if (clock === null || !isPast(clock.lastDay, today)) return null;
  return { kind: clock.kind, days: daysBetween(clock.lastDay, today) };
}

/** 逾期: the rectifying unit's lateness (what escalates as 逾期督办, is exposed and leads to 问责). */
export function isOverdue(f: ClockFacts, now: Date): boolean {
  return lateness(f, now)?.kind === 'overdue';
}

/** 验收超期: submitted in time, the acceptance is late. */
export function isAcceptanceOverdue(f: ClockFacts, now: Date): boolean {
  return lateness(f, now)?.kind === 'acceptance_overdue';
}

/** Whole Shanghai days overdue (the rectifying unit's): 1 on the day after the deadline; 0 when not overdue. */
export function daysOverdue(f: ClockFacts, now: Date): number {
  const late = lateness(f, now);
  return late?.kind === 'overdue' ? late.days : 0;
}

/** Whole Shanghai days the acceptance is late; 0 when it is not. */
export function daysAcceptanceOverdue(f: ClockFacts, now: Date): number {
  const late = lateness(f, now);
  return late?.kind === 'acceptance_overdue' ? late.days : 0;
}

/**
 * Due today or within the next `days` days and not yet late — the inbox's "due soon": not
 * past today, past on the day after the window.
 */
export function isDueSoon(lastDay: BusinessDate, now: Date, days: number = DEFAULT_DUE_SOON_DAYS): boolean {
  const today = shanghaiDate(now);
  return !isPast(lastDay, today) && isPast(lastDay, addDays(today, days + 1));
}

export interface AccountabilityFacts extends ClockFacts {
  now: Date;
  /** Days of overdue tolerated before 问责 is due; overdue by more than this triggers it. */
  graceDays?: number;
  /** A failed 回头看 calls for accountability whatever the deadline says. */
  failedReview?: boolean;
}

/**
 * "应整改未整改 … 严肃问责": accountability is due once a hazard is overdue by more than the
 * grace period (so with 7 days: not on day 7, yes on day 8), or after a failed re-review. An
 * acceptance that is late is the accepting unit's delay: it never makes the rectifying unit answerable.
 */
export function needsAccountability(facts: AccountabilityFacts): boolean {
  if (facts.failedReview === true) return true;
  const grace = facts.graceDays ?? DEFAULT_ACCOUNTABILITY_GRACE_DAYS;
  if (!Number.isInteger(grace) || grace < 0) throw new RangeError(`grace period must be a whole number of days ≥ 0: ${grace}`);
  return daysOverdue(facts, facts.now) > grace;
}
