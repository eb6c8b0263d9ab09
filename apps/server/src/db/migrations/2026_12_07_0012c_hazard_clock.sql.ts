/*
 * The SQL of migration 0012c (the hazard clock), kept apart from its steps for length.
 */

/**
 * THE definition of when a hazard is late and whose lateness it is, in SQL — the mirror of
 * packages/domain/src/hazards/deadlines.ts, both tested against HAZARD_CLOCK_CASES. Every query,
 * rollup and fold that needs "overdue" calls these (modules/hazards/hazards.clock.ts builds the
 * predicates from them); none writes the rule out. Plain SQL functions, IMMUTABLE and not
 * STRICT, so that the planner inlines them: `hazard_past(h.deadline, $1)` is planned as
 * `h.deadline < $1`, an index range like any other. 10 = ACCEPTANCE_DAYS, '+08:00' = Shanghai.
 */
export const CLOCK_FUNCTIONS = `
    -- THE comparison: a last day has passed once today is after it (the day itself is in time).
    create function hazard_past(last_day date, today date) returns boolean
      language sql immutable parallel safe as $$ select last_day < today $$;
    -- Whose lateness a hazard's would be: 'o' the rectifying unit's (逾期), 'a' the accepting unit's
    -- (验收超期: submitted on or before the deadline, Shanghai date); null when no clock runs.
    create function hazard_due_by(status text, deadline date, submitted_at timestamptz) returns "char"
      language sql immutable parallel safe as $$
        select case
          when deadline is null or status not in ('verified', 'rectifying', 'pending_acceptance') then null
          when status = 'pending_acceptance' and (submitted_at at time zone interval '+08:00')::date <= deadline then 'a'
          else 'o' end::"char"
      $$;
    -- The last day in time: the deadline; for the acceptor, the later of the deadline and 10 days from the submission.
    create function hazard_due_on(status text, deadline date, submitted_at timestamptz) returns date
      language sql immutable parallel safe as $$
        select case
          when deadline is null or status not in ('verified', 'rectifying', 'pending_acceptance') then null
          when status = 'pending_acceptance' and (submitted_at at time zone interval '+08:00')::date <= deadline
            then greatest(deadline, (submitted_at at time zone interval '+08:00')::date + 10)
          else deadline end
      $$;
`;

/** The columns the change log carries (as in hazards); `withSubmitted` from 0012c on. */
const columns = (withSubmitted: boolean) =>
  `region_code, status, level, source, industry_code, found_on, closed_on, deadline, listed_level, escalated_at, accountability_required${withSubmitted ? ', submitted_at' : ''}`;
const row = (r: string, withSubmitted: boolean) => columns(withSubmitted).split(', ').map((c) => `${r}.${c}`).join(', ');

/**
 * The change log's triggers' functions (migration 0008's, with or without submitted_at), replaced
 * in place: the triggers, and how each is enabled, stay as they are.
 */
export const changeLogFunctions = (withSubmitted: boolean) => `
    create or replace function hazard_changes_row() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into hazard_changes (sign, ${columns(withSubmitted)}) values (1, ${row('new', withSubmitted)});
      elsif tg_op = 'DELETE' then
        insert into hazard_changes (sign, ${columns(withSubmitted)}) values (-1, ${row('old', withSubmitted)});
      -- An act that changes nothing the rollups count (a comment, a supervision record) logs nothing.
      elsif (${row('old', withSubmitted).replace('old.escalated_at', 'old.escalated_at is null')})
          is distinct from (${row('new', withSubmitted).replace('new.escalated_at', 'new.escalated_at is null')}) then
        insert into hazard_changes (sign, ${columns(withSubmitted)}) values (-1, ${row('old', withSubmitted)}), (1, ${row('new', withSubmitted)});
      end if;
      return null;
    end $$;

    create or replace function hazard_changes_statement() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'INSERT' then insert into hazard_changes (sign, ${columns(withSubmitted)}) select -1, ${columns(withSubmitted)} from old_rows; end if;
      if tg_op <> 'DELETE' then insert into hazard_changes (sign, ${columns(withSubmitted)}) select 1, ${columns(withSubmitted)} from new_rows; end if;
      return null;
    end $$;
`;

/** The ledger's due rows from the log, per tier, by whose lateness and last day (folded by hazard_changes_fold). */
export const FOLD_DUE_V2 = `
          insert into hazard_ledger_due as c (region_code, due_by, due_on, status, level, listed, n)
          select t.code, d.due_by, d.due_on, d.status, d.level, d.listed, sum(d.sign)
          from (select h.region_code, hazard_due_by(h.status, h.deadline, h.submitted_at) as due_by, hazard_due_on(h.status, h.deadline, h.submitted_at) as due_on,
              h.status, h.level, h.listed_level is not null as listed, h.sign from hazard_changes h) d
          cross join lateral unnest(hazard_due_tiers(d.region_code)) as t(code)
          where d.due_by is not null
          group by 1, 2, 3, 4, 5, 6 having sum(d.sign) <> 0
          on conflict (region_code, due_on, due_by, status, level, listed) do update set n = c.n + excluded.n;`;

export const LEDGER_DUE_V2 = `
    create table hazard_ledger_due (
      region_code text collate "C" not null,
      due_by "char" not null,
      due_on date not null,
      status text not null,
      level text not null,
      listed boolean not null,
      n bigint not null,
      -- Keyed by region, then last day in time: late today is one range of a region's rows.
      primary key (region_code, due_on, due_by, status, level, listed)
    );
    insert into hazard_ledger_due (region_code, due_by, due_on, status, level, listed, n)
    select t.code, d.due_by, d.due_on, d.status, d.level, d.listed, count(*)
    from (select region_code, hazard_due_by(status, deadline, submitted_at) as due_by, hazard_due_on(status, deadline, submitted_at) as due_on,
        status, level, listed_level is not null as listed
      from hazards where status in ('verified', 'rectifying', 'pending_acceptance')) d
    cross join lateral unnest(hazard_due_tiers(d.region_code)) as t(code)
    where d.due_by is not null
    group by 1, 2, 3, 4, 5, 6;
`;

/**
 * hazard_stats_sql, third version: as 0009's, except that the due rows say whose lateness they
 * would be — span 'o' (the rectifying unit's, 逾期) or 'a' (the acceptor's, 验收超期), each on its
 * last day in time — and that only the rectifying unit's escalated lateness counts as exposed.
 */
export const STATS_SQL_V3 = `
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
          -- snapshot and due rows of every tier (totals). A county's breakdowns and a township's totals by month only.
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

/**
 * The snapshot and due rows of hazard_stats_counts computed again from the ledger by the current
 * generator — only those change with the clock's definition; the found and closed rows (nearly
 * all of the table) stay. Only open, listed or accountable hazards (about 1%, one index) make them.
 */
export const REFILL_SNAPSHOT = `
    create temp table hazard_stats_refill (like hazard_stats_counts) on commit drop;
    do $$ begin
      set local work_mem = '256MB';
      execute hazard_stats_sql('(select 1 as sign, * from hazards where status in (''reported'', ''verified'', ''rectifying'', ''pending_acceptance'')
        or listed_level is not null or accountability_required)', 'hazard_stats_refill');
    end $$;
    delete from hazard_stats_counts where span in ('n', 'o', 'a');
    insert into hazard_stats_counts select * from hazard_stats_refill where span in ('n', 'o', 'a');
    drop table hazard_stats_refill;
`;

/** Partial indexes of open hazards: `withClock` adds what the clock and the escalation job read, so their scans stay index-only. */
export const indexes = (withClock: boolean) => {
  const s = withClock ? ', submitted_at' : '';
  return `
    drop index hazards_open_idx;
    drop index hazards_open_deadline_idx;
    drop index hazards_unsettled_idx;
    drop index hazards_major_idx;
    drop index hazards_major_recent_idx;
    drop index hazards_snapshot_idx;
    create index hazards_unsettled_idx on hazards (region_code, id desc) include (status, deadline, level, listed_level${s}) where status <> 'closed';
    create index hazards_major_idx on hazards (region_code, id desc) include (status, deadline, listed_level${s}) where level = 'major';
    create index hazards_major_recent_idx on hazards (id desc) include (region_code, status, deadline, listed_level${s}) where level = 'major';
    create index hazards_open_idx on hazards (id desc) include (region_code, status, deadline, level, listed_level${s})
      where status in ('verified', 'rectifying', 'pending_acceptance');
    create index hazards_open_deadline_idx on hazards (deadline, region_code)
      include (status, level, listed_level${withClock ? ', submitted_at, escalated_at, accountability_required, acceptance_escalated_at' : ''})
      where status in ('verified', 'rectifying', 'pending_acceptance');
    create index hazards_snapshot_idx on hazards (region_code) include (status, deadline, listed_level, escalated_at, accountability_required${s})
      where status in ('reported', 'verified', 'rectifying', 'pending_acceptance') or listed_level is not null or accountability_required;
`;
};
