import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { datesIn, monthDays, rollupSpans, type Period } from '@anjian/domain';
import type { Database, Executor } from '../../platform/db/database.js';
import { LATE_KIND_CODE, past } from '../hazards/index.js';
import { createHazardStatsRepository, NO_HAZARDS, NO_SNAPSHOT, type HazardAggregateRow, type HazardFiguresQuery, type HazardGroupSet, type HazardSnapshotCounts } from './hazard-stats.repository.js';

const n = (v: unknown) => Number(v ?? 0);
const DIM_SETS: Record<string, HazardGroupSet> = { total: 'total', source: 'source', level: 'level', industry: 'industry' };

/**
 * The ranges of rollup rows that make up the two periods, each a (period, span, first day,
 * last day) row: the whole months from month rows, the days at the ends from day rows.
 * Joined as a list, each range is one index range scan per region; said as one OR-ed
 * condition, the planner would scan the whole table.
 */
function ranges(periods: readonly Period[], monthsOnly: boolean): RawBuilder<unknown> {
  const rows = periods.flatMap((period, p) => {
    const spans = rollupSpans(period);
    return [...(spans.months ? [{ span: 'm', ...spans.months }] : []), ...(monthsOnly ? [] : spans.days.map((d) => ({ span: 'd', ...d })))]
      .map((x) => sql`(${p}::int, ${x.span}::"char", ${x.from}::date, ${x.to}::date)`);
  });
  return rows.length ? sql`(values ${sql.join(rows)})` : sql`(select 0, ''::"char", null::date, null::date where false)`;
}

/**
 * The rollup rows of the region itself (every dim) and of its sub-regions (totals), each looked
 * up by its code.
 */
function regionRows(t: { own: number; child: number }, region: string, where: RawBuilder<SqlBool>): RawBuilder<unknown> {
  const own = sql`select c.* from hazard_stats_counts c where c.tier = ${t.own} and c.region_code = ${region} and ${where}`;
  // Lateral, so that each sub-region is its own index range whatever the planner's estimates.
  const children = sql`select c.* from regions g
    cross join lateral (select * from hazard_stats_counts c where c.tier = ${t.child} and c.region_code = g.code and c.dim = 'total' and ${where}) c
    where g.parent_code = ${region}`;
  return sql`(${own} union all ${children})`;
}

/** Adds the figures of b to a, group by group. */
function addRows(a: HazardAggregateRow[], b: HazardAggregateRow[]): HazardAggregateRow[] {
  const out = new Map(a.map((r) => [`${r.set}:${r.key}`, r]));
  for (const r of b) {
    const mine = out.get(`${r.set}:${r.key}`);
    if (!mine) out.set(`${r.set}:${r.key}`, r);
    else r.periods.forEach((p, i) => { for (const k of Object.keys(p) as (keyof typeof p)[]) mine.periods[i]![k] += p[k]; });
  }
  return [...out.values()];
}

function addSnapshot(a: HazardSnapshotCounts, b: HazardSnapshotCounts | undefined): HazardSnapshotCounts {
  if (!b) return a;
  const sum = { ...a };
  for (const k of Object.keys(sum) as (keyof HazardSnapshotCounts)[]) sum[k] += b[k];
  return sum;
}

/**
 * Hazard figures read from hazard_stats_counts (migration 0006) for a province or a city with
 * nothing narrowing the ledger (no industry or level filter, a scope that is a whole region):
 * the same figures, to the digit, as createHazardStatsRepository counts from the ledger — the
 * rollup test proves it — at the cost of a few thousand rows instead of millions. The counts
 * and the change log not yet folded into them (migration 0008, counted like the ledger) are
 * read in one REPEATABLE READ transaction: a fold committing between the two reads would
 * otherwise drop or double its rows.
 */
export function createHazardStatsRollup(db: Database) {
  const oneSnapshot = <T>(work: (tx: Executor) => Promise<T>) => db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(work);

  /**
   * The region's own tier and its sub-regions' tier, when the rollup keeps both: a province or
   * a city by day and by month; a county (with its townships) by month only, the days at the
   * ends of a period counted live from the ledger (monthsOnly).
   */
  function tiers(q: HazardFiguresQuery): { own: number; child: number; monthsOnly: boolean } | null {
    const own = q.regionPrefix.length;
    if ((own !== 2 && own !== 4 && own !== 6) || q.childLength !== (own === 6 ? 9 : own + 2)) return null;
    if (q.industry || q.level || !q.scope.isWholeRegion) return null;
    return { own, child: q.childLength, monthsOnly: own === 6 };
  }

  return {
    answers: (q: HazardFiguresQuery) => tiers(q) !== null,

    aggregate: (q: HazardFiguresQuery) => oneSnapshot(async (tx) => {
      const t = tiers(q)!;
      const kept = await counted(tx, q);
      const log = createHazardStatsRepository(tx, 'hazard_changes');
      if (!t.monthsOnly) return addRows(kept, await log.aggregate(q));
      // Whole months: the rollup and the log; the days around them: the ledger as it is now.
      const spans = [rollupSpans(q.current), rollupSpans(q.lastYear)] as const;
      const months = [datesIn([monthDays(spans[0])]), datesIn([monthDays(spans[1])])] as const;
      const days = [datesIn(spans[0].days), datesIn(spans[1].days)] as const;
      return addRows(addRows(kept, await log.aggregate(q, months)), await createHazardStatsRepository(tx).aggregate(q, days));
    }),
    snapshot: (q: HazardFiguresQuery) => oneSnapshot(async (tx) => {
      const [c, l] = [await countedSnapshot(tx, q), await createHazardStatsRepository(tx, 'hazard_changes').snapshot(q)];
      const byRegion = new Map(c.byRegion);
      for (const [code, counts] of l.byRegion) byRegion.set(code, addSnapshot(byRegion.get(code) ?? { ...NO_SNAPSHOT }, counts));
      return { total: addSnapshot(c.total, l.total), byRegion };
    }),
  };

  async function counted(tx: Executor, q: HazardFiguresQuery): Promise<HazardAggregateRow[]> {
    const t = tiers(q)!;
    const { rows } = await sql<{ p: number; tier: number; region_code: string; dim: string; key: string; [m: string]: unknown }>`
      select r.p, c.tier, c.region_code, c.dim, c.key, sum(c.found) as found, sum(c.found_closed) as cf, sum(c.found_major) as major, sum(c.closed) as closed
      from ${ranges([q.current, q.lastYear], t.monthsOnly)} as r(p, span, first_day, last_day)
      cross join lateral ${regionRows(t, q.regionPrefix, sql<SqlBool>`c.span = r.span and c.day between r.first_day and r.last_day`)} as c
      group by 1, 2, 3, 4, 5`.execute(tx);
    const out = new Map<string, HazardAggregateRow>();
    for (const r of rows) {
      const own = r.tier === t.own;
      const set: HazardGroupSet = own ? DIM_SETS[r.dim]! : 'region';
      const key = !own ? r.region_code : set === 'total' ? null : set === 'industry' && r.key === '' ? null : r.key;
      const id = `${set}:${key}`;
      if (!out.has(id)) out.set(id, { set, key, periods: [{ ...NO_HAZARDS }, { ...NO_HAZARDS }] });
      const counts = out.get(id)!.periods[r.p]!;
      counts.found += n(r.found);
      counts.closedOfFound += n(r.cf);
      counts.major += n(r.major);
      counts.closed += n(r.closed);
    }
    return [...out.values()];
  }

  /**
   * Open, listed, exposed, accountability now, and late now of each kind: the due rows (span 'o'
   * 逾期, 'a' 验收超期, each on its last day in time) whose day has passed.
   */
  async function countedSnapshot(tx: Executor, q: HazardFiguresQuery): Promise<{ total: HazardSnapshotCounts; byRegion: Map<string, HazardSnapshotCounts> }> {
    const t = tiers(q)!;
    const [o, a] = [sql.lit(LATE_KIND_CODE.overdue), sql.lit(LATE_KIND_CODE.acceptance_overdue)];
    const { rows } = await sql<{ tier: number; region_code: string; [m: string]: unknown }>`
      select c.tier, c.region_code, sum(c.open) as open, sum(c.listed1) as l1, sum(c.listed2) as l2, sum(c.listed3) as l3,
        sum(c.exposed) as exposed, sum(c.accountability) as acc, sum(c.due) filter (where c.span = ${o}) as overdue, sum(c.due) filter (where c.span = ${a}) as acceptance_overdue
      from ${regionRows(t, q.regionPrefix, sql<SqlBool>`c.dim = 'total' and c.span in ('n', ${o}, ${a}) and (c.span = 'n' or ${past(sql.ref('c.day'), q.today)})`)} as c
      group by 1, 2`.execute(tx);
    const counts = (r: (typeof rows)[number]): HazardSnapshotCounts =>
      ({ open: n(r.open), overdue: n(r.overdue), acceptanceOverdue: n(r.acceptance_overdue), listed1: n(r.l1), listed2: n(r.l2), listed3: n(r.l3), exposed: n(r.exposed), accountability: n(r.acc) });
    const total = rows.find((r) => r.tier === t.own);
    return { total: total ? counts(total) : { ...NO_SNAPSHOT }, byRegion: new Map(rows.filter((r) => r.tier === t.child).map((r) => [r.region_code, counts(r)])) };
  }
}

export type HazardStatsRollup = ReturnType<typeof createHazardStatsRollup>;
