import type { DrawDetail, DrawSummary } from '@anjian/domain';
import type { Executor } from '../../platform/db/database.js';
import type { PairOutcomes } from './index.js';

/** A fragment: every caller adds the reader's scope (scope.where(DRAW)), or for the public page says why it reads without one. */
export const drawSummaryQuery = (db: Executor) => db.selectFrom('inspection_draws as d')
  .innerJoin('inspection_plans as p', 'p.id', 'd.plan_id').innerJoin('orgs as o', 'o.id', 'p.org_id').innerJoin('regions as r', 'r.code', 'd.region_code')
  .select(['d.id', 'd.plan_id', 'p.name as plan_name', 'o.name as org_name', 'd.region_code', 'r.name as region_name', 'd.status', 'd.period_from', 'd.period_to',
    'd.register_count', 'd.pool_count', 'd.quota_key', 'd.quota_other', 'd.commitment', 'd.fixed_at', 'd.drawn_at']);

type SummaryRow = Awaited<ReturnType<ReturnType<typeof drawSummaryQuery>['executeTakeFirstOrThrow']>>;

export function presentDrawSummary(row: SummaryRow): DrawSummary {
  return {
    id: row.id, planId: row.plan_id, planName: row.plan_name, orgName: row.org_name, regionCode: row.region_code, regionName: row.region_name, status: row.status,
    periodFrom: row.period_from, periodTo: row.period_to, registerCount: row.register_count, poolCount: row.pool_count,
    quota: { key: row.quota_key, other: row.quota_other }, commitment: row.commitment, fixedAt: row.fixed_at.toISOString(), drawnAt: row.drawn_at?.toISOString() ?? null,
  };
}

export const drawDetailQuery = (db: Executor) => drawSummaryQuery(db)
  .select(['d.algorithm', 'd.team_size', 'd.register_hash', 'd.pool_hash', 'd.inputs_hash', 'd.seed', 'd.register', 'd.register_names', 'd.pool', 'd.result', 'd.result_hash', 'd.industries']);

type DetailRow = Awaited<ReturnType<ReturnType<typeof drawDetailQuery>['executeTakeFirstOrThrow']>>;

/**
 * A draw as anyone may read it (the public page shows exactly this): the seed only once drawn
 * — before, only its commitment — and for each pair names alone, never a phone or an address.
 */
export async function presentDrawDetail(db: Executor, row: DetailRow, outcomes: PairOutcomes, signedIn: boolean): Promise<DrawDetail> {
  const drawn = row.status === 'drawn';
  const pairs = drawn
    ? await db.selectFrom('draw_pairs as dp').innerJoin('regions as r', 'r.code', 'dp.region_code')
      .select(['dp.id', 'dp.position', 'dp.stratum', 'dp.enterprise_id', 'dp.inspector_ids', 'r.name as region_name', 'dp.inspection_id', 'dp.inspected_on', 'dp.findings'])
      .where('dp.draw_id', '=', row.id).orderBy('dp.position').execute()
    : [];
  const names = new Map(row.pool.map((p) => [p.id, p.name]));
  // Measures and "closed" are derived now from the hazards and cases, never copied: the page cannot go stale.
  const live = await outcomes(db, pairs.flatMap((p) => (p.inspection_id ? [p.inspection_id] : [])));
  return {
    ...presentDrawSummary(row),
    algorithm: row.algorithm, teamSize: row.team_size, registerHash: row.register_hash, poolHash: row.pool_hash, inputsHash: row.inputs_hash,
    seed: drawn ? row.seed : null,
    register: row.register.map((e) => ({ id: e.id, stratum: e.stratum, weight: e.weight, name: row.register_names[e.id]?.name ?? '' })),
    pool: row.pool.map((p) => ({ id: p.id, name: p.name, avoid: p.avoid })),
    result: drawn ? row.result : null,
    resultHash: drawn ? row.result_hash : null,
    pairs: pairs.map((p) => ({
      id: p.id, position: p.position, stratum: p.stratum, enterpriseId: p.enterprise_id, enterpriseName: row.register_names[p.enterprise_id]?.name ?? '',
      regionName: p.region_name, inspectorIds: p.inspector_ids, inspectors: p.inspector_ids.map((id) => names.get(id) ?? ''),
      inspectionId: signedIn ? p.inspection_id : null,
      inspectedOn: p.inspected_on, findings: p.findings, measures: p.inspection_id ? live.get(p.inspection_id)?.measures ?? null : null, closed: p.inspection_id ? live.get(p.inspection_id)?.closed ?? null : null,
    })),
  };
}
