import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { addDays, CLOCKED_HAZARD_STATUSES, shanghaiDate, type BusinessDate, type ClockFacts, type HazardStatus, type LateKind } from '@anjian/domain';

/*
 * The hazard clock in SQL, for every query that needs "overdue": built only from the database's
 * functions (hazard_due_by, hazard_due_on, hazard_past — migration 0012c, the mirror of the
 * domain's deadlines.ts, both tested against HAZARD_CLOCK_CASES). Nothing here, or anywhere
 * else, writes the rule or the comparison out again.
 */

/** The database's code for each kind of lateness (hazard_due_by; the rollups' due rows). */
export const LATE_KIND_CODE = { overdue: 'o', acceptance_overdue: 'a' } as const satisfies Record<LateKind, string>;
export type LateKindCode = (typeof LATE_KIND_CODE)[LateKind];

type Day = BusinessDate | RawBuilder<unknown>;
const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);
const day = (d: Day) => (typeof d === 'string' ? sql`${d}::date` : d);
const clockArgs = (alias: string) => sql`${ref(alias, 'status')}, ${ref(alias, 'deadline')}, ${ref(alias, 'submitted_at')}`;

/** Whose lateness the hazard's would be ('o' / 'a'), or null: no clock runs. */
export const dueBy = (alias = 'h') => sql<LateKindCode | null>`hazard_due_by(${clockArgs(alias)})`;
/** The hazard's last day in time, or null. */
export const dueOn = (alias = 'h') => sql<string | null>`hazard_due_on(${clockArgs(alias)})`;
/** THE comparison: `lastDay` has passed on `today`. */
export const past = (lastDay: RawBuilder<unknown>, today: Day) => sql<SqlBool>`hazard_past(${lastDay}, ${day(today)})`;

/*
 * A running clock implies one of these statuses and a last day no earlier than the deadline;
 * said plainly beside the functions, they let the planner use the partial indexes of open
 * hazards and a range of deadlines (literals, so that a generic plan still proves the index's
 * predicate).
 */
const clocked = (alias: string) => sql<SqlBool>`${ref(alias, 'status')} in (${sql.join(CLOCKED_HAZARD_STATUSES.map((s) => sql.lit(s)))})`;

/** Late on `today`, of `kind`: a condition on any row with the hazards' clock columns (hazards, hazard_changes). */
export function late(kind: LateKind, today: Day, alias = 'h'): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${clocked(alias)} and ${past(ref(alias, 'deadline'), today)} and ${dueBy(alias)} = ${sql.lit(LATE_KIND_CODE[kind])} and ${past(dueOn(alias), today)})`;
}

/** Not late of `kind` on `today` (in time, another kind, or no clock at all). */
export const notLate = (kind: LateKind, today: Day, alias = 'h') => sql<SqlBool>`(${late(kind, today, alias)}) is not true`;

/** The clock runs out today or within `days` days, and has not yet. */
export function dueWithin(today: BusinessDate, days: number, alias = 'h'): RawBuilder<SqlBool> {
  const after = addDays(today, days + 1);
  return sql<SqlBool>`(${clocked(alias)} and ${past(ref(alias, 'deadline'), after)} and not ${past(dueOn(alias), today)} and ${past(dueOn(alias), after)})`;
}

/** The domain's facts of a hazard row (the submission's Shanghai date). */
export function clockFacts(row: { status: string; deadline: string | null; submitted_at: Date | null }): ClockFacts {
  return { status: row.status as HazardStatus, deadline: row.deadline, submittedOn: row.submitted_at === null ? null : shanghaiDate(row.submitted_at) };
}
