import type { Executor } from '../../platform/db/database.js';

export interface CapRow {
  region_code: string;
  metric: string;
  cap: number;
  set_by_org: string;
  org_name: string;
  set_at: Date;
}

/** 控制指标: one row per region, year and metric; changing a cap overwrites it and the audit log keeps the old value. */
export function createIndicatorsRepository(db: Executor) {
  return {
    async caps(regionCodes: string[], year: number, ex: Executor = db): Promise<CapRow[]> {
      if (regionCodes.length === 0) return [];
      return ex.selectFrom('control_indicators as c').innerJoin('orgs as o', 'o.id', 'c.set_by_org')
        .select(['c.region_code', 'c.metric', 'c.cap', 'c.set_by_org', 'o.name as org_name', 'c.set_at'])
        .where('c.region_code', 'in', regionCodes).where('c.year', '=', year)
        .orderBy('c.region_code').orderBy('c.metric').execute();
    },

    /** Sets the cap; returns the one it replaced (null when new). */
    async upsert(tx: Executor, row: { region_code: string; year: number; metric: string; cap: number; set_by_org: string; set_by: string; set_at: Date }): Promise<number | null> {
      const previous = await tx.selectFrom('control_indicators').select('cap')
        .where('region_code', '=', row.region_code).where('year', '=', row.year).where('metric', '=', row.metric).forUpdate().executeTakeFirst();
      await tx.insertInto('control_indicators').values(row)
        .onConflict((oc) => oc.columns(['region_code', 'year', 'metric']).doUpdateSet({ cap: row.cap, set_by_org: row.set_by_org, set_by: row.set_by, set_at: row.set_at }))
        .execute();
      return previous?.cap ?? null;
    },
  };
}

export type IndicatorsRepository = ReturnType<typeof createIndicatorsRepository>;
