/*
 * hazard_stats_sql, fourth version (migration 0015d), kept apart for length.
 */

/**
 * The same rows as the third version (0012c), computed with less work: that one grouped every
 * fact by day for every tier and breakdown, then dropped the counties' breakdowns and the
 * townships' totals by day (two thirds of the groups) after summing them into months. Now the
 * found and closed facts are grouped by day only for what is kept by day (the cities' totals
 * and breakdowns, the counties' totals), by month directly for the months, and the snapshot and
 * due facts (totals only) apart. Measured on one import batch (25,000 hazards):
 * docs/performance.md. No refill: what it writes is what the third version wrote.
 */
export const STATS_SQL_V4 = `
    create function hazard_stats_sql(source text, target text) returns text language sql immutable as $f$
      select format($q$
        with src as (
          select h.sign, left(h.region_code, 9) as c9, left(h.region_code, 6) as c6, left(h.region_code, 4) as c4, h.source, h.level,
            coalesce(h.industry_code, '') as industry, h.status, h.found_on, h.closed_on, h.listed_level, h.escalated_at, h.accountability_required,
            hazard_due_by(h.status, h.deadline, h.submitted_at) as due_by, hazard_due_on(h.status, h.deadline, h.submitted_at) as due_on
          from %1$s h
        ),
        -- What each row counts for, one narrow select per kind of fact: found on its day unless
        -- rejected, closed on its closing day, now (the snapshot) while open, listed or
        -- accountable, and due on its last day in time, by whose lateness it would be.
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
            sign * (coalesce(due_by = 'o', false) and escalated_at is not null)::int, sign * accountability_required::int, 0
          from src where status in ('reported', 'verified', 'rectifying', 'pending_acceptance') or listed_level is not null or accountability_required
          union all
          select c9, c6, c4, source, level, industry, due_by, due_on, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, sign
          from src where due_by is not null
        ),
        -- Found and closed by day: the cities' totals and breakdowns, the counties' totals.
        by_day as (
          select case when grouping(c6) = 0 then 6 else 4 end as tier, 'd'::"char" as span, day, coalesce(c6, c4) as code,
            case when grouping(source) = 0 then 'source' when grouping(level) = 0 then 'level' when grouping(industry) = 0 then 'industry' else 'total' end as dim,
            coalesce(case when grouping(source) = 0 then source when grouping(level) = 0 then level when grouping(industry) = 0 then industry end, '') as key,
            sum(found)::bigint as found, sum(found_closed)::bigint as found_closed, sum(found_major)::bigint as found_major, sum(closed)::bigint as closed,
            sum(open)::bigint as open, sum(listed1)::bigint as listed1, sum(listed2)::bigint as listed2, sum(listed3)::bigint as listed3,
            sum(exposed)::bigint as exposed, sum(accountability)::bigint as accountability, sum(due)::bigint as due
          from facts where span = 'd'
          group by grouping sets ((day, c6), (day, c4), (day, c4, source), (day, c4, level), (day, c4, industry))
        ),
        -- By month (named by its first day): the townships' totals, the counties' and cities' totals and breakdowns.
        by_month as (
          select case when grouping(c9) = 0 then 9 when grouping(c6) = 0 then 6 else 4 end as tier, 'm'::"char" as span, month as day, coalesce(c9, c6, c4) as code,
            case when grouping(source) = 0 then 'source' when grouping(level) = 0 then 'level' when grouping(industry) = 0 then 'industry' else 'total' end as dim,
            coalesce(case when grouping(source) = 0 then source when grouping(level) = 0 then level when grouping(industry) = 0 then industry end, '') as key,
            sum(found)::bigint as found, sum(found_closed)::bigint as found_closed, sum(found_major)::bigint as found_major, sum(closed)::bigint as closed,
            0::bigint as open, 0::bigint as listed1, 0::bigint as listed2, 0::bigint as listed3, 0::bigint as exposed, 0::bigint as accountability, 0::bigint as due
          from (select f.*, f.day - extract(day from f.day)::int + 1 as month from facts f where f.span = 'd') f
          group by grouping sets ((month, c9), (month, c6), (month, c6, source), (month, c6, level), (month, c6, industry),
            (month, c4), (month, c4, source), (month, c4, level), (month, c4, industry))
        ),
        -- Now and due (spans 'n', 'o', 'a'): every tier's totals.
        snapshot as (
          select case when grouping(c9) = 0 then 9 when grouping(c6) = 0 then 6 else 4 end as tier, span, day, coalesce(c9, c6, c4) as code,
            'total' as dim, '' as key,
            sum(found)::bigint as found, sum(found_closed)::bigint as found_closed, sum(found_major)::bigint as found_major, sum(closed)::bigint as closed,
            sum(open)::bigint as open, sum(listed1)::bigint as listed1, sum(listed2)::bigint as listed2, sum(listed3)::bigint as listed3,
            sum(exposed)::bigint as exposed, sum(accountability)::bigint as accountability, sum(due)::bigint as due
          from facts where span <> 'd'
          group by grouping sets ((span, day, c9), (span, day, c6), (span, day, c4))
        ),
        below as (
          select * from by_day union all select * from by_month union all select * from snapshot
        ),
        kept as (
          select * from below
          union all
          -- The province from its cities.
          select 2, span, day, left(code, 2), dim, key, sum(found)::bigint, sum(found_closed)::bigint, sum(found_major)::bigint, sum(closed)::bigint,
            sum(open)::bigint, sum(listed1)::bigint, sum(listed2)::bigint, sum(listed3)::bigint, sum(exposed)::bigint, sum(accountability)::bigint, sum(due)::bigint
          from below where tier = 4 group by span, day, left(code, 2), dim, key
        )
        insert into %2$s (tier, span, day, region_code, dim, key, found, found_closed, found_major, closed, open, listed1, listed2, listed3, exposed, accountability, due)
        select * from kept
        where found <> 0 or found_closed <> 0 or found_major <> 0 or closed <> 0 or open <> 0
          or listed1 <> 0 or listed2 <> 0 or listed3 <> 0 or exposed <> 0 or accountability <> 0 or due <> 0
      $q$, source, target)
    $f$;
`;
