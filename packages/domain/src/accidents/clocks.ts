import type { Bilingual } from '../errors/error-codes.js';
import type { BusinessDate } from '../time/shanghai.js';
import { ESCALATION_LEVEL_LABELS, ESCALATION_LEVELS, escalationPath, type AccidentCategory, type EscalationLevel } from './categories.js';
import { daysDeadline, hoursDeadline, isOnTime, type Deadline, type DeadlineUnit } from './deadlines.js';
import { compareGrades, type AccidentGrade } from './grading.js';
import { isWithinSupplementWindow, supplementWindow as supplementWindowOf } from './supplements.js';

/*
 * The legal clocks of Decree 493. Every limit is a Deadline (deadlines.ts): hour limits are
 * exact instants, day limits follow the Civil Code's counting, and each is on time up to and
 * including its dueAt. Every clock is recomputed from the record and `now`, never stored, so
 * a controllable clock in tests sees exactly what a user would.
 */

export type ClockStatus = 'running' | 'met' | 'late' | 'overdue';

export const CLOCK_STATUS_LABELS = {
  running: { zh: '计时中', en: 'Running' },
  met: { zh: '按时', en: 'On time' },
  late: { zh: '逾期完成', en: 'Done late' },
  overdue: { zh: '已逾期', en: 'Overdue' },
} as const satisfies Record<ClockStatus, Bilingual>;

export interface LegalClock {
  key: string;
  label: Bilingual;
  unit: DeadlineUnit;
  /** The last instant still on time. */
  dueAt: Date;
  /** The last Shanghai date still on time (the date of dueAt). */
  dueDate: BusinessDate;
  doneAt: Date | null;
  status: ClockStatus;
  /** running: due − now; met: the margin, due − done. Otherwise null. */
  remainingMs: number | null;
  /** overdue: now − due; late: done − due. Otherwise null. */
  overdueMs: number | null;
}

export function legalClock(key: string, label: Bilingual, deadline: Deadline, doneAt: Date | null, now: Date): LegalClock {
  const clock = { key, label, unit: deadline.unit, dueAt: deadline.dueAt, dueDate: deadline.dueDate };
  const due = deadline.dueAt.getTime();
  if (doneAt) {
    const done = doneAt.getTime();
    return isOnTime(deadline, doneAt)
      ? { ...clock, doneAt, status: 'met', remainingMs: due - done, overdueMs: null }
      : { ...clock, doneAt, status: 'late', remainingMs: null, overdueMs: done - due };
  }
  const t = now.getTime();
  return isOnTime(deadline, now)
    ? { ...clock, doneAt: null, status: 'running', remainingMs: due - t, overdueMs: null }
    : { ...clock, doneAt: null, status: 'overdue', remainingMs: null, overdueMs: t - due };
}

export const INITIAL_REPORT_HOURS = 1;
export const ESCALATION_HOURS_PER_LEVEL = 2;
export const INVESTIGATION_DAYS = 60;
export const INVESTIGATION_EXTENSION_DAYS = 60;
export const DECISION_DAYS = 15;
export const DECISION_DAYS_EXTRAORDINARY = 30;
export const DECISION_EXTENSION_DAYS_EXTRAORDINARY = 30;

export interface GradeChange {
  /** When the change happened; a change after the supplement window does not count. */
  changedAt: Date;
  /** When the county received it: the moment the higher grade became known. */
  reportedAt: Date;
  /** The grade after the change (from applySupplements' history). */
  grade: AccidentGrade;
}

export interface AccidentClockInput {
  occurredAt: Date;
  category: AccidentCategory;
  /** The grade the first report's figures give. */
  initialGrade: AccidentGrade;
  /** When the county level received the unit's report (事故报告). */
  reportedAt?: Date | null;
  /** When each level above received it. */
  escalatedAt?: Partial<Record<EscalationLevel, Date | null>>;
  supplements?: readonly GradeChange[];
  investigation?: {
    /** 经批准延长: the report is then due 60 days later still. */
    extended?: boolean;
    reportSubmittedAt?: Date | null;
    decidedAt?: Date | null;
    /** 特别重大 only: the decision may be extended by up to 30 days. */
    decisionExtended?: boolean;
  };
}

export interface AccidentClocks {
  /** The grade now, after the supplements that count. */
  grade: AccidentGrade;
  escalationTarget: EscalationLevel;
  initialReport: LegalClock;
  escalations: LegalClock[];
  supplementWindow: LegalClock;
  investigationReport: LegalClock;
  /** Starts only once the investigation report is submitted. */
  governmentDecision: LegalClock | null;
  flags: {
    /** 迟报: the county got the first report after the hour (or has not got it yet). */
    lateReport: boolean;
    lateEscalation: boolean;
    /** A casualty change inside the window that was reported after it closed. */
    lateSupplement: boolean;
  };
}

const late = (c: LegalClock) => c.status === 'late' || c.status === 'overdue';
const needs = (grade: AccidentGrade, level: EscalationLevel) => escalationPath(grade).includes(level);

export function accidentClocks(input: AccidentClockInput, now: Date): AccidentClocks {
  const { occurredAt, category, initialGrade } = input;
  const counted = [...(input.supplements ?? [])]
    .filter((s) => isWithinSupplementWindow(occurredAt, category, s.changedAt))
    .sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime());
  const grade = counted.at(-1)?.grade ?? initialGrade;

  const initialReport = legalClock(
    'initial_report',
    { zh: '事故单位向县级报告（1小时）', en: 'Report to the county (1 hour)' },
    hoursDeadline(occurredAt, INITIAL_REPORT_HOURS),
    input.reportedAt ?? null,
    now,
  );

  /*
   * Each level has 2 hours from when the level below received the report — its actual
   * receipt, or its deadline while it has none. A level that only a supplement made
   * necessary (a third death makes 一般 into 较大) runs from when that supplement reached
   * the county, 2 hours per level in between.
   */
  const escalations: LegalClock[] = [];
  let below = initialReport.doneAt ?? initialReport.dueAt;
  ESCALATION_LEVELS.forEach((level, index) => {
    if (!needs(grade, level)) return;
    let due = hoursDeadline(below, ESCALATION_HOURS_PER_LEVEL);
    if (!needs(initialGrade, level)) {
      const raisedBy = counted.filter((s) => needs(s.grade, level)).sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime())[0];
      const fromRaise = raisedBy ? hoursDeadline(raisedBy.reportedAt, (index + 1) * ESCALATION_HOURS_PER_LEVEL) : null;
      if (fromRaise && fromRaise.dueAt.getTime() > due.dueAt.getTime()) due = fromRaise;
    }
    const clock = legalClock(
      `escalate_${level}`,
      { zh: `上报至${ESCALATION_LEVEL_LABELS[level].zh}（每级2小时）`, en: `Escalate to ${ESCALATION_LEVEL_LABELS[level].en} (2 hours per level)` },
      due,
      input.escalatedAt?.[level] ?? null,
      now,
    );
    escalations.push(clock);
    below = clock.doneAt ?? clock.dueAt;
  });

  const window = supplementWindowOf(occurredAt, category);
  const lateSupplement = (input.supplements ?? []).some((s) => isOnTime(window, s.changedAt) && !isOnTime(window, s.reportedAt));
  // A window, not a duty: while open it runs; once closed it is met, unless a change inside it was reported afterwards.
  const windowOpen = isOnTime(window, now);
  const supplementWindow: LegalClock = {
    ...legalClock('supplement_window', { zh: '伤亡人数补报期', en: 'Casualty supplement window' }, window, null, now),
    ...(windowOpen ? {} : { status: lateSupplement ? 'late' : 'met', remainingMs: null, overdueMs: null }),
  };

  const inv = input.investigation ?? {};
  const reportDays = INVESTIGATION_DAYS + (inv.extended ? INVESTIGATION_EXTENSION_DAYS : 0);
  const investigationReport = legalClock(
    'investigation_report',
    { zh: `提交事故调查报告（${reportDays}日）`, en: `Investigation report (${reportDays} days)` },
    daysDeadline(occurredAt, reportDays),
    inv.reportSubmittedAt ?? null,
    now,
  );

  let governmentDecision: LegalClock | null = null;
  if (inv.reportSubmittedAt) {
    const extraordinary = compareGrades(grade, 'extraordinary') === 0;
    const days = extraordinary ? DECISION_DAYS_EXTRAORDINARY + (inv.decisionExtended ? DECISION_EXTENSION_DAYS_EXTRAORDINARY : 0) : DECISION_DAYS;
    governmentDecision = legalClock(
      'government_decision',
      { zh: `人民政府批复调查报告（${days}日）`, en: `Government decision on the report (${days} days)` },
      daysDeadline(inv.reportSubmittedAt, days),
      inv.decidedAt ?? null,
      now,
    );
  }

  return {
    grade,
    escalationTarget: escalationPath(grade).at(-1) as EscalationLevel,
    initialReport,
    escalations,
    supplementWindow,
    investigationReport,
    governmentDecision,
    flags: { lateReport: late(initialReport), lateEscalation: escalations.some(late), lateSupplement },
  };
}
