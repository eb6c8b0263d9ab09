import { sql } from 'kysely';
import { regionPath, type Region } from '@anjian/domain';
import type { Executor } from '../../platform/db/database.js';
import { regionFilter, type Scope } from '../../platform/access/scope.js';

const childCount = sql<number>`(select count(*)::int from regions c where c.parent_code = r.code)`;

/**
 * A region is visible when it lies in the scope's subtree or on the path from the root
 * down to the scope's region (so every user can draw their own breadcrumb).
 */
function visible(scope: Scope) {
  return scope.seesRegionSql('r.code');
}

function toRegion(row: { code: string; name: string; level: number; parent_code: string | null; child_count: number }): Region {
  return { code: row.code, name: row.name, level: row.level, parentCode: row.parent_code, childCount: row.child_count };
}

export function createRegionsRepository(db: Executor) {
  const base = () => db.selectFrom('regions as r').select(['r.code', 'r.name', 'r.level', 'r.parent_code', childCount.as('child_count')]);

  return {
    /** The most specific candidate code that exists and is visible. */
    async resolve(candidates: string[], scope: Scope | null): Promise<string | null> {
      if (candidates.length === 0) return null;
      let q = db.selectFrom('regions as r').select('r.code').where('r.code', 'in', candidates);
      if (scope) q = q.where(visible(scope));
      const rows = await q.execute();
      const found = new Set(rows.map((r) => r.code));
      return candidates.find((c) => found.has(c)) ?? null;
    },

    async get(code: string, scope: Scope): Promise<Region | null> {
      const row = await base().where('r.code', '=', code).where(visible(scope)).executeTakeFirst();
      return row ? toRegion(row) : null;
    },

    async children(code: string, scope: Scope): Promise<Region[]> {
      const rows = await base().where('r.parent_code', '=', code).where(visible(scope)).orderBy('r.code').execute();
      return rows.map(toRegion);
    },

    /** Root first; unscoped because callers only ask for a region they may already see. */
    async path(code: string): Promise<Region[]> {
      const rows = await base().where('r.code', 'in', regionPath(code)).orderBy('r.level').execute();
      return rows.map(toRegion);
    },

    async search(withinCode: string, q: string, limit: number, scope: Scope): Promise<(Region & { path: string })[]> {
      const pattern = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      const rows = await base()
        .select(sql<string>`(select string_agg(a.name, ' / ' order by a.level) from regions a
            where a.code = any(array[left(r.code, 2), left(r.code, 4), left(r.code, 6), left(r.code, 9), r.code]))`.as('path'))
        .where(regionFilter('r.code', withinCode))
        .where(scope.withinRegion('r.code'))
        .where('r.name', 'like', pattern)
        .orderBy('r.level')
        .orderBy('r.code')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ ...toRegion(row), path: row.path }));
    },

    async count(): Promise<number> {
      const row = await db.selectFrom('regions').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
      return row.n;
    },
  };
}

export type RegionsRepository = ReturnType<typeof createRegionsRepository>;
