import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { regionFilter, type Scope, type ScopedRecord } from '../../platform/access/scope.js';
import type { PiiCipher } from '../../platform/secrets/pii.js';
import { openContacts } from './enterprises.pii.js';
import type { EnterprisesTable, SafetyContactValue } from './enterprises.tables.js';

export interface EnterpriseRow {
  id: string;
  name: string;
  region_code: string;
  region_name: string;
  uscc: string;
  address: string;
  latitude: string | null;
  longitude: string | null;
  industries: string[];
  scale: string;
  legal_representative: string;
  principal: string;
  actual_controller: string | null;
  /** Decrypted from safety_contacts_enc as rows are read. */
  safety_contacts: SafetyContactValue[];
  status: string;
  status_reason: string | null;
  status_changed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface EnterpriseFilter {
  /** A stored region code: its whole subtree. */
  regionCode?: string;
  industry?: string;
  status?: string;
  q?: string;
  after: (string | number | null)[] | null;
  limit: number;
}

export type EnterpriseValues = Omit<Insertable<EnterprisesTable>, 'org_id'>;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * An enterprise (its organisation `o` and registry row `e`) to the scope mechanism: an
 * enterprise account sees its own enterprise; government users their region subtree, and
 * department staff only enterprises sharing one of their industries.
 */
export const ENTERPRISE: ScopedRecord = { region: 'o.region_code', enterprise: 'o.id', industry: { overlaps: 'e.industries' } };

export function visibleEnterprise(scope: Scope) {
  return scope.where(ENTERPRISE);
}

export function createEnterprisesRepository(db: Executor, pii: PiiCipher) {
  const open = <R extends { safety_contacts_enc: string | null }>({ safety_contacts_enc, ...row }: R) => ({ ...row, safety_contacts: openContacts(pii, safety_contacts_enc) });
  const base = (ex: Executor) =>
    ex
      .selectFrom('enterprises as e')
      .innerJoin('orgs as o', 'o.id', 'e.org_id')
      .innerJoin('regions as r', 'r.code', 'o.region_code')
      .select([
        'o.id', 'o.name', 'o.region_code', 'r.name as region_name', 'e.uscc', 'e.address', 'e.latitude', 'e.longitude',
        'e.industries', 'e.scale', 'e.legal_representative', 'e.principal', 'e.actual_controller', 'e.safety_contacts_enc',
        'e.status', 'e.status_reason', 'e.status_changed_at', 'e.created_at', 'e.updated_at',
      ])
      // Lets the planner use the partial index orgs_enterprise_list_idx.
      .where('o.type', '=', 'enterprise');

  return {
    async get(id: string, scope: Scope | null, ex: Executor = db): Promise<EnterpriseRow | null> {
      let q = base(ex).where('o.id', '=', id);
      if (scope) q = q.where(visibleEnterprise(scope));
      const row = await q.executeTakeFirst();
      return row ? open(row) : null;
    },

    async list(scope: Scope, f: EnterpriseFilter, ex: Executor = db): Promise<EnterpriseRow[]> {
      let q = base(ex).where(visibleEnterprise(scope));
      if (f.regionCode !== undefined) q = q.where(regionFilter('o.region_code', f.regionCode));
      if (f.industry) q = q.where(sql<boolean>`e.industries @> array[${f.industry}]::text[]`);
      if (f.status) q = q.where('e.status', '=', f.status);
      if (f.q) {
        const name = `%${likeEscape(f.q)}%`;
        const code = `${likeEscape(f.q.toUpperCase().replace(/\s+/g, ''))}%`;
        q = q.where(sql<boolean>`(o.name like ${name} or e.uscc like ${code})`);
      }
      if (f.after) {
        const [region, name, id] = f.after as [string, string, string];
        q = q.where(sql<boolean>`(o.region_code, o.name, o.id) > (${region}, ${name}, ${id}::uuid)`);
      }
      return (await q.orderBy('o.region_code').orderBy('o.name').orderBy('o.id').limit(f.limit + 1).execute()).map(open);
    },

    async lockForUpdate(tx: Executor, id: string): Promise<void> {
      await tx.selectFrom('enterprises').select('org_id').where('org_id', '=', id).forUpdate().execute();
    },

    /** Inserts the organisation and the enterprise; null when the name is taken in that region. */
    async insert(tx: Executor, org: { name: string; region_code: string }, values: EnterpriseValues): Promise<string | null> {
      const inserted = await tx
        .insertInto('orgs')
        .values({ type: 'enterprise', name: org.name, region_code: org.region_code })
        .onConflict((oc) => oc.columns(['region_code', 'type', 'name']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return null;
      await tx.insertInto('enterprises').values({ ...values, org_id: inserted.id }).execute();
      return inserted.id;
    },

    /** Many at once (import): ids are made by the caller so the two tables line up without a round trip. */
    async insertMany(tx: Executor, rows: { id: string; name: string; region_code: string; values: EnterpriseValues }[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 1000) {
        const batch = rows.slice(i, i + 1000);
        await tx.insertInto('orgs').values(batch.map((r) => ({ id: r.id, type: 'enterprise', name: r.name, region_code: r.region_code }))).execute();
      }
      // 16 columns × 2000 rows stays well under PostgreSQL's 65,535 bind parameters.
      for (let i = 0; i < rows.length; i += 2000) {
        const batch = rows.slice(i, i + 2000);
        await tx.insertInto('enterprises').values(batch.map((r) => ({ ...r.values, org_id: r.id }))).execute();
      }
    },

    async update(tx: Executor, id: string, org: { name?: string; region_code?: string }, values: Partial<EnterpriseValues>, now: Date): Promise<void> {
      if (org.name !== undefined || org.region_code !== undefined) {
        await tx.updateTable('orgs').set({ ...org, updated_at: now }).where('id', '=', id).execute();
      }
      await tx.updateTable('enterprises').set({ ...values, updated_at: now }).where('org_id', '=', id).execute();
    },

    async setStatus(tx: Executor, id: string, status: string, reason: string, now: Date): Promise<void> {
      await tx.updateTable('enterprises').set({ status, status_reason: reason, status_changed_at: now, updated_at: now }).where('org_id', '=', id).execute();
    },

    /** USCCs from `codes` already registered (anywhere: the code is unique nationally). */
    async existingUscc(codes: string[], exceptId: string | null = null, ex: Executor = db): Promise<Set<string>> {
      if (codes.length === 0) return new Set();
      let q = ex.selectFrom('enterprises').select('uscc').where('uscc', '=', sql<string>`any(${codes}::text[])`);
      if (exceptId) q = q.where('org_id', '!=', exceptId);
      return new Set((await q.execute()).map((r) => r.uscc));
    },

    async nameTaken(ex: Executor, regionCode: string, name: string, exceptId: string | null): Promise<boolean> {
      let q = ex.selectFrom('orgs').select('id').where('region_code', '=', regionCode).where('type', '=', 'enterprise').where('name', '=', name);
      if (exceptId) q = q.where('id', '!=', exceptId);
      return (await q.executeTakeFirst()) !== undefined;
    },

    /** `region\u0000name` keys of the given pairs that are already enterprise names. */
    async existingNames(pairs: { regionCode: string; name: string }[], ex: Executor = db): Promise<Set<string>> {
      if (pairs.length === 0) return new Set();
      const { rows } = await sql<{ region_code: string; name: string }>`
        select o.region_code, o.name from orgs o
        where o.type = 'enterprise'
          and (o.region_code, o.name) in (select * from unnest(${pairs.map((p) => p.regionCode)}::text[], ${pairs.map((p) => p.name)}::text[]))`.execute(ex);
      return new Set(rows.map((r) => `${r.region_code}\u0000${r.name}`));
    },

    /** For each input, the most specific candidate code that exists inside the scope's region. */
    async resolveRegions(candidates: string[], scope: Scope, ex: Executor = db): Promise<Map<string, { level: number }>> {
      if (candidates.length === 0) return new Map();
      const rows = await ex.selectFrom('regions').select(['code', 'level']).where('code', '=', sql<string>`any(${candidates}::text[])`).where(scope.withinRegion('code')).execute();
      return new Map(rows.map((r) => [r.code, { level: r.level }]));
    },

    async departments(ids: string[], ex: Executor = db): Promise<Map<string, { name: string; region_code: string }>> {
      if (ids.length === 0) return new Map();
      const rows = await ex.selectFrom('orgs').select(['id', 'name', 'region_code']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, { name: r.name, region_code: r.region_code }]));
    },

    /** The importer's region subtree down to the deepest level that fits `max` rows (template guidance). */
    async regionGuide(scope: Scope, max: number, ex: Executor = db): Promise<{ rows: { code: string; name: string; level: number }[]; truncated: boolean }> {
      const counts = await ex.selectFrom('regions').select(['level', sql<number>`count(*)::int`.as('n')]).where(scope.withinRegion('code')).where('level', '>=', 1).groupBy('level').orderBy('level').execute();
      let deepest = 0;
      let total = 0;
      for (const c of counts) {
        if (total + c.n > max) break;
        total += c.n;
        deepest = c.level;
      }
      const rows = deepest === 0 ? [] : await ex.selectFrom('regions').select(['code', 'name', 'level']).where(scope.withinRegion('code')).where('level', '>=', 1).where('level', '<=', deepest).orderBy('code').execute();
      return { rows, truncated: counts.some((c) => c.level > deepest) };
    },
  };
}

export type EnterprisesRepository = ReturnType<typeof createEnterprisesRepository>;
