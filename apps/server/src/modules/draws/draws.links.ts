import type { Scope } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import { DRAW } from './draws.scope.js';

/**
 * What the inspections module reads and writes of a drawn pair (through index.ts): the pair
 * an inspection carries out, the link both ways, and the findings once the record is signed.
 * The pair's trigger keeps what was drawn, and the link once made, fixed.
 */
export interface DrawPairForInspection {
  id: string; drawId: string; planId: string; enterpriseId: string; inspectorIds: string[]; inspectionId: string | null; industries: string[] | null;
}

/** The pair `pairId` (of draw `drawId` when given) in the caller's scope, locked when read in a transaction that writes it. */
export async function pairForInspection(db: Executor, scope: Scope, pairId: string, drawId: string | null, lock = false): Promise<DrawPairForInspection | null> {
  let q = db.selectFrom('draw_pairs as dp').innerJoin('inspection_draws as d', 'd.id', 'dp.draw_id').where(scope.where(DRAW)).where('dp.id', '=', pairId)
    .select(['dp.id', 'dp.draw_id', 'd.plan_id', 'dp.enterprise_id', 'dp.inspector_ids', 'dp.inspection_id', 'dp.industries']);
  if (drawId) q = q.where('dp.draw_id', '=', drawId);
  if (lock) q = q.forUpdate('dp');
  const r = await q.executeTakeFirst();
  return r ? { id: r.id, drawId: r.draw_id, planId: r.plan_id, enterpriseId: r.enterprise_id, inspectorIds: r.inspector_ids, inspectionId: r.inspection_id, industries: r.industries } : null;
}

/** Links the pair to its inspection; false when another inspection holds it already. */
export async function linkPair(tx: Executor, pairId: string, inspectionId: string): Promise<boolean> {
  const r = await tx.updateTable('draw_pairs').set({ inspection_id: inspectionId }).where('id', '=', pairId).where('inspection_id', 'is', null).executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/** 一公开: the date and findings of the signed record (measures and "closed" are read live, see draws.present.ts). */
export async function recordPairFindings(tx: Executor, pairId: string, inspectedOn: string, findings: string): Promise<void> {
  await tx.updateTable('draw_pairs').set({ inspected_on: inspectedOn, findings }).where('id', '=', pairId).execute();
}
