import type { CaseStatus, MeasureKind, Reinspection } from '@anjian/domain';
import type { z } from 'zod';
import { sql } from 'kysely';
import { unscoped, type Scope } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import type { SessionUser } from '../../platform/http/context.js';
import { CASE } from './cases.scope.js';

/**
 * What other modules read of cases through index.ts (the links of issue 12):
 * the cases opened from inspections, and the case a 复查 re-checks.
 */

export interface InspectionCase {
  id: string; inspectionId: string; number: string; cause: string; status: CaseStatus; filedOn: string;
  measures: { kind: MeasureKind; amountFen: number | null; deadline: string | null; content: string | null }[];
}

/**
 * The cases opened from these inspections with their decided measures. `scope` null: for the
 * 一公开 result of a published draw (numbers, states and measures are what the page publishes).
 */
export async function casesOfInspections(db: Executor, inspectionIds: readonly string[], scope: Scope | null): Promise<InspectionCase[]> {
  if (inspectionIds.length === 0) return [];
  const rows = await db.selectFrom('cases as c')
    .where(scope ? scope.where(CASE) : unscoped('the result of a published draw lists its cases'))
    .where('c.inspection_id', 'in', [...inspectionIds])
    .select(['c.id', 'c.inspection_id', 'c.number', 'c.cause', 'c.status', 'c.filed_on',
      sql<InspectionCase['measures']>`(select coalesce(json_agg(json_build_object('kind', m.kind, 'amountFen', m.amount_fen, 'deadline', to_char(m.deadline, 'YYYY-MM-DD'), 'content', m.content) order by m.position), '[]') from case_measures m where m.case_id = c.id)`.as('measures')])
    .orderBy('c.filed_on').orderBy('c.number').execute();
  return rows.map((r) => ({
    id: r.id, inspectionId: r.inspection_id!, number: r.number, cause: r.cause, status: r.status as CaseStatus, filedOn: r.filed_on,
    measures: r.measures.map((m) => ({ ...m, amountFen: m.amountFen === null ? null : Number(m.amountFen) })),
  }));
}

/** The case a 复查 names, in the caller's scope, with its decided 责令限期整改 (null: none decided). */
export async function orderCaseOf(db: Executor, scope: Scope, caseId: string) {
  const row = await db.selectFrom('cases as c').where(scope.where(CASE)).where('c.id', '=', caseId)
    .select(['c.id', 'c.number', 'c.enterprise_id', 'c.status',
      sql<string | null>`(select to_char(m.deadline, 'YYYY-MM-DD') from case_measures m where m.case_id = c.id and m.kind = 'rectify_order' order by m.position limit 1)`.as('rectify_deadline'),
      sql<boolean>`exists (select 1 from case_measures m where m.case_id = c.id and m.kind = 'rectify_order')`.as('has_rectify_order')])
    .executeTakeFirst();
  return row ? { id: row.id, number: row.number, enterpriseId: row.enterprise_id, status: row.status as CaseStatus, rectifyDeadline: row.rectify_deadline, hasRectifyOrder: row.has_rectify_order } : null;
}

/** What the cases module reads of inspections (supplied by app.ts from modules/inspections). */
export interface InspectionLinks {
  /** The inspection a case is filed from, if the user may see it: its enterprise. */
  inspectionOf: (user: SessionUser, id: string) => Promise<{ enterpriseId: string } | null>;
  /** The 复查 inspections of a case's order, oldest first, those `scope` sees (null: the signed ones). */
  reinspectionsOf: (db: Executor, caseId: string, scope: Scope | null) => Promise<z.infer<typeof Reinspection>[]>;
}
