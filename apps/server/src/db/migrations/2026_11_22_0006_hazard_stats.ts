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
 *   span 'n' (now, on a fixed day) holds the snapshot: open, listed, exposed, accountability.
 * A hazard registered at a code shorter than a tier counts under that code at the tier, as in
 * the live query's grouping: in the totals, matching no sub-region.
 */
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
      exposed bigint not null, accountability bigint not null,
      primary key (tier, span, day, region_code, dim, key)
    );
    create table hazard_stats_deltas (like hazard_stats_counts);
    create index hazard_stats_deltas_idx on hazard_stats_deltas (tier, span, day);

    -- The one statement that turns hazard rows into rollup rows: from a row source with a sign
    -- column (+1 for rows as they are now, -1 for rows as they were) it inserts the signed
    -- counts into the target. Text, so that the trigger (which alone sees the transition
    -- tables) and the initial fill run the very same statement.
    create function hazard_stats_sql(source text, target text) returns text language sql immutable as $f$
      select format($q$
        insert into %2$s (tier, span, day, region_code, dim, key, found, found_closed, found_major, closed, open, listed1, listed2, listed3, exposed, accountability)
        select tier, span, day, code,
          case when grouping(source) = 0 then 'source' when grouping(level) = 0 then 'level' when grouping(industry) = 0 then 'industry' else 'total' end,
          case when grouping(source) = 0 then source when grouping(level) = 0 then level when grouping(industry) = 0 then industry else '' end,
          sum(found), sum(found_closed), sum(found_major), sum(closed), sum(open), sum(listed1), sum(listed2), sum(listed3), sum(exposed), sum(accountability)
        from (
          select t.tier, left(h.region_code, t.tier) as code, h.source, h.level, coalesce(h.industry_code, '') as industry, f.*
          from %1$s h
          cross join lateral (
            select h.status <> 'rejected' as counted, h.status in ('reported', 'verified', 'rectifying', 'pending_acceptance') as open,
              h.status in ('verified', 'rectifying', 'pending_acceptance') as assigned
          ) s
          cross join lateral (values
            ('m'::"char", case when s.counted then date_trunc('month', h.found_on)::date end, h.sign, h.sign * (h.status = 'closed')::int, h.sign * (h.level = 'major')::int, 0, 0, 0, 0, 0, 0, 0),
            ('d', case when s.counted then h.found_on end, h.sign, h.sign * (h.status = 'closed')::int, h.sign * (h.level = 'major')::int, 0, 0, 0, 0, 0, 0, 0),
            ('m', date_trunc('month', h.closed_on)::date, 0, 0, 0, h.sign, 0, 0, 0, 0, 0, 0),
            ('d', h.closed_on, 0, 0, 0, h.sign, 0, 0, 0, 0, 0, 0),
            ('n', case when s.open or h.listed_level is not null or h.accountability_required then date '2000-01-01' end, 0, 0, 0, 0,
              h.sign * s.open::int, h.sign * (coalesce(h.listed_level, 0) = 1)::int, h.sign * (coalesce(h.listed_level, 0) = 2)::int, h.sign * (coalesce(h.listed_level, 0) = 3)::int,
              h.sign * (s.assigned and h.escalated_at is not null)::int, h.sign * h.accountability_required::int)
          ) as f(span, day, found, found_closed, found_major, closed, open, listed1, listed2, listed3, exposed, accountability)
          cross join (values (2), (4), (6)) as t(tier)
          where f.day is not null
        ) x
        group by tier, span, day, code, grouping sets ((), (source), (level), (industry))
        having (grouping(source, level, industry) = 7 or (tier < 6 and span <> 'n'))
          and (sum(found) <> 0 or sum(found_closed) <> 0 or sum(found_major) <> 0 or sum(closed) <> 0 or sum(open) <> 0
            or sum(listed1) <> 0 or sum(listed2) <> 0 or sum(listed3) <> 0 or sum(exposed) <> 0 or sum(accountability) <> 0)
      $q$, source, target)
    $f$;

    create function hazard_stats_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        execute hazard_stats_sql('(select 1 as sign, * from new_rows)', 'hazard_stats_deltas');
      elsif tg_op = 'UPDATE' then
        execute hazard_stats_sql('(select 1 as sign, * from new_rows union all select -1, * from old_rows)', 'hazard_stats_deltas');
      else
        execute hazard_stats_sql('(select -1 as sign, * from old_rows)', 'hazard_stats_deltas');
      end if;
      return null;
    end $$;

    -- Folds the deltas into the counts, upserting in key order (concurrent folds lock alike).
    create function hazard_stats_fold() returns bigint language sql as $$
      with moved as (delete from hazard_stats_deltas returning *),
      folded as (
        insert into hazard_stats_counts as c
        select tier, span, day, region_code, dim, key, sum(found), sum(found_closed), sum(found_major), sum(closed), sum(open),
          sum(listed1), sum(listed2), sum(listed3), sum(exposed), sum(accountability)
        from moved group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6
        on conflict (tier, span, day, region_code, dim, key) do update set
          found = c.found + excluded.found, found_closed = c.found_closed + excluded.found_closed, found_major = c.found_major + excluded.found_major,
          closed = c.closed + excluded.closed, open = c.open + excluded.open, listed1 = c.listed1 + excluded.listed1,
          listed2 = c.listed2 + excluded.listed2, listed3 = c.listed3 + excluded.listed3, exposed = c.exposed + excluded.exposed,
          accountability = c.accountability + excluded.accountability
        returning 1)
      select count(*) from moved
    $$;

    create trigger hazard_stats_insert after insert on hazards
      referencing new table as new_rows for each statement execute function hazard_stats_apply();
    create trigger hazard_stats_update after update on hazards
      referencing old table as old_rows new table as new_rows for each statement execute function hazard_stats_apply();
    create trigger hazard_stats_delete after delete on hazards
      referencing old table as old_rows for each statement execute function hazard_stats_apply();
    -- The bulk import runs as a replica (session_replication_role): these must fire there too.
    alter table hazards enable always trigger hazard_stats_insert;
    alter table hazards enable always trigger hazard_stats_update;
    alter table hazards enable always trigger hazard_stats_delete;

    do $$ begin execute hazard_stats_sql('(select 1 as sign, * from hazards)', 'hazard_stats_counts'); end $$;

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
    drop function if exists hazard_stats_apply();
    drop function if exists hazard_stats_fold();
    drop function if exists hazard_stats_sql(text, text);
    drop table if exists hazard_stats_deltas;
    drop table if exists hazard_stats_counts;
  `.execute(db);
}
