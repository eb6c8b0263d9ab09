import { sql, type SelectQueryBuilder } from 'kysely';
import { isWithinRegion, regionLevel, shanghaiDate, type LateKind, type LedgerQuery } from '@anjian/domain';
import { regionFilter, type Scope } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { dueBy, LATE_KIND_CODE, late, notLate, past, type LateKindCode } from './hazards.clock.js';
import { hazardVisible } from './hazards.scope.js';
import type { SummaryRow } from './hazards.present.js';

export interface LedgerFilter extends Omit<LedgerQuery, 'regionCode' | 'limit' | 'cursor' | 'reportedByMe'> {
  regionCode?: string;
  /** The account whose own reports are asked for (LedgerQuery.reportedByMe). */
  reportedBy?: string;
}

/** The ledger's lateness filters: 逾期 (overdue) and 验收超期 (acceptanceOverdue), each true, false or absent. */
const LATE_FILTERS = { overdue: 'overdue', acceptanceOverdue: 'acceptance_overdue' } as const satisfies Record<string, LateKind>;

/** The ledger's WHERE clause, shared by the page and its counts so the two always agree. */
function filtered(db: Executor, scope: Scope, f: LedgerFilter, now: Date, withStatus: boolean) {
  const today = shanghaiDate(now);
  let q = db.selectFrom('hazards as h').where(hazardVisible(scope));
  if (f.regionCode) q = q.where(regionFilter('h.region_code', f.regionCode));
  if (f.enterpriseId) q = q.where('h.enterprise_id', '=', f.enterpriseId);
  if (f.industry) q = q.where('h.industry_code', '=', f.industry);
  if (f.level) q = q.where('h.level', '=', f.level);
  if (withStatus && f.status) q = q.where('h.status', '=', f.status);
  if (f.source) q = q.where('h.source', '=', f.source);
  if (f.reportedBy) q = q.where('h.reported_by', '=', f.reportedBy);
  if (f.listed !== undefined) q = q.where('h.listed_level', f.listed ? 'is not' : 'is', null);
  if (f.from) q = q.where('h.found_on', '>=', f.from);
  if (f.to) q = q.where('h.found_on', '<=', f.to);
  if (f.q) q = q.where('h.title', 'like', `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
  for (const [key, kind] of Object.entries(LATE_FILTERS)) {
    if (f[key as keyof typeof LATE_FILTERS] === true) q = q.where(late(kind, today));
    // A hazard with no clock (no deadline yet, settled) is in time: =false keeps it.
    if (f[key as keyof typeof LATE_FILTERS] === false) q = q.where(notLate(kind, today));
  }
  return q;
}

interface StatusCount { status: string; n: number; overdue: number; acceptance_overdue: number; listed: number }

function summarise(rows: StatusCount[], f: LedgerFilter) {
  const byStatus: Record<string, number> = {};
  let total = 0, overdue = 0, acceptanceOverdue = 0, listed = 0;
  for (const r of rows) {
    if (r.n === 0) continue;
    byStatus[r.status] = r.n;
    if (f.status && r.status !== f.status) continue;
    total += r.n; overdue += r.overdue; acceptanceOverdue += r.acceptance_overdue; listed += r.listed;
  }
  return { total, byStatus, overdue, acceptanceOverdue, listed };
}

async function countLive(db: Executor, scope: Scope, f: LedgerFilter, now: Date): Promise<StatusCount[]> {
  const today = shanghaiDate(now);
  return filtered(db, scope, f, now, false)
    .select([
      'h.status',
      sql<number>`count(*)::int`.as('n'),
      sql<number>`count(*) filter (where ${late('overdue', today)})::int`.as('overdue'),
      sql<number>`count(*) filter (where ${late('acceptance_overdue', today)})::int`.as('acceptance_overdue'),
      sql<number>`count(*) filter (where h.listed_level is not null)::int`.as('listed'),
    ])
    .groupBy('h.status')
    .execute();
}

/**
 * The region whose whole subtree the counts cover, when hazard_ledger_counts (and, for overdue,
 * hazard_ledger_due) can answer: a government scope without an industry narrowing, filtered at
 * most by region, level, listing and lateness (status only picks the total). Other filters are
 * counted live. null: the requested region lies outside the scope (nothing to count).
 */
function rollupTarget(scope: Scope, f: LedgerFilter): string | null | undefined {
  if (!scope.isWholeRegion) return undefined;
  if (f.enterpriseId || f.industry || f.source || f.reportedBy || f.from || f.to || f.q) return undefined;
  let target: string | null;
  if (f.regionCode === undefined) target = scope.regionCode;
  else if (scope.coversRegion(f.regionCode)) target = f.regionCode;
  else target = isWithinRegion(scope.regionCode, f.regionCode) ? scope.regionCode : null;
  // Villages have no tier of their own: their few hundred hazards are counted live.
  return target !== null && target.length > 9 ? undefined : target;
}

/** Stored counts per status, less (for a lateness filter =false) or beside them the late counts of each kind. */
async function countRolledUp(db: Executor, target: string | null, f: LedgerFilter, now: Date): Promise<StatusCount[]> {
  if (target === null) return [];
  const today = shanghaiDate(now);
    // The folded counts and the change log not yet folded (migration 0008), read in one
  // statement: one snapshot, so a fold committing meanwhile neither hides nor doubles a row.
  let counted = db.selectFrom('hazard_ledger_counts as c').select(['c.status', 'c.n', 'c.listed']);
  // A county or township reads its own rows; above, the county rows and the rows recorded at city or province level.
  counted = target !== '0' && regionLevel(target) >= 3 ? counted.where('c.region_code', '=', target) : counted.where(regionFilter('c.region_code', target)).where(sql<boolean>`length(c.region_code) <= 6`);
  if (f.level) counted = counted.where('c.level', '=', f.level);
  if (f.listed !== undefined) counted = counted.where('c.listed', '=', f.listed);
  // The change log's rows in the subtree, counted by their signs and filtered like the rollups.
  const logSource = () => {
    let q = db.selectFrom('hazard_changes as g').where(regionFilter('g.region_code', target));
    if (f.level) q = q.where('g.level', '=', f.level);
    if (f.listed !== undefined) q = q.where('g.listed_level', f.listed ? 'is not' : 'is', null);
    return q;
  };
  const signed = [sql<string>`g.sign::bigint`.as('n'), sql<boolean>`g.listed_level is not null`.as('listed')] as const;
  const logged = () => logSource().select(['g.status', ...signed]);
  const perStatus = (rows: SelectQueryBuilder<DB, never, { status: string; n: string; listed: boolean }>) => db.selectFrom(rows.as('c'))
    .select(['c.status', sql<number>`sum(c.n)::int`.as('n'), sql<number>`coalesce(sum(c.n) filter (where c.listed), 0)::int`.as('listed')])
    .groupBy('c.status');
  const stored = perStatus(counted.unionAll(logged()));

  // Late now: the open hazards whose last day has passed, by kind (逾期 'o', 验收超期 'a'), from
  // hazard_ledger_due (migrations 0010, 0012c) and the log, in one statement.
  let due = db.selectFrom('hazard_ledger_due as d').select(['d.due_by as kind', 'd.status', 'd.n', 'd.listed']).where(past(sql.ref('d.due_on'), today));
  due = target === '0' ? due.where(sql<boolean>`length(d.region_code) = 2`) : due.where('d.region_code', '=', target);
  if (f.level) due = due.where('d.level', '=', f.level);
  if (f.listed !== undefined) due = due.where('d.listed', '=', f.listed);
  const loggedLate = logSource().select([sql<LateKindCode>`${dueBy('g')}`.as('kind'), 'g.status', ...signed])
    .where(sql<boolean>`(${late('overdue', today, 'g')} or ${late('acceptance_overdue', today, 'g')})`);
  const lateQuery = db.selectFrom(due.unionAll(loggedLate).as('c'))
    .select(['c.kind', 'c.status', sql<number>`sum(c.n)::int`.as('n'), sql<number>`coalesce(sum(c.n) filter (where c.listed), 0)::int`.as('listed')])
    .groupBy(['c.kind', 'c.status']);
  const wanted = (Object.keys(LATE_FILTERS) as (keyof typeof LATE_FILTERS)[]).filter((k) => f[k] === true);
  const [all, lateRows] = await Promise.all([wanted.length > 0 ? [] : stored.execute(), lateQuery.execute()]);
  const none = { n: 0, listed: 0 };
  const lateOf = (kind: LateKind, status: string) => lateRows.find((r) => r.kind === LATE_KIND_CODE[kind] && r.status === status) ?? none;
  const statuses = [...new Set([...all.map((r) => r.status), ...lateRows.map((r) => r.status)])];
  return statuses.map((status) => {
    const o = lateOf('overdue', status);
    const a = lateOf('acceptance_overdue', status);
    if (wanted.length > 0) {
      // overdue=true or acceptanceOverdue=true: the late hazards of that kind alone (both: none).
      const [ko, ka] = wanted.length > 1 ? [none, none] : wanted[0] === 'overdue' ? [o, none] : [none, a];
      return { status, n: ko.n + ka.n, overdue: ko.n, acceptance_overdue: ka.n, listed: ko.listed + ka.listed };
    }
    // =false leaves that kind of late hazards out of every figure.
    const r = all.find((x) => x.status === status) ?? none;
    const [xo, xa] = [f.overdue === false ? o : none, f.acceptanceOverdue === false ? a : none];
    return { status, n: r.n - xo.n - xa.n, listed: r.listed - xo.listed - xa.listed, overdue: o.n - xo.n, acceptance_overdue: a.n - xa.n };
  });
}

export function createHazardQueries(db: Executor) {
  return {
    async page(scope: Scope, f: LedgerFilter, limit: number, afterId: string | null, now: Date): Promise<SummaryRow[]> {
      // The page's ids first, from the hazards table alone: with the filters the ledger offers
      // most, that is an index-only scan of one of the ledger-ordered indexes (migration 0005);
      // only the page's own rows are then read and joined.
      let ids = filtered(db, scope, f, now, true).select('h.id');
      if (afterId) ids = ids.where('h.id', '<', afterId);
      return db.selectFrom(ids.orderBy('h.id', 'desc').limit(limit + 1).as('p'))
        .innerJoin('hazards as h', 'h.id', 'p.id')
        .innerJoin('regions as r', 'r.code', 'h.region_code')
        .leftJoin('orgs as e', 'e.id', 'h.enterprise_id')
        .select(['h.id', 'h.title', 'h.level', 'h.source', 'h.status', 'h.region_code', 'r.name as region_name', 'h.enterprise_id', 'e.name as enterprise_name', 'h.industry_code', 'h.found_on', 'h.deadline', 'h.listed_level', 'h.responsible_unit', 'h.closed_on', 'h.submitted_at'])
        .orderBy('h.id', 'desc')
        .execute();
    },

    /** Counts per status at the top of the ledger: from the rollup when the filters allow, else counted. */
    async counts(scope: Scope, f: LedgerFilter, now: Date) {
      const target = rollupTarget(scope, f);
      return summarise(target === undefined ? await countLive(db, scope, f, now) : await countRolledUp(db, target, f, now), f);
    },

    /** The same figures always counted from the hazards themselves (the rollup's proof uses it). */
    async countsLive(scope: Scope, f: LedgerFilter, now: Date) {
      return summarise(await countLive(db, scope, f, now), f);
    },
  };
}

export type HazardQueries = ReturnType<typeof createHazardQueries>;
