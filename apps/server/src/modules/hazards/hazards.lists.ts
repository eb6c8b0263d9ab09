import { sql } from 'kysely';
import { HAZARD_LEVEL_LABELS, HAZARD_SOURCE_LABELS, HAZARD_STATUS_LABELS, LATE_KIND_LABELS, lateness, type HazardLevel, type HazardListPage, type HazardSource, type HazardStatus } from '@anjian/domain';
import { regionFilter, type Scope } from '../../platform/access/scope.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { ExportCellType } from '../../platform/exports/export-cells.js';
import { clockFacts } from './hazards.clock.js';
import { hazardVisible } from './hazards.scope.js';

export type ListName = HazardListPage['list'];
export type Row = Record<string, string | number | boolean | null>;
export interface ListFilter { regionCode?: string; from?: string; to?: string }
/** A keyset paging key: the sort key of the last row served (for the hazard lists, its id). */
export type ListKey = readonly (string | number | null)[];

export interface ListDefinition {
  title: { zh: string; en: string };
  note?: { zh: string; en: string };
  columns: { key: string; zh: string; en: string }[];
  /** What the period filter applies to, as the export's heading says it. */
  periodBasis: string;
  /** A permission the list needs beyond reading hazards (the enforcement lists: case.read). */
  permission?: string;
  /** Rows after the key `after` (keyset; by default on id), at most `limit`. */
  rows?: (db: Database, scope: Scope, f: ListFilter, after: ListKey | null, limit: number, now: Date) => Promise<(Row & { id: string })[]>;
  /** The paging key of a row and its length; by default [row.id]. */
  key?: { arity: number; of: (row: Row & { id: string }) => ListKey };
}

export const col = (key: string, zh: string, en: string) => ({ key, zh, en });

/** How each column is written to .xlsx: business dates, Beijing times, amounts (the rest is text). */
const COLUMN_TYPES: Record<string, ExportCellType> = {
  foundOn: 'date', deadline: 'date', closedOn: 'date', decidedOn: 'date', filedOn: 'date', acceptedAt: 'datetime', amount: 'money',
};
export const listColumnType = (key: string): ExportCellType => COLUMN_TYPES[key] ?? 'text';
/** A hazard list's key is a hazard's (or accountability record's) id, a positive integer: anything else is a bad cursor. */
function idKey(after: ListKey): string {
  const id = String(after[0]);
  if (!/^[1-9]\d{0,17}$/.test(id)) throw new AppError('VALIDATION_FAILED', { summary: 'query.cursor' }, [{ field: 'query.cursor', reason: 'invalid_cursor', message: { zh: '分页游标无效', en: 'invalid paging cursor' } }]);
  return id;
}
const label = <K extends string>(labels: Record<K, { zh: string }>, key: string) => labels[key as K]?.zh ?? key;

/** The hazards in scope found in the period; every list starts from these. */
function base(db: Database, scope: Scope, f: ListFilter, after: ListKey | null, limit: number) {
  let q = db.selectFrom('hazards as h').innerJoin('regions as r', 'r.code', 'h.region_code').leftJoin('orgs as e', 'e.id', 'h.enterprise_id').where(hazardVisible(scope));
  if (f.regionCode) q = q.where(regionFilter('h.region_code', f.regionCode));
  if (f.from) q = q.where('h.found_on', '>=', f.from);
  if (f.to) q = q.where('h.found_on', '<=', f.to);
  if (after) q = q.where('h.id', '>', idKey(after));
  return q.orderBy('h.id').limit(limit);
}

/**
 * 整改措施: the plan's measures (五落实) when the assignment carried a plan; otherwise the
 * rectifying unit's own account, its 整改情况说明 — the comment of its latest submission for
 * acceptance, or failing that its latest progress report — marked as such.
 */
const measuresOrReport = sql<string | null>`coalesce(nullif(btrim(h.plan->>'measures'), ''), (
  select '整改情况说明：' || ev.comment from hazard_events ev
  where ev.hazard_id = h.id and ev.action in ('submit_for_acceptance', 'progress') and nullif(btrim(ev.comment), '') is not null
  order by ev.action = 'submit_for_acceptance' desc, ev.seq desc limit 1))`;

/** 是否逾期: 是 when the rectifying unit is late; a late acceptance says so (验收超期), not the unit's. */
function overdueText(row: { status: string; deadline: string | null; submitted_at: Date | null }, now: Date): string {
  const late = lateness(clockFacts(row), now);
  return late === null ? '否' : late.kind === 'overdue' ? '是' : LATE_KIND_LABELS.acceptance_overdue.zh;
}

/**
 * 三张清单 (seed 000) and 四个清单 (seed 004) as views over the ledger. 案件查办 and
 * 违法企业处罚 list the cases module's records (hazards.lists.enforcement.ts).
 */
export const LEDGER_LISTS: Record<Exclude<ListName, 'cases' | 'penalties'>, ListDefinition> = {
  problems: {
    periodBasis: '按隐患发现日期',
    title: { zh: '问题清单', en: 'Problem list' },
    columns: [col('id', '编号', 'No.'), col('title', '隐患名称', 'Hazard'), col('enterprise', '企业', 'Enterprise'), col('region', '所在区划', 'Region'), col('level', '隐患等级', 'Level'), col('source', '来源', 'Source'), col('foundOn', '发现日期', 'Found on'), col('status', '状态', 'Status'), col('overdue', '是否逾期', 'Overdue')],
    rows: async (db, scope, f, after, limit, now) => (await base(db, scope, f, after, limit).select(['h.id', 'h.title', 'e.name as enterprise', 'r.name as region', 'h.level', 'h.source', 'h.found_on', 'h.status', 'h.deadline', 'h.submitted_at']).execute())
      .map((r) => ({ id: r.id, title: r.title, enterprise: r.enterprise, region: r.region, level: label(HAZARD_LEVEL_LABELS, r.level as HazardLevel), source: label(HAZARD_SOURCE_LABELS, r.source as HazardSource), foundOn: r.found_on, status: label(HAZARD_STATUS_LABELS, r.status as HazardStatus), overdue: overdueText(r, now) })),
  },
  rectification: {
    periodBasis: '按隐患发现日期',
    title: { zh: '整改清单', en: 'Rectification list' },
    columns: [col('id', '编号', 'No.'), col('title', '隐患名称', 'Hazard'), col('enterprise', '企业', 'Enterprise'), col('measures', '整改措施', 'Measures'), col('responsibleUnit', '责任单位', 'Responsible unit'), col('responsiblePerson', '责任人', 'Responsible person'), col('deadline', '整改期限', 'Deadline'), col('status', '状态', 'Status'), col('overdue', '是否逾期', 'Overdue'), col('closedOn', '销号日期', 'Closed on')],
    rows: async (db, scope, f, after, limit, now) => (await base(db, scope, f, after, limit).where('h.assigned_at', 'is not', null)
      .select(['h.id', 'h.title', 'e.name as enterprise', measuresOrReport.as('measures'), 'h.responsible_unit', 'h.responsible_person', 'h.deadline', 'h.status', 'h.closed_on', 'h.submitted_at']).execute())
      .map((r) => ({ id: r.id, title: r.title, enterprise: r.enterprise, measures: r.measures, responsibleUnit: r.responsible_unit, responsiblePerson: r.responsible_person, deadline: r.deadline, status: label(HAZARD_STATUS_LABELS, r.status as HazardStatus), overdue: overdueText(r, now), closedOn: r.closed_on })),
  },
  responsibility: {
    periodBasis: '按隐患发现日期',
    title: { zh: '责任清单', en: 'Responsibility list' },
    columns: [col('id', '编号', 'No.'), col('title', '隐患名称', 'Hazard'), col('responsibleUnit', '责任单位', 'Responsible unit'), col('responsiblePerson', '责任人', 'Responsible person'), col('department', '监管部门', 'Supervising department'), col('assignedBy', '交办单位', 'Assigned by'), col('liaisonLeader', '包联领导', 'Liaison leader'), col('acceptor', '验收人', 'Acceptor'), col('acceptedAt', '验收时间', 'Accepted at')],
    rows: async (db, scope, f, after, limit) => (await base(db, scope, f, after, limit).where('h.assigned_at', 'is not', null)
      .leftJoin('orgs as d', 'd.id', 'h.supervising_department_id').leftJoin('orgs as a', 'a.id', 'h.assigned_by_org_id')
      .select(['h.id', 'h.title', 'h.responsible_unit', 'h.responsible_person', 'd.name as department', 'a.name as assigned_by', sql<string | null>`h.listing->>'liaisonLeader'`.as('liaison'), sql<string | null>`h.acceptance->>'signedBy'`.as('acceptor'), sql<string | null>`h.acceptance->>'at'`.as('accepted_at')]).execute())
      .map((r) => ({ id: r.id, title: r.title, responsibleUnit: r.responsible_unit, responsiblePerson: r.responsible_person, department: r.department, assignedBy: r.assigned_by, liaisonLeader: r.liaison, acceptor: r.acceptor, acceptedAt: r.accepted_at })),
  },
  investigation: {
    periodBasis: '按隐患发现日期',
    title: { zh: '排查整治清单', en: 'Investigation and rectification list' },
    columns: [col('id', '编号', 'No.'), col('title', '隐患名称', 'Hazard'), col('enterprise', '企业', 'Enterprise'), col('level', '隐患等级', 'Level'), col('foundOn', '发现日期', 'Found on'), col('deadline', '整改期限', 'Deadline'), col('status', '状态', 'Status'), col('closedOn', '销号日期', 'Closed on'), col('listed', '挂牌督办', 'Listed')],
    rows: async (db, scope, f, after, limit) => (await base(db, scope, f, after, limit).select(['h.id', 'h.title', 'e.name as enterprise', 'h.level', 'h.found_on', 'h.deadline', 'h.status', 'h.closed_on', 'h.listed_level']).execute())
      .map((r) => ({ id: r.id, title: r.title, enterprise: r.enterprise, level: label(HAZARD_LEVEL_LABELS, r.level as HazardLevel), foundOn: r.found_on, deadline: r.deadline, status: label(HAZARD_STATUS_LABELS, r.status as HazardStatus), closedOn: r.closed_on, listed: r.listed_level === null ? '否' : (['', '省级', '市级', '县级'][r.listed_level] ?? '是') })),
  },
  accountability: {
    title: { zh: '追责问责清单', en: 'Accountability list' },
    periodBasis: '按问责决定日期',
    columns: [col('id', '编号', 'No.'), col('hazard', '隐患', 'Hazard'), col('person', '被问责人', 'Person'), col('personOrg', '所在单位', 'Organisation'), col('failure', '失职失责情形', 'Failure'), col('decision', '处理结果', 'Decision'), col('decidedOn', '决定日期', 'Decided on')],
    rows: async (db, scope, f, after, limit) => {
      let q = db.selectFrom('hazard_accountability as a').innerJoin('hazards as h', 'h.id', 'a.hazard_id').where(hazardVisible(scope));
      if (f.regionCode) q = q.where(regionFilter('h.region_code', f.regionCode));
      if (f.from) q = q.where('a.decided_on', '>=', f.from);
      if (f.to) q = q.where('a.decided_on', '<=', f.to);
      if (after) q = q.where('a.id', '>', idKey(after));
      const rows = await q.select(['a.id', 'h.title', 'a.person', 'a.person_org', 'a.failure', 'a.decision', 'a.decided_on']).orderBy('a.id').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, hazard: r.title, person: r.person, personOrg: r.person_org, failure: r.failure, decision: r.decision, decidedOn: r.decided_on }));
    },
  },
};
