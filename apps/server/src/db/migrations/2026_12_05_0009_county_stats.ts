import { sql, type Kysely } from 'kysely';
import { STATS_SQL_V1 } from './2026_11_22_0006_hazard_stats.js';
import { foldFunctionSql } from './2026_12_05_0008_hazard_changes.js';

/**
 * County dashboards from the rollup (issue 5). With ten years of a province loaded, a county's
 * hazard figures counted live took 50–60 ms (two years of a county are some 35,000 hazards);
 * the target is 30. The rollup now also keeps, per month, each county's breakdowns (by source,
 * level, industry) and each township's totals, and each township's snapshot (open, listed,
 * overdue by deadline): a county reads its whole months from here, and counts only the days
 * at the ends of a period live. About 900,000 rows more at that scale (a county's breakdowns
 * per day would be ten million: the days stay live).
 *
 * The statement the fold runs is written out when hazard_changes_fold() is created, so both
 * are created again; the rollup is refilled from the ledger, after the change log is folded
 * (the ledger counts need it) with writers held off.
 *
 * Also: the planner estimated a township's share of the ledger a thirtieth of what it is (a
 * LIKE prefix on a 12-digit code, from a 100-value histogram) and read a township's two years
 * through the heap; a finer histogram on region_code.
 */
export const STATS_SQL_V2 = `
    -- The one statement that turns hazard rows into rollup rows: from a row source with a sign
    -- column (+1 for rows as they are now, -1 for rows as they were) it inserts the signed
    -- counts into the target. Text, so that the fold (generated from it) and the initial fill
    -- run the very same statement.
    create function hazard_stats_sql(source text, target text) returns text language sql immutable as $f$
      select format($q$
        with src as (
          select h.sign, left(h.region_code, 9) as c9, left(h.region_code, 6) as c6, left(h.region_code, 4) as c4, h.source, h.level,
            coalesce(h.industry_code, '') as industry, h.status, h.found_on, h.closed_on, h.deadline, h.listed_level, h.escalated_at, h.accountability_required
          from %1$s h
        ),
        -- What each row counts for, one narrow select per kind of fact: found on its day unless
        -- rejected, closed on its closing day, now (the snapshot) while open, listed or
        -- accountable, and due on its deadline while assigned and open.
        facts as (
          select c9, c6, c4, source, level, industry, 'd'::"char" as span, found_on as day, sign as found, sign * (status = 'closed')::int as found_closed,
            sign * (level = 'major')::int as found_major, 0 as closed, 0 as open, 0 as listed1, 0 as listed2, 0 as listed3, 0 as exposed, 0 as accountability, 0 as due
          from src where status <> 'rejected'
          union all
          select c9, c6, c4, source, level, industry, 'd', closed_on, 0, 0, 0, sign, 0, 0, 0, 0, 0, 0, 0 from src where closed_on is not null
          union all
          select c9, c6, c4, source, level, industry, 'n', date '2000-01-01', 0, 0, 0, 0,
            sign * (status in ('reported', 'verified', 'rectifying', 'pending_acceptance'))::int,
            sign * (coalesce(listed_level, 0) = 1)::int, sign * (coalesce(listed_level, 0) = 2)::int, sign * (coalesce(listed_level, 0) = 3)::int,
            sign * (status in ('verified', 'rectifying', 'pending_acceptance') and escalated_at is not null)::int, sign * accountability_required::int, 0
          from src where status in ('reported', 'verified', 'rectifying', 'pending_acceptance') or listed_level is not null or accountability_required
          union all
          select c9, c6, c4, source, level, industry, 'o', deadline, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, sign
          from src where status in ('verified', 'rectifying', 'pending_acceptance') and deadline is not null
        ),
        -- One pass: townships' totals, counties' and cities' totals and breakdowns, per day.
        grouped as (
          select case when grouping(c9) = 0 then 9 when grouping(c6) = 0 then 6 else 4 end as tier, span, day, coalesce(c9, c6, c4) as code,
            case when grouping(source) = 0 then 'source' when grouping(level) = 0 then 'level' when grouping(industry) = 0 then 'industry' else 'total' end as dim,
            coalesce(case when grouping(source) = 0 then source when grouping(level) = 0 then level when grouping(industry) = 0 then industry end, '') as key,
            sum(found)::bigint as found, sum(found_closed)::bigint as found_closed, sum(found_major)::bigint as found_major, sum(closed)::bigint as closed,
            sum(open)::bigint as open, sum(listed1)::bigint as listed1, sum(listed2)::bigint as listed2, sum(listed3)::bigint as listed3,
            sum(exposed)::bigint as exposed, sum(accountability)::bigint as accountability, sum(due)::bigint as due
          from facts
          group by grouping sets ((span, day, c9), (span, day, c6), (span, day, c6, source), (span, day, c6, level), (span, day, c6, industry),
            (span, day, c4), (span, day, c4, source), (span, day, c4, level), (span, day, c4, industry))
        ),
        days as (
          select * from grouped
          union all
          -- The province from its cities.
          select 2, span, day, left(code, 2), dim, key, sum(found)::bigint, sum(found_closed)::bigint, sum(found_major)::bigint, sum(closed)::bigint,
            sum(open)::bigint, sum(listed1)::bigint, sum(listed2)::bigint, sum(listed3)::bigint, sum(exposed)::bigint, sum(accountability)::bigint, sum(due)::bigint
          from grouped where tier = 4 group by span, day, left(code, 2), dim, key
        ),
        kept as (
          -- Day rows: the province's and cities' totals and breakdowns, the counties' totals; the
          -- snapshot of every tier (totals). A county's breakdowns and a township's totals by month only.
          select * from days where (tier <= 4 and (dim = 'total' or span = 'd')) or (dim = 'total' and (tier = 6 or span <> 'd'))
          union all
          -- Each month from its days (a month is named by its first day).
          select tier, 'm', day - extract(day from day)::int + 1, code, dim, key, sum(found)::bigint, sum(found_closed)::bigint, sum(found_major)::bigint,
            sum(closed)::bigint, 0, 0, 0, 0, 0, 0, 0
          from days where span = 'd' and (tier <= 6 or dim = 'total') group by tier, day - extract(day from day)::int + 1, code, dim, key
        )
        insert into %2$s (tier, span, day, region_code, dim, key, found, found_closed, found_major, closed, open, listed1, listed2, listed3, exposed, accountability, due)
        select * from kept
        where found <> 0 or found_closed <> 0 or found_major <> 0 or closed <> 0 or open <> 0
          or listed1 <> 0 or listed2 <> 0 or listed3 <> 0 or exposed <> 0 or accountability <> 0 or due <> 0
      $q$, source, target)
    $f$;
`;

/** Folds the log, swaps the statement generator and the fold built from it, refills the rollup. */
function swap(generator: string) {
  return sql`
    lock table hazard_changes in exclusive mode;
    select hazard_changes_fold();
    drop function hazard_changes_fold();
    drop function hazard_stats_sql(text, text);
    ${sql.raw(generator)}
    ${sql.raw(foldFunctionSql())}
    truncate hazard_stats_counts;
    do $$ begin
      set local work_mem = '256MB';
      execute hazard_stats_sql('(select 1 as sign, * from hazards)', 'hazard_stats_counts');
    end $$;
  `;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await swap(STATS_SQL_V2).execute(db);
  await sql`alter table hazards alter column region_code set statistics 1000; analyze hazards;`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await swap(STATS_SQL_V1).execute(db);
  await sql`alter table hazards alter column region_code set statistics -1; analyze hazards;`.execute(db);
}
