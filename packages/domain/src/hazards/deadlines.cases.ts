import type { LateKind } from './deadlines.js';
import type { HazardStatus } from './vocabulary.js';

/**
 * The definition of 逾期 and 验收超期 as a table: a hazard's status, deadline and pending
 * submission (an instant: its Shanghai date decides), a day, and what that day makes of it —
 * the kind of lateness and whole days late, or null (in time, or no clock). The domain's rule
 * (deadlines.ts) and the database's (hazard_due_by / hazard_due_on / hazard_past, migration
 * 0012c) are both tested against every row, so neither can drift from it or from each other.
 */
export interface HazardClockCase {
  name: string;
  status: HazardStatus;
  deadline: string | null;
  submittedAt: string | null;
  today: string;
  late: { kind: LateKind; days: number } | null;
}

const D = '2026-06-10';
/** 23:59:59 and 24:00 in Shanghai on the deadline day. */
const LAST_SECOND_OF_D = '2026-06-10T15:59:59.999Z';
const FIRST_SECOND_AFTER_D = '2026-06-10T16:00:00.000Z';

export const HAZARD_CLOCK_CASES: readonly HazardClockCase[] = [
  // The deadline day is in time; the day after it is late.
  { name: 'rectifying, the deadline is today', status: 'rectifying', deadline: D, submittedAt: null, today: D, late: null },
  { name: 'rectifying, the deadline was yesterday', status: 'rectifying', deadline: D, submittedAt: null, today: '2026-06-11', late: { kind: 'overdue', days: 1 } },
  { name: 'rectifying, the deadline is tomorrow', status: 'rectifying', deadline: D, submittedAt: null, today: '2026-06-09', late: null },
  { name: 'rectifying, a month late', status: 'rectifying', deadline: D, submittedAt: null, today: '2026-07-10', late: { kind: 'overdue', days: 30 } },
  { name: 'verified with a deadline (re-opened), late', status: 'verified', deadline: D, submittedAt: null, today: '2026-06-11', late: { kind: 'overdue', days: 1 } },
  // No clock: not assigned, settled, or no deadline.
  { name: 'reported: the deadline is set at assignment', status: 'reported', deadline: D, submittedAt: null, today: '2026-07-01', late: null },
  { name: 'closed', status: 'closed', deadline: D, submittedAt: '2026-06-01T02:00:00Z', today: '2026-07-01', late: null },
  { name: 'rejected', status: 'rejected', deadline: D, submittedAt: null, today: '2026-07-01', late: null },
  { name: 'rectifying without a deadline', status: 'rectifying', deadline: null, submittedAt: null, today: '2026-07-01', late: null },
  // Submitted on the deadline day (its last second, Shanghai): the acceptor has 10 days.
  { name: 'submitted at 23:59:59 on the deadline day, next day', status: 'pending_acceptance', deadline: D, submittedAt: LAST_SECOND_OF_D, today: '2026-06-11', late: null },
  { name: 'submitted on the deadline day, 10th day after', status: 'pending_acceptance', deadline: D, submittedAt: LAST_SECOND_OF_D, today: '2026-06-20', late: null },
  { name: 'submitted on the deadline day, 11th day after', status: 'pending_acceptance', deadline: D, submittedAt: LAST_SECOND_OF_D, today: '2026-06-21', late: { kind: 'acceptance_overdue', days: 1 } },
  // Submitted the first second after the deadline day: the rectifying unit was already late.
  { name: 'submitted at 00:00 the day after the deadline', status: 'pending_acceptance', deadline: D, submittedAt: FIRST_SECOND_AFTER_D, today: '2026-06-11', late: { kind: 'overdue', days: 1 } },
  { name: 'submitted after the deadline, a year on', status: 'pending_acceptance', deadline: D, submittedAt: '2026-06-20T02:00:00Z', today: '2027-06-10', late: { kind: 'overdue', days: 365 } },
  // Submitted early: the acceptor is never late before the deadline, nor before its 10 days.
  { name: 'submitted 9 days early, on the deadline', status: 'pending_acceptance', deadline: D, submittedAt: '2026-06-01T02:00:00Z', today: D, late: null },
  { name: 'submitted 9 days early, 10 days on', status: 'pending_acceptance', deadline: D, submittedAt: '2026-06-01T02:00:00Z', today: '2026-06-11', late: null },
  { name: 'submitted 9 days early, 11 days on', status: 'pending_acceptance', deadline: D, submittedAt: '2026-06-01T02:00:00Z', today: '2026-06-12', late: { kind: 'acceptance_overdue', days: 1 } },
  { name: 'submitted 3 weeks early, the deadline passed', status: 'pending_acceptance', deadline: D, submittedAt: '2026-05-20T02:00:00Z', today: '2026-06-11', late: { kind: 'acceptance_overdue', days: 1 } },
  { name: 'submitted in time, waiting 337 days past the deadline', status: 'pending_acceptance', deadline: D, submittedAt: '2026-05-20T02:00:00Z', today: '2027-05-13', late: { kind: 'acceptance_overdue', days: 337 } },
  // Imported as 待验收 without a submission date: not shown to be in time.
  { name: 'awaiting acceptance, no submission date', status: 'pending_acceptance', deadline: D, submittedAt: null, today: D, late: null },
  { name: 'awaiting acceptance, no submission date, late', status: 'pending_acceptance', deadline: D, submittedAt: null, today: '2026-06-11', late: { kind: 'overdue', days: 1 } },
];
