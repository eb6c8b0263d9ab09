import { sql, type Kysely } from 'kysely';

/**
 * Hazard statistics at province scale (issue 5). Counting a province's ten million hazards
 * for a dashboard took over ten seconds; hazard_stats_counts keeps the figures of
 * modules/stats/hazard-stats (found, closed of those found, major, closed; open, listed,
 * exposed, accountability now) per region tier, so a province or a city reads a few thousand
 * rows. Kept like hazard_ledger_counts (migration 0005): statement-level triggers append each
 * change to hazard_stats_deltas in the writer's transaction (appended, so concurrent writers
 * never queue on a shared row), a job folds the deltas in every minute, readers sum both.
 * Proven equal to counting the ledger from scratch by hazard-stats.rollup.int.test.ts.
 *
 * What is kept, and why no more: a row per (tier, span, day, region, dim, key).
 * - tiers 2 and 4 (the province and its cities), every dim (total, source, level, industry):
 *   a province or a city answers its own totals and breakdowns from its own rows;
 * - tier 6 (counties), the total only: a city's per-county table. A county's own figures
 *   (a few thousand hazards a year) are counted live from the ledger by index: keeping every
 *   county's breakdown per day would make the rollup as large as the ledger itself.
 * - span 'm' (a month, day = its first day) and 'd' (a day): a period reads its whole months
 *   from month rows and the days at its ends from day rows (rollupSpans, packages/domain);
 *   span 'n' (now, on a fixed day) holds the snapshot: open, listed, exposed, accountability;
 *   span 'o' (day = the deadline) counts the assigned open hazards due that day, so that
 *   "overdue today" is a sum over the days before today — it moves with the date, not with
 *   events, and needs no job to keep it exact.
 * Readers look a region up by its code (the key's second column) and its sub-regions by
 * theirs, each a narrow index range.
 * A hazard registered at a code shorter than a tier counts under that code at the tier, as in
 * the live query's grouping: in the totals, matching no sub-region.
 */
/**
 * hazard_stats_sql as first written (migration 0009 replaces it and its down puts it back).
 */
export const STATS_SQL_V1 = `
    -- The one statement that turns hazard rows into rollup rows: from a row source with a sign
    -- column (+1 for rows as they are now, -1 for rows as they were) it inserts the signed
    -- counts into the target. Text, so that the triggers (generated from it below) and the
    -- initial fill run the very same statement.
    create function hazard_stats_sql(source text, target text) returns text language sql immutable as $f$
      select format($q$
        with src as (
          select h.sign, left(h.region_code, 6) as c6, left(h.region_code, 4) as c4, h.source, h.level, coalesce(h.industry_code, '') as industry,
            h.status, h.found_on, h.closed_on, h.deadline, h.listed_level, h.escalated_at, h.accountability_required
          from %1$s h
        ),
        -- What each row counts for, one narrow select per kind of fact (cheaper than fanning every
        -- row out into every kind): found on its day unless rejected, closed on its closing day,
        -- now (the snapshot) while open, listed or accountable, and due on its deadline while
        -- assigned and open. Months are summed from days below.
        facts as (
          select c6, c4, source, level, industry, 'd'::"char" as span, found_on as day, sign as found, sign * (status = 'closed')::int as found_closed,
            sign * (level = 'major')::int as found_major, 0 as closed, 0 as open, 0 as listed1, 0 as listed2, 0 as listed3, 0 as exposed, 0 as accountability, 0 as due
          from src where status <> 'rejected'
          union all
          select c6, c4, source, level, industry, 'd', closed_on, 0, 0, 0, sign, 0, 0, 0, 0, 0, 0, 0 from src where closed_on is not null
          union all
          select c6, c4, source, level, industry, 'n', date '2000-01-01', 0, 0, 0, 0,
            sign * (status in ('reported', 'verified', 'rectifying', 'pending_acceptance'))::int,
            sign * (coalesce(listed_level, 0) = 1)::int, sign * (coalesce(listed_level, 0) = 2)::int, sign * (coalesce(listed_level, 0) = 3)::int,
            sign * (status in ('verified', 'rectifying', 'pending_acceptance') and escalated_at is not null)::int, sign * accountability_required::int, 0
          from src where status in ('reported', 'verified', 'rectifying', 'pending_acceptance') or listed_level is not null or accountability_required
          union all
          select c6, c4, source, level, industry, 'o', deadline, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, sign
          from src where status in ('verified', 'rectifying', 'pending_acceptance') and deadline is not null
        ),
        -- One pass: county totals, and each city's totals and breakdowns, per day.
        counties_and_cities as (
          select case when grouping(c6) = 0 then 6 else 4 end as tier, span, day, coalesce(c6, c4) as code,
            case when grouping(source) = 0 then 'source' when grouping(level) = 0 then 'level' when grouping(industry) = 0 then 'industry' else 'total' end as dim,
            coalesce(case when grouping(source) = 0 then source when grouping(level) = 0 then level when grouping(industry) = 0 then industry end, '') as key,
            sum(found)::bigint as found, sum(found_closed)::bigint as found_closed, sum(found_major)::bigint as found_major, sum(closed)::bigint as closed,
            sum(open)::bigint as open, sum(listed1)::bigint as listed1, sum(listed2)::bigint as listed2, sum(listed3)::bigint as listed3,
            sum(exposed)::bigint as exposed, sum(accountability)::bigint as accountability, sum(due)::bigint as due
          from facts
          group by grouping sets ((span, day, c6), (span, day, c4), (span, day, c4, source), (span, day, c4, level), (span, day, c4, industry))
        ),
        days as (
          select * from counties_and_cities where dim = 'total' or span = 'd'
          union all
          -- The province from its cities.
          select 2, span, day, left(code, 2), dim, key, sum(found)::bigint, sum(found_closed)::bigint, sum(found_major)::bigint, sum(closed)::bigint,
            sum(open)::bigint, sum(listed1)::bigint, sum(listed2)::bigint, sum(listed3)::bigint, sum(exposed)::bigint, sum(accountability)::bigint, sum(due)::bigint
          from counties_and_cities where tier = 4 and (dim = 'total' or span = 'd') group by span, day, left(code, 2), dim, key
        ),
        kept as (
          select * from days
          union all
          -- Each month from its days (a month is named by its first day).
          select tier, 'm', day - extract(day from day)::int + 1, code, dim, key, sum(found)::bigint, sum(found_closed)::bigint, sum(found_major)::bigint,
            sum(closed)::bigint, 0, 0, 0, 0, 0, 0, 0
          from days where span = 'd' group by tier, day - extract(day from day)::int + 1, code, dim, key
        )
        insert into %2$s (tier, span, day, region_code, dim, key, found, found_closed, found_major, closed, open, listed1, listed2, listed3, exposed, accountability, due)
        select * from kept
        where found <> 0 or found_closed <> 0 or found_major <> 0 or closed <> 0 or open <> 0
          or listed1 <> 0 or listed2 <> 0 or listed3 <> 0 or exposed <> 0 or accountability <> 0 or due <> 0
      $q$, source, target)
    $f$;

`;

/**
 * The deltas the statistics rollup was kept through until migration 0008 replaced them with
 * the change log; kept here so that 0008's down can put them back (needs hazard_stats_sql).
 */
export const STATS_DELTAS_SQL = `
    create table hazard_stats_deltas (like hazard_stats_counts);
    create index hazard_stats_deltas_idx on hazard_stats_deltas (tier, region_code, span, day);

    -- One trigger function per operation, each with the statement written out (generated from
    -- hazard_stats_sql here), so PL/pgSQL plans it once per connection rather than per statement.
    -- (use_column: the rollup's column "found" is also PL/pgSQL's FOUND.)
    do $$ begin
      execute format('create function hazard_stats_on_insert() returns trigger language plpgsql as %L',
        format(E'#variable_conflict use_column\nbegin %s; return null; end', hazard_stats_sql('(select 1 as sign, * from new_rows)', 'hazard_stats_deltas')));
      execute format('create function hazard_stats_on_update() returns trigger language plpgsql as %L',
        format(E'#variable_conflict use_column\nbegin %s; return null; end', hazard_stats_sql('(select 1 as sign, * from new_rows union all select -1, * from old_rows)', 'hazard_stats_deltas')));
      execute format('create function hazard_stats_on_delete() returns trigger language plpgsql as %L',
        format(E'#variable_conflict use_column\nbegin %s; return null; end', hazard_stats_sql('(select -1 as sign, * from old_rows)', 'hazard_stats_deltas')));
    end $$;

    -- Folds the deltas into the counts, upserting in key order (concurrent folds lock alike).
    create function hazard_stats_fold() returns bigint language sql as $$
      with moved as (delete from hazard_stats_deltas returning *),
      folded as (
        insert into hazard_stats_counts as c
        select tier, span, day, region_code, dim, key, sum(found), sum(found_closed), sum(found_major), sum(closed), sum(open),
          sum(listed1), sum(listed2), sum(listed3), sum(exposed), sum(accountability), sum(due)
        from moved group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6
        on conflict (tier, region_code, span, day, dim, key) do update set
          found = c.found + excluded.found, found_closed = c.found_closed + excluded.found_closed, found_major = c.found_major + excluded.found_major,
          closed = c.closed + excluded.closed, open = c.open + excluded.open, listed1 = c.listed1 + excluded.listed1,
          listed2 = c.listed2 + excluded.listed2, listed3 = c.listed3 + excluded.listed3, exposed = c.exposed + excluded.exposed,
          accountability = c.accountability + excluded.accountability, due = c.due + excluded.due
        returning 1)
      select count(*) from moved
    $$;

    create trigger hazard_stats_insert after insert on hazards
      referencing new table as new_rows for each statement execute function hazard_stats_on_insert();
    create trigger hazard_stats_update after update on hazards
      referencing old table as old_rows new table as new_rows for each statement execute function hazard_stats_on_update();
    create trigger hazard_stats_delete after delete on hazards
      referencing old table as old_rows for each statement execute function hazard_stats_on_delete();
    -- The bulk import runs as a replica (session_replication_role): these must fire there too.
    alter table hazards enable always trigger hazard_stats_insert;
    alter table hazards enable always trigger hazard_stats_update;
    alter table hazards enable always trigger hazard_stats_delete;

`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table hazard_stats_counts (
      tier smallint not null,
      span "char" not null,
      day date not null,
      region_code text collate "C" not null,
      dim text not null,
      key text collate "C" not null,
      found bigint not null, found_closed bigint not null, found_major bigint not null, closed bigint not null,
      open bigint not null, listed1 bigint not null, listed2 bigint not null, listed3 bigint not null,
      exposed bigint not null, accountability bigint not null, due bigint not null,
      primary key (tier, region_code, span, day, dim, key)
    );
    ${sql.raw(STATS_SQL_V1)}
    ${sql.raw(STATS_DELTAS_SQL)}
    -- The ledger as it stands (empty on a new platform; ten years of a province on an upgrade).
    do $$ begin
      set local work_mem = '256MB';
      execute hazard_stats_sql('(select 1 as sign, * from hazards)', 'hazard_stats_counts');
    end $$;

    -- A county or township counts live: the hazards found, and those closed, in its county in a
    -- range of dates, carrying what the breakdowns group by (index-only scans of a few thousand
    -- entries). The snapshot reads the open, listed or accountable hazards (about 1%) by region.
    create index hazards_found_county_idx on hazards (left(region_code, 6), found_on) include (region_code, status, level, source, industry_code);
    create index hazards_closed_county_idx on hazards (left(region_code, 6), closed_on) include (region_code, level, source, industry_code) where closed_on is not null;
    create index hazards_snapshot_idx on hazards (region_code) include (status, deadline, listed_level, escalated_at, accountability_required)
      where status in ('reported', 'verified', 'rectifying', 'pending_acceptance') or listed_level is not null or accountability_required;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index if exists hazards_found_county_idx;
    drop index if exists hazards_closed_county_idx;
    drop index if exists hazards_snapshot_idx;
    drop trigger if exists hazard_stats_insert on hazards;
    drop trigger if exists hazard_stats_update on hazards;
    drop trigger if exists hazard_stats_delete on hazards;
    drop function if exists hazard_stats_on_insert();
    drop function if exists hazard_stats_on_update();
    drop function if exists hazard_stats_on_delete();
    drop function if exists hazard_stats_fold();
    drop function if exists hazard_stats_sql(text, text);
    drop table if exists hazard_stats_deltas;
    drop table if exists hazard_stats_counts;
  `.execute(db);
}
