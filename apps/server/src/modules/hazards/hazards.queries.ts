import { sql } from 'kysely';
import { shanghaiDate, subtreePrefix, type HazardDetail, type LedgerQuery } from '@anjian/domain';
import { inSubtree, type Scope } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import { hazardVisible } from './hazards.scope.js';
import type { SummaryRow } from './hazards.present.js';

export const OPEN_WITH_DEADLINE = ['verified', 'rectifying', 'pending_acceptance'];

export interface LedgerFilter extends Omit<LedgerQuery, 'regionCode' | 'limit' | 'cursor'> {
  regionCode?: string;
}

/** The ledger's WHERE clause, shared by the page and its counts so the two always agree. */
function filtered(db: Executor, scope: Scope, f: LedgerFilter, now: Date, withStatus: boolean) {
  const today = shanghaiDate(now);
  let q = db.selectFrom('hazards as h').where(hazardVisible(scope));
  if (f.regionCode) q = q.where(inSubtree('h.region_code', subtreePrefix(f.regionCode)));
  if (f.enterpriseId) q = q.where('h.enterprise_id', '=', f.enterpriseId);
  if (f.industry) q = q.where('h.industry_code', '=', f.industry);
  if (f.level) q = q.where('h.level', '=', f.level);
  if (withStatus && f.status) q = q.where('h.status', '=', f.status);
  if (f.source) q = q.where('h.source', '=', f.source);
  if (f.listed !== undefined) q = q.where('h.listed_level', f.listed ? 'is not' : 'is', null);
  if (f.from) q = q.where('h.found_on', '>=', f.from);
  if (f.to) q = q.where('h.found_on', '<=', f.to);
  if (f.q) q = q.where('h.title', 'like', `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
  if (f.overdue !== undefined) {
    const overdue = sql<boolean>`(h.status in ('verified', 'rectifying', 'pending_acceptance') and h.deadline < ${today}::date)`;
    q = q.where(f.overdue ? overdue : sql<boolean>`not ${overdue}`);
  }
  return q;
}

export function createHazardQueries(db: Executor) {
  return {
    async page(scope: Scope, f: LedgerFilter, limit: number, afterId: string | null, now: Date): Promise<SummaryRow[]> {
      let q = filtered(db, scope, f, now, true)
        .innerJoin('regions as r', 'r.code', 'h.region_code')
        .leftJoin('orgs as e', 'e.id', 'h.enterprise_id')
        .select(['h.id', 'h.title', 'h.level', 'h.source', 'h.status', 'h.region_code', 'r.name as region_name', 'h.enterprise_id', 'e.name as enterprise_name', 'h.industry_code', 'h.found_on', 'h.deadline', 'h.listed_level', 'h.responsible_unit', 'h.closed_on']);
      if (afterId) q = q.where('h.id', '<', afterId);
      return q.orderBy('h.id', 'desc').limit(limit + 1).execute();
    },

    async counts(scope: Scope, f: LedgerFilter, now: Date) {
      const today = shanghaiDate(now);
      const rows = await filtered(db, scope, f, now, false)
        .select([
          'h.status',
          sql<number>`count(*)::int`.as('n'),
          sql<number>`count(*) filter (where h.status in ('verified', 'rectifying', 'pending_acceptance') and h.deadline < ${today}::date)::int`.as('overdue'),
          sql<number>`count(*) filter (where h.listed_level is not null)::int`.as('listed'),
        ])
        .groupBy('h.status')
        .execute();
      const byStatus: Record<string, number> = {};
      let total = 0, overdue = 0, listed = 0;
      for (const r of rows) {
        if (f.status && r.status !== f.status) { byStatus[r.status] = r.n; continue; }
        byStatus[r.status] = r.n;
        total += r.n; overdue += r.overdue; listed += r.listed;
      }
      return { total, byStatus, overdue, listed };
    },

    async detail(id: string, scope: Scope) {
      return db
        .selectFrom('hazards as h')
        .innerJoin('regions as r', 'r.code', 'h.region_code')
        .leftJoin('orgs as e', 'e.id', 'h.enterprise_id')
        .leftJoin('orgs as d', 'd.id', 'h.supervising_department_id')
        .selectAll('h')
        .select(['r.name as region_name', 'e.name as enterprise_name', 'd.name as department_name'])
        .where('h.id', '=', id)
        .where(hazardVisible(scope))
        .executeTakeFirst();
    },

    async timeline(id: string): Promise<HazardDetail['timeline']> {
      const events = await db.selectFrom('hazard_events').selectAll().where('hazard_id', '=', id).orderBy('seq').execute();
      const files = await this.files(id);
      return events.map((e) => ({
        seq: e.seq, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, actorName: e.actor_name, actorOrgName: e.actor_org_name,
        at: e.at.toISOString(), comment: e.comment, data: e.data as Record<string, unknown> | null,
        files: files.filter((f) => f.eventId === e.id).map(({ eventId: _e, ...f }) => f),
      }));
    },

    async files(id: string) {
      const rows = await db
        .selectFrom('hazard_files as hf')
        .innerJoin('files as f', 'f.id', 'hf.file_id')
        .select(['f.id', 'f.name', 'f.mime', 'f.size', 'hf.kind', 'hf.event_id'])
        .where('hf.hazard_id', '=', id)
        .orderBy('f.uploaded_at')
        .execute();
      return rows.map((r) => ({ id: r.id, name: r.name, mime: r.mime, size: r.size, kind: r.kind, url: `/api/files/${r.id}`, eventId: r.event_id }));
    },

    async accountability(id: string) {
      const rows = await db.selectFrom('hazard_accountability').selectAll().where('hazard_id', '=', id).orderBy('id').execute();
      return rows.map((r) => ({ person: r.person, personOrg: r.person_org, failure: r.failure, decision: r.decision, decidedOn: r.decided_on }));
    },
  };
}

export type HazardQueries = ReturnType<typeof createHazardQueries>;
