import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { rollupSpans, type Period } from '@anjian/domain';
import { inSubtree } from '../../platform/access/scope.js';
import type { Database } from '../../platform/db/database.js';
import { NO_SNAPSHOT, type HazardAggregateRow, type HazardFiguresQuery, type HazardGroupSet, type HazardSnapshotCounts } from './hazard-stats.repository.js';

const n = (v: unknown) => Number(v ?? 0);
const DIM_SETS: Record<string, HazardGroupSet> = { total: 'total', source: 'source', level: 'level', industry: 'industry' };

/** The rows of one period: its whole months from month rows, the days at its ends from day rows. */
function inPeriod(p: Period): RawBuilder<SqlBool> {
  const spans = rollupSpans(p);
  const parts = [
    ...(spans.months ? [sql`(c.span = 'm' and c.day between ${spans.months.from}::date and ${spans.months.to}::date)`] : []),
    ...spans.days.map((d) => sql`(c.span = 'd' and c.day between ${d.from}::date and ${d.to}::date)`),
  ];
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`false`;
}

/** Counts and deltas not yet folded in: together, always the exact figures. */
const ROLLUP = sql`(select * from hazard_stats_counts union all select * from hazard_stats_deltas)`;

/**
 * Hazard figures read from hazard_stats_counts (migration 0006) for a province or a city with
 * nothing narrowing the ledger (no industry or level filter, a scope that is a whole region):
 * the same rows, to the digit, as createHazardStatsRepository counts from the ledger — the
 * rollup test proves it — at the cost of a few thousand rows instead of millions.
 */
export function createHazardStatsRollup(db: Database) {
  /** The region's own tier and its sub-regions' tier, when the rollup keeps both. */
  function tiers(q: HazardFiguresQuery): { own: number; child: number } | null {
    const own = q.regionPrefix.length;
    if ((own !== 2 && own !== 4) || q.childLength !== own + 2) return null;
    if (q.industry || q.level || q.scope.industries !== null || q.scope.enterpriseOrgId !== null) return null;
    return { own, child: q.childLength };
  }
  const rowsOf = (t: { own: number; child: number }, q: HazardFiguresQuery) =>
    sql<SqlBool>`((c.tier = ${t.own} and c.region_code = ${q.regionPrefix}) or (c.tier = ${t.child} and c.dim = 'total' and ${inSubtree('c.region_code', q.regionPrefix)}))`;

  return {
    answers: (q: HazardFiguresQuery) => tiers(q) !== null,

    async aggregate(q: HazardFiguresQuery): Promise<HazardAggregateRow[]> {
      const t = tiers(q)!;
      const [p0, p1] = [inPeriod(q.current), inPeriod(q.lastYear)];
      const { rows } = await sql<{ tier: number; region_code: string; dim: string; key: string; [m: string]: unknown }>`
        select c.tier, c.region_code, c.dim, c.key,
          sum(c.found) filter (where ${p0}) as found0, sum(c.found) filter (where ${p1}) as found1,
          sum(c.found_closed) filter (where ${p0}) as cf0, sum(c.found_closed) filter (where ${p1}) as cf1,
          sum(c.found_major) filter (where ${p0}) as major0, sum(c.found_major) filter (where ${p1}) as major1,
          sum(c.closed) filter (where ${p0}) as closed0, sum(c.closed) filter (where ${p1}) as closed1
        from ${ROLLUP} c
        where c.span in ('m', 'd') and (${p0} or ${p1}) and ${rowsOf(t, q)}
        group by 1, 2, 3, 4`.execute(db);
      return rows.map((r) => {
        const own = r.tier === t.own;
        const set: HazardGroupSet = own ? DIM_SETS[r.dim]! : 'region';
        const key = !own ? r.region_code : set === 'total' ? null : set === 'industry' && r.key === '' ? null : r.key;
        return {
          set, key,
          periods: [
            { found: n(r.found0), closedOfFound: n(r.cf0), major: n(r.major0), closed: n(r.closed0) },
            { found: n(r.found1), closedOfFound: n(r.cf1), major: n(r.major1), closed: n(r.closed1) },
          ],
        };
      });
    },

    /** Open, listed, exposed and accountability from the rollup; overdue (it moves with the date) counted live by index. */
    async snapshot(q: HazardFiguresQuery): Promise<{ total: HazardSnapshotCounts; byRegion: Map<string, HazardSnapshotCounts> }> {
      const t = tiers(q)!;
      const child = sql.lit(t.child);
      const [stored, overdue] = await Promise.all([
        sql<{ tier: number; region_code: string; [m: string]: unknown }>`
          select c.tier, c.region_code, sum(c.open) as open, sum(c.listed1) as l1, sum(c.listed2) as l2, sum(c.listed3) as l3,
            sum(c.exposed) as exposed, sum(c.accountability) as acc
          from ${ROLLUP} c where c.span = 'n' and c.dim = 'total' and ${rowsOf(t, q)} group by 1, 2`.execute(db),
        sql<{ region: string | null; g: number; n: string }>`
          select left(h.region_code, ${child}) as region, grouping(left(h.region_code, ${child})) as g, count(*) as n
          from hazards h
          where h.status in ('verified', 'rectifying', 'pending_acceptance') and h.deadline < ${q.today}::date and ${inSubtree('h.region_code', q.regionPrefix)}
          group by grouping sets ((), (left(h.region_code, ${child})))`.execute(db),
      ]);
      const counts = (r: (typeof stored.rows)[number] | undefined, late: number): HazardSnapshotCounts => (r
        ? { open: n(r.open), overdue: late, listed1: n(r.l1), listed2: n(r.l2), listed3: n(r.l3), exposed: n(r.exposed), accountability: n(r.acc) }
        : { ...NO_SNAPSHOT, overdue: late });
      const late = new Map(overdue.rows.map((r) => [r.g === 1 ? null : r.region, n(r.n)]));
      const byRegion = new Map<string, HazardSnapshotCounts>();
      const children = stored.rows.filter((r) => r.tier === t.child);
      for (const code of new Set([...children.map((r) => r.region_code), ...[...late.keys()].filter((k): k is string => k !== null)])) {
        byRegion.set(code, counts(children.find((r) => r.region_code === code), late.get(code) ?? 0));
      }
      return { total: counts(stored.rows.find((r) => r.tier === t.own), late.get(null) ?? 0), byRegion };
    },
  };
}

export type HazardStatsRollup = ReturnType<typeof createHazardStatsRollup>;
