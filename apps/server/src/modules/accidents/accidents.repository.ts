import { sql, type Insertable } from 'kysely';
import { regionFilter, type Scope } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import { accidentsVisibleTo } from './accidents.scope.js';
import type { AccidentsTable } from './accidents.tables.js';

export interface AccidentRow {
  id: string;
  occurred_at: Date;
  occurred_on: string;
  region_code: string;
  region_name: string;
  place: string;
  enterprise_id: string | null;
  enterprise_name: string | null;
  industry_code: string | null;
  industry_name: string | null;
  category: string;
  initial_deaths: number;
  initial_missing: number;
  initial_serious_injuries: number;
  initial_minor_injuries: number;
  initial_direct_loss_yuan: string;
  initial_grade: string;
  deaths: number;
  missing: number;
  serious_injuries: number;
  minor_injuries: number;
  direct_loss_yuan: string;
  grade: string;
  summary: string;
  cause: string | null;
  reported_at: Date;
  reported_by: string;
  reporter_name: string;
  reporter_org_id: string;
  reporter_org_name: string;
  inv_report_submitted_on: string | null;
  inv_extended: boolean | null;
  inv_decided_on: string | null;
  inv_decision_extended: boolean | null;
  inv_liability: boolean | null;
  inv_checklist: Record<string, boolean> | null;
  inv_conclusion: string | null;
  inv_closed_at: Date | null;
  inv_closed_by: string | null;
  inv_closed_by_name: string | null;
}

export interface SupplementRow {
  id: string;
  accident_id: string;
  version: number;
  changed_at: Date;
  reported_at: Date;
  deaths: number | null;
  missing: number | null;
  serious_injuries: number | null;
  minor_injuries: number | null;
  direct_loss_yuan: string | null;
  result_deaths: number;
  result_missing: number;
  result_serious_injuries: number;
  result_minor_injuries: number;
  result_direct_loss_yuan: string;
  result_grade: string;
  counted: boolean;
  note: string | null;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: Date;
}

export interface EscalationRow {
  accident_id: string;
  level: string;
  received_at: Date;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: Date;
}

export interface AccountabilityRow {
  id: string;
  accident_id: string;
  person: string;
  position: string | null;
  org_name: string | null;
  failure: string;
  decision: string;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: Date;
}

export interface AccidentFilter {
  regionCode?: string;
  from?: string;
  to?: string;
  grade?: string;
  category?: string;
  industry?: string;
  enterpriseId?: string;
  /** [occurred_at ISO, id] of the last row served. */
  after: [string, string] | null;
  limit: number;
}

export type NewAccident = Insertable<AccidentsTable>;

export function createAccidentsRepository(db: Executor) {
  const base = (ex: Executor) =>
    ex
      .selectFrom('accidents as a')
      .innerJoin('regions as r', 'r.code', 'a.region_code')
      .innerJoin('users as ru', 'ru.id', 'a.reported_by')
      .innerJoin('orgs as ro', 'ro.id', 'a.reporter_org_id')
      .leftJoin('orgs as e', 'e.id', 'a.enterprise_id')
      .leftJoin('industries as ind', 'ind.code', 'a.industry_code')
      .leftJoin('accident_investigations as i', 'i.accident_id', 'a.id')
      .leftJoin('users as cu', 'cu.id', 'i.closed_by')
      .select([
        'a.id', 'a.occurred_at', 'a.occurred_on', 'a.region_code', 'r.name as region_name', 'a.place',
        'a.enterprise_id', 'e.name as enterprise_name', 'a.industry_code', 'ind.name_zh as industry_name', 'a.category',
        'a.initial_deaths', 'a.initial_missing', 'a.initial_serious_injuries', 'a.initial_minor_injuries', 'a.initial_direct_loss_yuan', 'a.initial_grade',
        'a.deaths', 'a.missing', 'a.serious_injuries', 'a.minor_injuries', 'a.direct_loss_yuan', 'a.grade',
        'a.summary', 'a.cause', 'a.reported_at', 'a.reported_by', 'ru.display_name as reporter_name', 'a.reporter_org_id', 'ro.name as reporter_org_name',
        'i.report_submitted_on as inv_report_submitted_on', 'i.extended as inv_extended', 'i.decided_on as inv_decided_on',
        'i.decision_extended as inv_decision_extended', 'i.liability as inv_liability', 'i.checklist as inv_checklist',
        'i.conclusion as inv_conclusion', 'i.closed_at as inv_closed_at', 'i.closed_by as inv_closed_by', 'cu.display_name as inv_closed_by_name',
      ]);

  return {
    async get(id: string, scope: Scope, ex: Executor = db): Promise<AccidentRow | null> {
      return ((await base(ex).where('a.id', '=', id).where(accidentsVisibleTo(scope)).executeTakeFirst()) as AccidentRow | undefined) ?? null;
    },

    async list(scope: Scope, f: AccidentFilter): Promise<AccidentRow[]> {
      let q = base(db).where(accidentsVisibleTo(scope));
      if (f.regionCode !== undefined) q = q.where(regionFilter('a.region_code', f.regionCode));
      if (f.from) q = q.where(sql<boolean>`a.occurred_on >= ${f.from}::date`);
      if (f.to) q = q.where(sql<boolean>`a.occurred_on <= ${f.to}::date`);
      if (f.grade) q = q.where('a.grade', '=', f.grade);
      if (f.category) q = q.where('a.category', '=', f.category);
      if (f.industry) q = q.where('a.industry_code', '=', f.industry);
      if (f.enterpriseId) q = q.where('a.enterprise_id', '=', f.enterpriseId);
      if (f.after) q = q.where(sql<boolean>`(a.occurred_at, a.id) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
      return (await q.orderBy('a.occurred_at', 'desc').orderBy('a.id', 'desc').limit(f.limit + 1).execute()) as AccidentRow[];
    },

    async insert(tx: Executor, rows: NewAccident[]): Promise<string[]> {
      const ids: string[] = [];
      // Stays well under PostgreSQL's 65,535 bind parameters per statement.
      for (let i = 0; i < rows.length; i += 1000) {
        const inserted = await tx.insertInto('accidents').values(rows.slice(i, i + 1000)).returning('id').execute();
        ids.push(...inserted.map((r) => r.id));
      }
      return ids;
    },

    async lockForUpdate(tx: Executor, id: string): Promise<void> {
      await tx.selectFrom('accidents').select('id').where('id', '=', id).forUpdate().execute();
    },

    async updateFigures(tx: Executor, id: string, f: { deaths: number; missing: number; serious_injuries: number; minor_injuries: number; direct_loss_yuan: string; grade: string }, now: Date): Promise<void> {
      await tx.updateTable('accidents').set({ ...f, updated_at: now }).where('id', '=', id).execute();
    },


    /** Every version of the accidents' figures, in recording order. */
    async supplements(ids: string[], ex: Executor = db): Promise<SupplementRow[]> {
      if (ids.length === 0) return [];
      return (await ex.selectFrom('accident_supplements as s').innerJoin('users as u', 'u.id', 's.recorded_by')
        .selectAll('s').select('u.display_name as recorded_by_name')
        .where('s.accident_id', 'in', ids).orderBy('s.accident_id').orderBy('s.version').execute()) as SupplementRow[];
    },

    async escalations(ids: string[], ex: Executor = db): Promise<EscalationRow[]> {
      if (ids.length === 0) return [];
      return ex.selectFrom('accident_escalations as x').innerJoin('users as u', 'u.id', 'x.recorded_by')
        .selectAll('x').select('u.display_name as recorded_by_name')
        .where('x.accident_id', 'in', ids).orderBy('x.received_at').execute();
    },

    async accountability(id: string, ex: Executor = db): Promise<AccountabilityRow[]> {
      return ex.selectFrom('accident_accountability as c').innerJoin('users as u', 'u.id', 'c.recorded_by')
        .selectAll('c').select('u.display_name as recorded_by_name')
        .where('c.accident_id', '=', id).orderBy('c.recorded_at').orderBy('c.id').execute();
    },
  };
}

export type AccidentsRepository = ReturnType<typeof createAccidentsRepository>;
