import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { regionFilter, type Scope, type ScopedRecord } from '../../platform/access/scope.js';

export interface OrgRow {
  id: string;
  type: string;
  name: string;
  region_code: string;
  region_name: string;
  industries: string[];
  status: 'active' | 'inactive';
  user_count: number;
}

export interface OrgFilter {
  regionCode?: string;
  subtree: boolean;
  type?: string;
  q?: string;
  after: (string | number | null)[] | null;
  limit: number;
}

/**
 * An organisation (alias `o`) to the scope mechanism: in the region subtree; an enterprise
 * account sees only its own. Organisations belong to no industry: a department sees its
 * region's offices and departments like any office of its level.
 */
export const ORG: ScopedRecord = { region: 'o.region_code', enterprise: 'o.id', industry: null };

export function createOrgsRepository(db: Executor) {
  const visible = (scope: Scope) => scope.where(ORG);

  const base = (ex: Executor) =>
    ex
      .selectFrom('orgs as o')
      .innerJoin('regions as r', 'r.code', 'o.region_code')
      .select([
        'o.id', 'o.type', 'o.name', 'o.region_code', 'r.name as region_name', 'o.industries', 'o.status',
        sql<number>`(select count(*)::int from users u where u.org_id = o.id)`.as('user_count'),
      ]);

  return {
    async get(id: string, scope: Scope, ex: Executor = db): Promise<OrgRow | null> {
      return (await base(ex).where('o.id', '=', id).where(visible(scope)).executeTakeFirst()) ?? null;
    },

    async list(scope: Scope, f: OrgFilter): Promise<OrgRow[]> {
      let q = base(db).where(visible(scope));
      if (f.regionCode !== undefined) {
        q = f.subtree ? q.where(regionFilter('o.region_code', f.regionCode)) : q.where('o.region_code', '=', f.regionCode);
      }
      if (f.type) q = q.where('o.type', '=', f.type);
      if (f.q) q = q.where('o.name', 'like', `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
      if (f.after) {
        const [region, name, id] = f.after as [string, string, string];
        q = q.where(sql<boolean>`(o.region_code, o.name, o.id) > (${region}, ${name}, ${id}::uuid)`);
      }
      return q.orderBy('o.region_code').orderBy('o.name').orderBy('o.id').limit(f.limit + 1).execute();
    },

    /** An organisation in the scope's subtree or on the path above it (a department routed from the county). */
    async findReachable(id: string, scope: Scope, path: string[], ex: Executor = db) {
      return ex
        .selectFrom('orgs as o')
        .select(['o.id', 'o.type', 'o.name', 'o.region_code', 'o.industries', 'o.status'])
        .where('o.id', '=', id)
        .where((eb) => eb.or([visible(scope), eb('o.region_code', 'in', path)]))
        .executeTakeFirst();
    },

    async insert(tx: Executor, row: { type: string; name: string; region_code: string; industries: string[] }): Promise<string | null> {
      const inserted = await tx
        .insertInto('orgs')
        .values(row)
        .onConflict((oc) => oc.columns(['region_code', 'type', 'name']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted?.id ?? null;
    },

    async update(tx: Executor, id: string, patch: { name?: string; industries?: string[]; status?: 'active' | 'inactive' }, now: Date): Promise<void> {
      await tx.updateTable('orgs').set({ ...patch, updated_at: now }).where('id', '=', id).execute();
    },

    async lockForUpdate(tx: Executor, id: string): Promise<void> {
      await tx.selectFrom('orgs').select('id').where('id', '=', id).forUpdate().execute();
    },

    async nameTaken(tx: Executor, regionCode: string, type: string, name: string, exceptId: string): Promise<boolean> {
      const row = await tx.selectFrom('orgs').select('id').where('region_code', '=', regionCode).where('type', '=', type).where('name', '=', name).where('id', '!=', exceptId).executeTakeFirst();
      return row !== undefined;
    },
  };
}

export type OrgsRepository = ReturnType<typeof createOrgsRepository>;
