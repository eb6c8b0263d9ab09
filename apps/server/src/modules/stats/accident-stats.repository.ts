import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Period } from '@anjian/domain';
import { regionPrefixFilter, type Scope } from '../../platform/access/scope.js';
import { toNumber, type Executor } from '../../platform/db/database.js';
import { accidentsVisibleTo } from '../accidents/index.js';
import { ZERO, type Totals } from './stats-figures.js';

/*
 * Accident statistics straight from the ledger: every figure is a GROUP BY over the accident
 * rows (their current figures, after counted supplements), filtered by the caller's scope and
 * by occurred_on — the Shanghai date of occurrence. No counters, nothing cached: the same rows
 * always give the same figures. The region is a LIKE prefix on a "C"-collated code and the
 * period a date range, both served by accidents_stats_idx (which includes every summed column).
 */

export interface AccidentFilter {
  category?: string;
  industries?: string[];
  grade?: string;
}

export type GroupSet = 'total' | 'grade' | 'category' | 'industry' | 'region';

export interface AggregateRow {
  set: GroupSet;
  /** The group's key (grade, category, industry code, or sub-region code); null for the total or no industry. */
  key: string | null;
  /** One Totals per requested period, in the order given. */
  periods: Totals[];
}

const inPeriod = (p: Period) => sql<SqlBool>`a.occurred_on between ${p.from}::date and ${p.to}::date`;

/** The five sums for one period, as columns p{i}_n, p{i}_d, … */
function sums(p: Period, i: number): RawBuilder<unknown> {
  const f = inPeriod(p);
  const col = (suffix: string) => sql.raw(`p${i}_${suffix}`);
  return sql`count(*) filter (where ${f})::int as ${col('n')},
    coalesce(sum(a.deaths + a.missing) filter (where ${f}), 0)::int as ${col('d')},
    coalesce(sum(a.serious_injuries) filter (where ${f}), 0)::int as ${col('s')},
    coalesce(sum(a.minor_injuries) filter (where ${f}), 0)::int as ${col('m')},
    coalesce(sum(a.direct_loss_yuan) filter (where ${f}), 0)::text as ${col('l')}`;
}

function readTotals(row: Record<string, unknown>, i: number): Totals {
  return {
    accidents: Number(row[`p${i}_n`]), deaths: Number(row[`p${i}_d`]), seriousInjuries: Number(row[`p${i}_s`]),
    minorInjuries: Number(row[`p${i}_m`]), directLossYuan: toNumber(row[`p${i}_l`] as string),
  };
}

function filters(f: AccidentFilter): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [];
  if (f.category) parts.push(sql<SqlBool>`a.category = ${f.category}`);
  if (f.industries && f.industries.length > 0) parts.push(sql<SqlBool>`a.industry_code = any(${sql.val(f.industries)}::text[])`);
  if (f.grade) parts.push(sql<SqlBool>`a.grade = ${f.grade}`);
  return parts.length ? sql<SqlBool>`${sql.join(parts, sql` and `)}` : sql<SqlBool>`true`;
}

/** The accidents of the scope, in the region's subtree, in any of the periods (one date range for the index). */
function where(scope: Scope, regionPrefix: string, periods: Period[], f: AccidentFilter): RawBuilder<SqlBool> {
  const from = periods.map((p) => p.from).sort()[0]!;
  const to = periods.map((p) => p.to).sort().at(-1)!;
  return sql<SqlBool>`${accidentsVisibleTo(scope)} and ${regionPrefixFilter('a.region_code', regionPrefix)}
    and a.occurred_on between ${from}::date and ${to}::date
    and (${sql.join(periods.map(inPeriod), sql` or `)}) and ${filters(f)}`;
}

export function createAccidentStatsRepository(db: Executor) {
  return {
    /**
     * Totals and breakdowns by grade, category, industry and sub-region (the first
     * `childLength` characters of the code; null for a village) for each period, in one scan
     * with GROUPING SETS.
     */
    async aggregate(o: { scope: Scope; regionPrefix: string; childLength: number | null; periods: Period[]; filter: AccidentFilter; totalsOnly?: boolean }): Promise<AggregateRow[]> {
      // A literal, not a parameter: GROUP BY must see the same expression as the SELECT.
      const sub = o.childLength === null ? null : sql`left(a.region_code, ${sql.lit(o.childLength)})`;
      const sets = o.totalsOnly ? [sql`()`] : [sql`()`, sql`(a.grade)`, sql`(a.category)`, sql`(a.industry_code)`, ...(sub ? [sql`(${sub})`] : [])];
      // GROUPING() accepts only expressions some grouping set names.
      const keys = o.totalsOnly
        ? sql`1 as g_grade, 1 as g_category, 1 as g_industry, 1 as g_region, null as sub,`
        : sql`grouping(a.grade) as g_grade, grouping(a.category) as g_category, grouping(a.industry_code) as g_industry,
          ${sub ? sql`grouping(${sub}) as g_region, ${sub} as sub,` : sql`1 as g_region, null as sub,`}
          a.grade, a.category, a.industry_code,`;
      const { rows } = await sql<Record<string, unknown>>`
        select ${keys}
          ${sql.join(o.periods.map(sums))}
        from accidents a
        where ${where(o.scope, o.regionPrefix, o.periods, o.filter)}
        group by grouping sets (${sql.join(sets)})`.execute(db);
      const result = rows.map((r): AggregateRow => {
        const periods = o.periods.map((_p, i) => readTotals(r, i));
        if (Number(r.g_grade) === 0) return { set: 'grade', key: r.grade as string, periods };
        if (Number(r.g_category) === 0) return { set: 'category', key: r.category as string, periods };
        if (Number(r.g_industry) === 0) return { set: 'industry', key: (r.industry_code as string | null) ?? null, periods };
        if (Number(r.g_region) === 0) return { set: 'region', key: r.sub as string, periods };
        return { set: 'total', key: null, periods };
      });
      // With no matching row at all, GROUPING SETS (()) still yields the total; keep that promise explicit.
      if (!result.some((r) => r.set === 'total')) result.push({ set: 'total', key: null, periods: o.periods.map(() => ZERO) });
      return result;
    },

    /** Accidents and deaths per month of `year` and the year before; *_cut counts only up to `cutoff`. */
    async monthly(o: { scope: Scope; regionPrefix: string; year: number; category?: string; cutoff: string }) {
      const { rows } = await sql<{ y: number; m: number; n: number; d: number; n_cut: number; d_cut: number }>`
        select extract(year from a.occurred_on)::int as y, extract(month from a.occurred_on)::int as m,
          count(*)::int as n, coalesce(sum(a.deaths + a.missing), 0)::int as d,
          count(*) filter (where a.occurred_on <= ${o.cutoff}::date)::int as n_cut,
          coalesce(sum(a.deaths + a.missing) filter (where a.occurred_on <= ${o.cutoff}::date), 0)::int as d_cut
        from accidents a
        where ${accidentsVisibleTo(o.scope)} and ${regionPrefixFilter('a.region_code', o.regionPrefix)}
          and a.occurred_on between ${`${o.year - 1}-01-01`}::date and ${`${o.year}-12-31`}::date
          and ${filters({ category: o.category })}
        group by 1, 2`.execute(db);
      return rows;
    },

    /**
     * Accidents and deaths by category over a date range, for the region and (with
     * childLength) for each sub-region: what control indicators are measured against.
     */
    async byCategory(o: { scope: Scope; regionPrefix: string; childLength: number | null; period: Period }) {
      const sub = o.childLength === null ? null : sql`left(a.region_code, ${sql.lit(o.childLength)})`;
      const { rows } = await sql<{ sub: string | null; category: string; n: number; d: number }>`
        select ${sub ?? sql`null`} as sub, a.category, count(*)::int as n, coalesce(sum(a.deaths + a.missing), 0)::int as d
        from accidents a
        where ${where(o.scope, o.regionPrefix, [o.period], {})}
        group by grouping sets ((a.category)${sub ? sql`, (${sub}, a.category)` : sql``})`.execute(db);
      return rows;
    },

    /**
     * 一票否决 candidates: the year's 较大 and worse accidents not found free of liability by
     * their investigation (liability undetermined counts, flagged as such).
     */
    async vetoCandidates(o: { scope: Scope; regionPrefix: string; year: number }) {
      const { rows } = await sql<{ region_code: string; enterprise_id: string | null; enterprise_name: string | null; enterprise_region: string | null; grade: string; undetermined: boolean }>`
        select a.region_code, a.enterprise_id, e.name as enterprise_name, e.region_code as enterprise_region, a.grade, (i.liability is null) as undetermined
        from accidents a
        left join accident_investigations i on i.accident_id = a.id
        left join orgs e on e.id = a.enterprise_id
        where ${accidentsVisibleTo(o.scope)} and ${regionPrefixFilter('a.region_code', o.regionPrefix)}
          and a.occurred_on between ${`${o.year}-01-01`}::date and ${`${o.year}-12-31`}::date
          and a.grade in ('major', 'serious', 'extraordinary')
          and i.liability is distinct from false`.execute(db);
      return rows;
    },

    async industryNames(): Promise<Map<string, { zh: string; en: string }>> {
      const rows = await db.selectFrom('industries').select(['code', 'name_zh', 'name_en']).execute();
      return new Map(rows.map((r) => [r.code, { zh: r.name_zh, en: r.name_en }]));
    },
  };
}

export type AccidentStatsRepository = ReturnType<typeof createAccidentStatsRepository>;
