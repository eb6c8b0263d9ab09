import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { unscoped } from '../../platform/access/scope.js';

/** The statuses in which a hazard is still open (reported and not yet closed or rejected). */
const OPEN = ['reported', 'verified', 'rectifying', 'pending_acceptance'];

/**
 * For 复产验收 (modules/cases): how many 重大 hazards of an enterprise are still open. Resumption
 * is refused while any is. The caller holds the enterprise in scope already; every open major
 * hazard counts, whoever reported it.
 */
export async function openMajorHazardCount(db: Executor, enterpriseId: string): Promise<number> {
  const row = await db.selectFrom('hazards as h').where(unscoped('counting an enterprise the caller already holds in scope'))
    .select(sql<string>`count(*)`.as('n'))
    .where('h.enterprise_id', '=', enterpriseId).where('h.level', '=', 'major').where('h.status', 'in', OPEN)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Of `ids`, those that are hazards of `enterpriseId` (a case may only cite its own enterprise's hazards). */
export async function hazardsOfEnterprise(db: Executor, enterpriseId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('hazards as h').where(unscoped('checking ids against an enterprise the caller holds in scope'))
    .select(sql<string>`h.id::text`.as('id')).where('h.enterprise_id', '=', enterpriseId).where(sql<boolean>`h.id = any(${[...ids]}::bigint[])`).execute();
  return rows.map((r) => r.id);
}

/**
 * For the 一公开 result of an inspection (modules/inspections): each hazard's title, status and
 * its 整改 (the 五落实 plan's measures when assigned, else its deadline). Public text only: no
 * reporter, no person's name or phone.
 */
export async function hazardRectification(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('hazards as h').where(unscoped('hazards of inspections the caller already holds or of a published draw'))
    .select([sql<string>`h.id::text`.as('id'), 'h.title', 'h.status', sql<string | null>`h.plan->>'measures'`.as('measures'), sql<string | null>`to_char(h.deadline, 'YYYY-MM-DD')`.as('deadline')])
    .where(sql<boolean>`h.id = any(${[...ids]}::bigint[])`).execute();
}
