import { sql } from 'kysely';
import { isWithinRegion, regionPath, shanghaiDate, type PlanTarget } from '@anjian/domain';
import { regionFilter, type Scope } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import { PLAN } from './draws.scope.js';
import type { RegisterRow, RegisterSource } from './register.js';

export interface CoveragePlan {
  id: string;
  name: string;
  orgName: string;
  /** The industries the plan covers; null: every industry. */
  industries: string[] | null;
  /** The plan's register today, held to the region asked for, each enterprise with the plan's target for it. */
  register: (RegisterRow & { target: PlanTarget })[];
}

/**
 * The plans of a year that set an inspection-coverage target over a region, for the
 * enforcement figures (modules/inspections): the plans the caller may see (scope.where(PLAN):
 * a department only those of its industries) whose region contains the one asked for or lies
 * within it, each with its register as the draws snapshot it (operating enterprises, classed by
 * the plan's key rule) but as it stands today, narrowed to that region.
 */
export function createPlanCoverage(deps: { db: Executor; register: RegisterSource; now: () => Date }) {
  return async (scope: Scope, year: number, regionCode: string): Promise<CoveragePlan[]> => {
    const plans = await deps.db.selectFrom('inspection_plans as p').innerJoin('orgs as o', 'o.id', 'p.org_id')
      .select(['p.id', 'p.name', 'o.name as org_name', 'p.region_code', 'p.industries', 'p.key_rule', 'p.key_times_per_year', 'p.others_percent'])
      .where(scope.where(PLAN)).where('p.year', '=', year)
      .where((eb) => eb.or([regionFilter('p.region_code', regionCode), eb('p.region_code', '=', sql<string>`any(${regionPath(regionCode)}::text[])`)]))
      .orderBy('p.created_at').execute();
    const today = shanghaiDate(deps.now());
    const out: CoveragePlan[] = [];
    for (const p of plans) {
      const rows = await deps.register(p, today);
      const othersPercent = Number(p.others_percent);
      out.push({
        id: p.id, name: p.name, orgName: p.org_name, industries: p.industries,
        register: rows.filter((r) => isWithinRegion(r.regionCode, regionCode))
          .map((r) => ({ ...r, target: r.stratum === 'key' ? { stratum: 'key', keyTimes: p.key_times_per_year, othersPercent: 0 } : { stratum: 'other', keyTimes: 0, othersPercent } })),
      });
    }
    return out;
  };
}

export type PlanCoverage = ReturnType<typeof createPlanCoverage>;
