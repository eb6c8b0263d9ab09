import { sql } from 'kysely';
import { CASE_STATUS_LABELS, isBusinessDate, caseDaysOverdue, caseDueOn, MEASURE_LABELS, shanghaiDate, type CaseStatus, type MeasureKind } from '@anjian/domain';
import { regionFilter, type Scope } from '../../platform/access/scope.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { BLACKLIST, CASE, RESUMPTION } from './cases.scope.js';

/** A period of business dates, both ends included; open ends are unbounded. regionCode: a subtree inside the scope. */
export interface ListFilter {
  from?: string;
  to?: string;
  status?: CaseStatus;
  enterpriseId?: string;
  regionCode?: string;
}

/**
 * Keyset paging for the lists of 一个台账四个清单 (modules/hazards): `after` is the key the
 * previous page's last row gave (`key`), opaque to clients; a page costs the same at any depth.
 */
export interface ListPage { after: readonly (string | number | null)[] | null; limit: number }

export interface CaseListRow {
  id: string; number: string; enterpriseId: string; enterpriseName: string; regionCode: string; regionName: string; industryCode: string | null; orgName: string; cause: string;
  status: CaseStatus; statusLabel: string; filedOn: string; dueOn: string | null; daysOverdue: number; decidedOn: string | null;
  measures: string; fineFen: number; paidFen: number; closedOn: string | null;
  /** The paging key: (立案日期, 案号), newest first; 案号 is unique. */
  key: [string, string];
}

export interface PenaltyListRow {
  id: string; caseId: string; caseNumber: string; enterpriseId: string; enterpriseName: string; regionCode: string; orgName: string; decidedOn: string;
  measure: MeasureKind; measureLabel: string; amountFen: number | null; legalBasis: string; status: CaseStatus; executedOn: string | null; paidFen: number;
  /** The paging key: (决定日期 newest first, 案号, the measure's position in the decision). */
  key: [string, string, number];
}

const invalidCursor = () => new AppError('VALIDATION_FAILED', { summary: 'query.cursor' }, [
  { field: 'query.cursor', reason: 'invalid_cursor', message: { zh: '分页游标无效', en: 'invalid paging cursor' } },
]);
const isDate = (v: unknown): v is string => typeof v === 'string' && isBusinessDate(v);

/** A cursor that decodes but does not hold this list's key is the caller's mistake: a 4xx, never a failed cast. */
function caseKey(after: ListPage['after']): [string, string] {
  const [d, n] = after ?? [];
  if (after?.length !== 2 || !isDate(d) || typeof n !== 'string') throw invalidCursor();
  return [d, n];
}
function penaltyKey(after: ListPage['after']): [string, string, number] {
  const [d, n, p] = after ?? [];
  if (after?.length !== 3 || !isDate(d) || typeof n !== 'string' || typeof p !== 'number' || !Number.isSafeInteger(p)) throw invalidCursor();
  return [d, n, p];
}

/**
 * The 案件查办清单 and 违法企业处罚清单 of 一个台账四个清单, and the enforcement figures. Each reads
 * the records inside the caller's scope (the cases' own scope: a department its industries'
 * cases in its region, an enterprise its own); a figure is a count over those records (统计口径
 * below), reproducible from them at any time.
 */
export function createCaseLists(deps: { db: Database; now: () => Date }) {
  const { db } = deps;

  /** 案件查办清单: every case in scope filed in the period, newest first; all of them, or one page. */
  async function caseListRows(scope: Scope, filter: ListFilter = {}, page?: ListPage): Promise<CaseListRow[]> {
    let q = db.selectFrom('cases as c').innerJoin('regions as r', 'r.code', 'c.region_code').where(scope.where(CASE))
      .select(['c.id', 'c.number', 'c.enterprise_id', 'c.enterprise_name', 'c.region_code', 'r.name as region_name', 'c.industry_code', 'c.org_name', 'c.cause', 'c.status', 'c.filed_on', 'c.extension_days', 'c.decided_on', 'c.closed_on', 'c.paid_fen'])
      .select(sql<string>`coalesce((select string_agg(m.kind, ',' order by m.position) from case_measures m where m.case_id = c.id), '')`.as('kinds'))
      .select(sql<string>`coalesce((select sum(m.amount_fen) from case_measures m where m.case_id = c.id and m.kind in ('fine', 'confiscate')), 0)`.as('fine'));
    if (filter.from) q = q.where('c.filed_on', '>=', filter.from);
    if (filter.to) q = q.where('c.filed_on', '<=', filter.to);
    if (filter.status) q = q.where('c.status', '=', filter.status);
    if (filter.enterpriseId) q = q.where('c.enterprise_id', '=', filter.enterpriseId);
    if (filter.regionCode) q = q.where(regionFilter('c.region_code', filter.regionCode));
    if (page?.after) {
      const [d, n] = caseKey(page.after);
      q = q.where(sql<boolean>`(c.filed_on, c.number) < (${d}::date, ${n})`);
    }
    q = q.orderBy('c.filed_on', 'desc').orderBy('c.number', 'desc');
    if (page) q = q.limit(page.limit);
    const today = shanghaiDate(deps.now());
    return (await q.execute()).map((r) => {
      const f = { status: r.status as CaseStatus, filedOn: r.filed_on, extensionDays: r.extension_days };
      return {
        id: r.id, number: r.number, enterpriseId: r.enterprise_id, enterpriseName: r.enterprise_name, regionCode: r.region_code, regionName: r.region_name, industryCode: r.industry_code, orgName: r.org_name, cause: r.cause,
        status: r.status as CaseStatus, statusLabel: CASE_STATUS_LABELS[r.status as CaseStatus].zh, filedOn: r.filed_on, dueOn: caseDueOn(f), daysOverdue: caseDaysOverdue(f, today),
        decidedOn: r.decided_on, measures: r.kinds ? r.kinds.split(',').map((k) => MEASURE_LABELS[k as MeasureKind].zh).join('、') : '', fineFen: Number(r.fine), paidFen: Number(r.paid_fen), closedOn: r.closed_on,
        key: [r.filed_on, r.number],
      };
    });
  }

  /** 违法企业处罚清单: one row per decided measure, of the cases in scope decided in the period; all of them, or one page. */
  async function penaltyListRows(scope: Scope, filter: ListFilter = {}, page?: ListPage): Promise<PenaltyListRow[]> {
    let q = db.selectFrom('cases as c').innerJoin('case_measures as m', 'm.case_id', 'c.id').where(scope.where(CASE)).where('c.decided_on', 'is not', null)
      .select(['m.id as measure_id', 'm.position', 'c.id', 'c.number', 'c.enterprise_id', 'c.enterprise_name', 'c.region_code', 'c.org_name', 'c.decided_on', 'c.status', 'c.executed_on', 'c.paid_fen', 'm.kind', 'm.amount_fen', 'm.legal_basis']);
    if (filter.from) q = q.where('c.decided_on', '>=', filter.from);
    if (filter.to) q = q.where('c.decided_on', '<=', filter.to);
    if (filter.enterpriseId) q = q.where('c.enterprise_id', '=', filter.enterpriseId);
    if (filter.regionCode) q = q.where(regionFilter('c.region_code', filter.regionCode));
    if (page?.after) {
      const [d, n, p] = penaltyKey(page.after);
      q = q.where(sql<boolean>`(c.decided_on < ${d}::date or (c.decided_on = ${d}::date and (c.number > ${n} or (c.number = ${n} and m.position > ${p}))))`);
    }
    q = q.orderBy('c.decided_on', 'desc').orderBy('c.number').orderBy('m.position');
    if (page) q = q.limit(page.limit);
    return (await q.execute()).map((r) => ({
      id: r.measure_id, caseId: r.id, caseNumber: r.number, enterpriseId: r.enterprise_id, enterpriseName: r.enterprise_name, regionCode: r.region_code, orgName: r.org_name,
      decidedOn: r.decided_on!, measure: r.kind as MeasureKind, measureLabel: MEASURE_LABELS[r.kind as MeasureKind].zh, amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
      legalBasis: r.legal_basis, status: r.status as CaseStatus, executedOn: r.executed_on, paidFen: Number(r.paid_fen),
      key: [r.decided_on!, r.number, r.position],
    }));
  }

  /**
   * The dashboard's enforcement figures for a period [from, to] (统计口径):
   * - opened: cases filed in the period; decided: cases whose decision date is in it;
   * - overdue: cases not yet decided whose 立案→决定 clock has run out today (case_overdue);
   * - finesDecidedFen: fines and confiscations (分) of the decisions in the period;
   *   finesCollectedFen: what the cases executed in the period recorded as paid;
   * - suspended: decisions in the period ordering 停产停业整顿; resumed: 复产验收 passed in the period;
   *   closed: closures carried out (executed) in the period;
   * - blacklisted: blacklist entries in force today (listed, not removed, today within from–to).
   */
  async function figures(scope: Scope, period: { from: string; to: string }) {
    const today = shanghaiDate(deps.now());
    const { from, to } = period;
    const inPeriod = (col: string) => sql<boolean>`${sql.ref(col)} between ${from}::date and ${to}::date`;
    const hasMeasure = (kind: string) => sql<boolean>`exists (select 1 from case_measures m where m.case_id = c.id and m.kind = ${kind})`;
    const c = await db.selectFrom('cases as c').where(scope.where(CASE)).select([
      sql<string>`count(*) filter (where ${inPeriod('c.filed_on')})`.as('opened'),
      sql<string>`count(*) filter (where ${inPeriod('c.decided_on')})`.as('decided'),
      sql<string>`count(*) filter (where case_overdue(c.status, c.filed_on, c.extension_days, ${today}::date))`.as('overdue'),
      sql<string>`coalesce(sum((select sum(m.amount_fen) from case_measures m where m.case_id = c.id and m.kind in ('fine', 'confiscate'))) filter (where ${inPeriod('c.decided_on')}), 0)`.as('fines_decided'),
      sql<string>`coalesce(sum(c.paid_fen) filter (where ${inPeriod('c.executed_on')}), 0)`.as('fines_collected'),
      sql<string>`count(*) filter (where ${inPeriod('c.decided_on')} and ${hasMeasure('suspend')})`.as('suspended'),
      sql<string>`count(*) filter (where ${inPeriod('c.executed_on')} and ${hasMeasure('close')})`.as('closed'),
    ]).executeTakeFirstOrThrow();
    const resumed = await db.selectFrom('resumptions as r').where(scope.where(RESUMPTION)).where('r.status', '=', 'accepted')
      .where(sql<boolean>`(r.decided_at at time zone 'Asia/Shanghai')::date between ${from}::date and ${to}::date`).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    const blacklisted = await db.selectFrom('blacklist_entries as b').where(scope.where(BLACKLIST)).where('b.removed_at', 'is', null)
      .where('b.from_on', '<=', today).where('b.to_on', '>=', today).select(sql<string>`count(distinct b.enterprise_id)`.as('n')).executeTakeFirstOrThrow();
    return {
      from, to, today,
      opened: Number(c.opened), decided: Number(c.decided), overdue: Number(c.overdue),
      finesDecidedFen: Number(c.fines_decided), finesCollectedFen: Number(c.fines_collected),
      suspended: Number(c.suspended), resumed: Number(resumed.n), closed: Number(c.closed), blacklisted: Number(blacklisted.n),
    };
  }

  return { caseListRows, penaltyListRows, figures };
}

export type CaseLists = ReturnType<typeof createCaseLists>;
