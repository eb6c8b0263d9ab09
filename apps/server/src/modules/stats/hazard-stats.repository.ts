import { sql } from 'kysely';
import type { Period } from '@anjian/domain';
import { regionPrefixFilter, type Scope } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import { EXPOSED, hazardVisibleInRegion, late } from '../hazards/index.js';

export type HazardGroupSet = 'total' | 'source' | 'level' | 'industry' | 'region';

export interface HazardCounts {
  found: number;
  closedOfFound: number;
  major: number;
  closed: number;
}
export const NO_HAZARDS: HazardCounts = { found: 0, closedOfFound: 0, major: 0, closed: 0 };

export interface HazardSnapshotCounts {
  open: number;
  /** 逾期: the rectifying units' lateness. */
  overdue: number;
  /** 验收超期: submitted in time, the acceptance late. */
  acceptanceOverdue: number;
  listed1: number;
  listed2: number;
  listed3: number;
  exposed: number;
  accountability: number;
}
export const NO_SNAPSHOT: HazardSnapshotCounts = { open: 0, overdue: 0, acceptanceOverdue: 0, listed1: 0, listed2: 0, listed3: 0, exposed: 0, accountability: 0 };

export interface HazardAggregateRow {
  set: HazardGroupSet;
  key: string | null;
  /** [this period, the same period last year] */
  periods: [HazardCounts, HazardCounts];
}

/** What both sources of hazard figures (the ledger live, the rollup) are asked. */
export interface HazardFiguresQuery {
  scope: Scope;
  regionPrefix: string;
  childLength: number | null;
  current: Period;
  lastYear: Period;
  industry?: string;
  level?: string;
  today: string;
}

const n = (v: unknown) => Number(v ?? 0);

/**
 * Hazard figures from the ledger (统计口径 in docs/statistics.md), for two periods at once,
 * broken down by source, level, industry and sub-region with GROUPING SETS: one scan for
 * what was found in the periods, one for what was closed in them, one for the snapshot.
 *
 * The same statements count the change log not yet folded into the rollup (source
 * 'hazard_changes', migration 0008: each row a hazard as it is now, +1, or was, −1) by
 * summing the signs; the log carries the hazards' columns but not their owners, so it answers
 * only scopes that are a whole region — the only ones the rollup answers.
 */
export function createHazardStatsRepository(db: Executor, source: 'hazards' | 'hazard_changes' = 'hazards') {
  /** How many hazards a group holds: rows of the ledger, or the signs of the log's rows. */
  const tally = source === 'hazards' ? sql`count(*)` : sql`sum(h.sign)`;
  /**
   * The hazards of the query's scope and region. By date (found, closed): within a county the
   * region is said the way the county indexes (migration 0006) are keyed, and only so — offered
   * a LIKE on the code, the planner read a township's years through the heap. The snapshot reads
   * the small index of open and listed hazards, keyed by the code: a LIKE.
   */
  function base(q: HazardFiguresQuery, by: 'date' | 'code') {
    // The log has the ledger's counted columns under the same names (typed as the ledger for the builder).
    let b = db.selectFrom(`${source} as h` as 'hazards as h').where(hazardVisibleInRegion(q.scope));
    const p = q.regionPrefix;
    if (by === 'code' || p.length < 6) b = b.where(regionPrefixFilter('h.region_code', p));
    else {
      b = b.where(sql`left(h.region_code, 6)`, '=', p.slice(0, 6));
      if (p.length > 6) b = b.where(sql<boolean>`left(h.region_code, ${sql.lit(p.length)}) = ${p}`);
    }
    if (q.industry) b = b.where('h.industry_code', '=', q.industry);
    if (q.level) b = b.where('h.level', '=', q.level as 'general' | 'major');
    return b;
  }

  // The length is inlined: GROUPING() must see the very expression grouped by, not a parameter.
  const child = (q: HazardFiguresQuery) => (q.childLength === null ? sql<string>`h.region_code` : sql<string>`left(h.region_code, ${sql.lit(q.childLength)})`);
  const sets = (q: HazardFiguresQuery) => sql`grouping sets ((), (h.source), (h.level), (h.industry_code), (${child(q)}))`;
  const setOf = (r: { g_source: number; g_level: number; g_industry: number; g_region: number }): HazardGroupSet =>
    r.g_source === 0 ? 'source' : r.g_level === 0 ? 'level' : r.g_industry === 0 ? 'industry' : r.g_region === 0 ? 'region' : 'total';

  return {
    /**
     * `days`, when given, narrows each period to those dates (a county's days outside whole
     * months, which the rollup keeps for it by month only): few, so named one by one.
     */
    async aggregate(q: HazardFiguresQuery, days?: readonly [string[], string[]]): Promise<HazardAggregateRow[]> {
      const periods = [q.current, q.lastYear] as const;
      const inPeriod = (i: 0 | 1, col: string) => (days
        ? sql`h.${sql.raw(col)} = any(${days[i]}::date[])`
        : sql`h.${sql.raw(col)} between ${periods[i].from}::date and ${periods[i].to}::date`);
      const inEither = (col: string) => (days
        ? sql<boolean>`h.${sql.raw(col)} = any(${[...days[0], ...days[1]]}::date[])`
        : sql<boolean>`h.${sql.raw(col)} between ${q.lastYear.from}::date and ${q.current.to}::date`);
      const groupCols = (qq: HazardFiguresQuery) => [
        'h.source', 'h.level', 'h.industry_code', child(qq).as('region'),
        sql<number>`grouping(h.source)`.as('g_source'), sql<number>`grouping(h.level)`.as('g_level'),
        sql<number>`grouping(h.industry_code)`.as('g_industry'), sql<number>`grouping(${child(qq)})`.as('g_region'),
      ] as const;
      const foundQuery = base(q, 'date')
        .where(inEither('found_on'))
        .where('h.status', '!=', 'rejected')
        .select([
          ...groupCols(q),
          sql<string>`${tally} filter (where ${inPeriod(0, 'found_on')})`.as('found0'),
          sql<string>`${tally} filter (where ${inPeriod(1, 'found_on')})`.as('found1'),
          sql<string>`${tally} filter (where ${inPeriod(0, 'found_on')} and h.status = 'closed')`.as('cf0'),
          sql<string>`${tally} filter (where ${inPeriod(1, 'found_on')} and h.status = 'closed')`.as('cf1'),
          sql<string>`${tally} filter (where ${inPeriod(0, 'found_on')} and h.level = 'major')`.as('major0'),
          sql<string>`${tally} filter (where ${inPeriod(1, 'found_on')} and h.level = 'major')`.as('major1'),
        ])
        .groupBy(sets(q))
        .execute();
      const closedQuery = base(q, 'date')
        .where(inEither('closed_on'))
        .select([...groupCols(q), sql<string>`${tally} filter (where ${inPeriod(0, 'closed_on')})`.as('closed0'), sql<string>`${tally} filter (where ${inPeriod(1, 'closed_on')})`.as('closed1')])
        .groupBy(sets(q))
        .execute();
      // Found and closed are two scans of two indexes: side by side (on one connection inside a transaction, one after the other).
      const [found, closed] = await Promise.all([foundQuery, closedQuery]);

      const rows = new Map<string, HazardAggregateRow>();
      const keyOf = (r: { source: string | null; level: string | null; industry_code: string | null; region: string | null; g_source: number; g_level: number; g_industry: number; g_region: number }) => {
        const set = setOf(r);
        const key = set === 'source' ? r.source : set === 'level' ? r.level : set === 'industry' ? r.industry_code : set === 'region' ? r.region : null;
        const id = `${set}:${key}`;
        if (!rows.has(id)) rows.set(id, { set, key, periods: [{ ...NO_HAZARDS }, { ...NO_HAZARDS }] });
        return rows.get(id)!;
      };
      for (const r of found) {
        const row = keyOf(r);
        Object.assign(row.periods[0], { found: n(r.found0), closedOfFound: n(r.cf0), major: n(r.major0) });
        Object.assign(row.periods[1], { found: n(r.found1), closedOfFound: n(r.cf1), major: n(r.major1) });
      }
      for (const r of closed) {
        const row = keyOf(r);
        row.periods[0].closed = n(r.closed0);
        row.periods[1].closed = n(r.closed1);
      }
      return [...rows.values()];
    },

    /** Open, late (逾期, 验收超期), listed and exposed now — by sub-region and in total. */
    async snapshot(q: HazardFiguresQuery): Promise<{ total: HazardSnapshotCounts; byRegion: Map<string, HazardSnapshotCounts> }> {
      const rows = await base(q, 'code')
        .where((eb) => eb.or([eb('h.status', 'in', ['reported', 'verified', 'rectifying', 'pending_acceptance']), eb('h.listed_level', 'is not', null), eb('h.accountability_required', '=', true)]))
        .select([
          child(q).as('region'),
          sql<number>`grouping(${child(q)})`.as('g'),
          sql<string>`${tally} filter (where h.status in ('reported', 'verified', 'rectifying', 'pending_acceptance'))`.as('open'),
          sql<string>`${tally} filter (where ${late('overdue', q.today)})`.as('overdue'),
          sql<string>`${tally} filter (where ${late('acceptance_overdue', q.today)})`.as('acceptance_overdue'),
          sql<string>`${tally} filter (where h.listed_level = 1)`.as('l1'),
          sql<string>`${tally} filter (where h.listed_level = 2)`.as('l2'),
          sql<string>`${tally} filter (where h.listed_level = 3)`.as('l3'),
          sql<string>`${tally} filter (where ${EXPOSED})`.as('exposed'),
          sql<string>`${tally} filter (where h.accountability_required)`.as('acc'),
        ])
        .groupBy(sql`grouping sets ((), (${child(q)}))`)
        .execute();
      const toCounts = (r: (typeof rows)[number]): HazardSnapshotCounts => ({ open: n(r.open), overdue: n(r.overdue), acceptanceOverdue: n(r.acceptance_overdue), listed1: n(r.l1), listed2: n(r.l2), listed3: n(r.l3), exposed: n(r.exposed), accountability: n(r.acc) });
      const total = rows.find((r) => r.g === 1);
      return { total: total ? toCounts(total) : { ...NO_SNAPSHOT }, byRegion: new Map(rows.filter((r) => r.g === 0).map((r) => [r.region, toCounts(r)])) };
    },
  };
}

export type HazardStatsRepository = ReturnType<typeof createHazardStatsRepository>;
