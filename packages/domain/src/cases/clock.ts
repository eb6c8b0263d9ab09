import { addDays, compareDates, daysBetween, type BusinessDate } from '../time/shanghai.js';
import { BEFORE_DECISION } from './transitions.js';
import type { CaseStatus } from './vocabulary.js';

/*
 * The statutory clock from 立案 to 决定 — the ONE definition of "case overdue". 行政处罚法
 * (2021) art. 60: a decision within ninety days of filing; art. 85: the day a period starts on
 * is not counted, so the last day in time is filed_on + 90 (+ the recorded extensions). The
 * last day itself is in time; the day after it the case is overdue. The SQL functions
 * case_due_on / case_overdue (migration 2026_12_07_0014c_cases) say the same; CASE_CLOCK_CASES
 * is the table both are tested against.
 */

export const CASE_DECISION_DAYS = 90;
/** One extension at a time, approved by the department's head, with its reason. */
export const MAX_EXTENSION_DAYS = 90;

export interface CaseClockFacts {
  status: CaseStatus;
  filedOn: BusinessDate;
  extensionDays: number;
}

/** The last day a decision is in time, or null once decided (or ended otherwise). */
export function caseDueOn(f: CaseClockFacts): BusinessDate | null {
  if (!(BEFORE_DECISION as readonly CaseStatus[]).includes(f.status)) return null;
  return addDays(f.filedOn, CASE_DECISION_DAYS + f.extensionDays);
}

/** Whole days past the last day (1 on the day after it); 0 when in time or no clock runs. */
export function caseDaysOverdue(f: CaseClockFacts, today: BusinessDate): number {
  const due = caseDueOn(f);
  if (due === null || compareDates(today, due) <= 0) return 0;
  return daysBetween(due, today);
}

/** 案件超期: no decision and the last day has passed. */
export function isCaseOverdue(f: CaseClockFacts, today: BusinessDate): boolean {
  return caseDaysOverdue(f, today) > 0;
}

export interface CaseClockCase {
  name: string;
  status: CaseStatus;
  filedOn: string;
  extensionDays: number;
  today: string;
  dueOn: string | null;
  daysOverdue: number;
}

const F = '2026-01-10';
/** Written out by hand: F + 90 days is 2026-04-10. */
export const CASE_CLOCK_CASES: readonly CaseClockCase[] = [
  { name: 'filed today', status: 'filed', filedOn: F, extensionDays: 0, today: F, dueOn: '2026-04-10', daysOverdue: 0 },
  { name: 'investigating, the last day', status: 'investigating', filedOn: F, extensionDays: 0, today: '2026-04-10', dueOn: '2026-04-10', daysOverdue: 0 },
  { name: 'investigating, the day after the last day', status: 'investigating', filedOn: F, extensionDays: 0, today: '2026-04-11', dueOn: '2026-04-10', daysOverdue: 1 },
  { name: 'reviewing, a month late', status: 'reviewing', filedOn: F, extensionDays: 0, today: '2026-05-10', dueOn: '2026-04-10', daysOverdue: 30 },
  { name: 'notified, extended by 30 days, in time', status: 'notified', filedOn: F, extensionDays: 30, today: '2026-05-10', dueOn: '2026-05-10', daysOverdue: 0 },
  { name: 'notified, extended by 30 days, one day late', status: 'notified', filedOn: F, extensionDays: 30, today: '2026-05-11', dueOn: '2026-05-10', daysOverdue: 1 },
  { name: 'decided late: the clock has stopped', status: 'decided', filedOn: F, extensionDays: 0, today: '2026-09-01', dueOn: null, daysOverdue: 0 },
  { name: 'closed', status: 'closed', filedOn: F, extensionDays: 0, today: '2026-09-01', dueOn: null, daysOverdue: 0 },
  { name: 'withdrawn', status: 'revoked', filedOn: F, extensionDays: 0, today: '2026-09-01', dueOn: null, daysOverdue: 0 },
  { name: 'transferred', status: 'transferred', filedOn: F, extensionDays: 0, today: '2026-09-01', dueOn: null, daysOverdue: 0 },
  { name: 'across a leap day', status: 'filed', filedOn: '2028-01-31', extensionDays: 0, today: '2028-05-01', dueOn: '2028-04-30', daysOverdue: 1 },
];
