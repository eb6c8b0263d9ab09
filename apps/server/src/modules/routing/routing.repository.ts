import { sql } from 'kysely';
import { regionPath } from '@anjian/domain';
import type { Executor } from '../../platform/db/database.js';
import type { Scope } from '../../platform/access/scope.js';

export interface EffectiveRoute {
  industry_code: string;
  industry_name: string;
  defined_at: string | null;
  department_id: string | null;
  department_name: string | null;
  department_region: string | null;
}

export function createRoutingRepository(db: Executor) {
  return {
    /**
     * For each active industry, the route set nearest to the region: its own, else its
     * parent's, and so on up to the root (inheritance down the tree, overrides win).
     */
    async effective(regionCode: string, ex: Executor = db): Promise<EffectiveRoute[]> {
      const { rows } = await sql<EffectiveRoute & { sort: number }>`
        select * from (
          select distinct on (i.code) i.code as industry_code, i.name_zh as industry_name, i.sort,
                 r.region_code as defined_at, o.id as department_id, o.name as department_name, o.region_code as department_region
          from industries i
          left join industry_routes r on r.industry_code = i.code and r.region_code = any(${regionPath(regionCode)}::text[])
          left join orgs o on o.id = r.department_id
          where i.active
          order by i.code, length(r.region_code) desc nulls last
        ) t order by sort, industry_code`.execute(ex);
      return rows;
    },

    async upsert(tx: Executor, regionCode: string, industryCode: string, departmentId: string, now: Date): Promise<void> {
      await tx
        .insertInto('industry_routes')
        .values({ region_code: regionCode, industry_code: industryCode, department_id: departmentId, updated_at: now })
        .onConflict((oc) => oc.columns(['industry_code', 'region_code']).doUpdateSet({ department_id: departmentId, updated_at: now }))
        .execute();
    },

    async remove(tx: Executor, regionCode: string, industryCode: string): Promise<boolean> {
      const result = await tx.deleteFrom('industry_routes').where('region_code', '=', regionCode).where('industry_code', '=', industryCode).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** A department the scope can name: in its subtree or on the path above it (a county routes to the city's). */
    async department(id: string, scope: Scope, ex: Executor = db): Promise<{ id: string; type: string; region_code: string; industries: string[]; status: string } | undefined> {
      return ex.selectFrom('orgs').select(['id', 'type', 'region_code', 'industries', 'status']).where('id', '=', id).where(scope.seesRegionSql('region_code')).executeTakeFirst();
    },
  };
}

export type RoutingRepository = ReturnType<typeof createRoutingRepository>;
