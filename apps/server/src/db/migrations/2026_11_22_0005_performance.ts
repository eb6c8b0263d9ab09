import { sql, type Kysely } from 'kysely';

/**
 * Province scale (issue 5: ten years of a province, 10⁷ hazards). Two changes to the hazards
 * module's storage, each measured by `npm run bench` (README, Performance):
 *
 * 1. hazard_ledger_counts — the ledger's counts per status, kept per region tier, so that the
 *    counts at the top of a province's ledger are a sum over a few thousand rows instead of a
 *    count over ten million. Each hazard is counted at its county and its township (the tiers
 *    it lies in), or at its own code when it sits at county level or above. A county or
 *    township reads its own rows; a city or province sums the county rows under it plus the
 *    few rows recorded at city or province level; a village (a few hundred hazards) is counted
 *    live — a village tier would multiply the rows each import must upsert twentyfold.
 *    Statement-level triggers append each change's counts to hazard_ledger_deltas in the same
 *    transaction as the change — appended, not upserted, because fifty reports in one county
 *    would otherwise queue on that county's row until each commits — and a job folds the
 *    deltas in every minute. Readers sum both tables; the whole is proven equal to a count from
 *    scratch (hazards.ledger-counts.int.test.ts). The triggers are ENABLE ALWAYS
 *    so that they also fire under session_replication_role = replica (the bulk import).
 *    Overdue is not stored: it changes with the date, not with an event; it is counted live
 *    from the small index of open hazards.
 * 2. Indexes shaped for the ledger's common filters: the not-closed tail, the open hazards
 *    and the major hazards get their own small (partial) indexes ordered like the ledger and
 *    carrying the filtered columns, so those pages are index-only scans. Two full-size indexes
 *    go, because every full index costs the bulk import about as much as the row itself:
 *    (status, region_code), whose only uses (the open states) the partial indexes serve, and
 *    the responsible-organisation index, now kept for unsettled hazards only (the inbox's).
 */
/**
 * The deltas the ledger counts were kept through until migration 0008 replaced them with the
 * change log; kept here so that 0008's down can put them back.
 */
export const LEDGER_DELTAS_SQL = `
    -- What each statement changed, appended: writers never wait for one another on a count.
    -- hazard_ledger_fold() (a job, every minute) moves the deltas into hazard_ledger_counts in
    -- one statement; readers sum both, so every figure is exact at any moment.
    create table hazard_ledger_deltas (
      region_code text collate "C" not null,
      status text not null,
      level text not null,
      listed boolean not null,
      n bigint not null
    );
    create index hazard_ledger_deltas_region_idx on hazard_ledger_deltas (region_code);
    create index hazard_ledger_deltas_upper_idx on hazard_ledger_deltas (region_code) where length(region_code) <= 6;

    -- The signed counts of one statement's rows per tier; zero net changes write nothing.
    create function hazard_ledger_counts_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into hazard_ledger_deltas (region_code, status, level, listed, n)
        select t.code, d.status, d.level, d.listed, sum(d.n)
        from (select region_code, status, level, listed_level is not null as listed, count(*) as n from new_rows group by 1, 2, 3, 4) d
        cross join lateral unnest(hazard_ledger_tiers(d.region_code)) as t(code)
        group by 1, 2, 3, 4;
      elsif tg_op = 'UPDATE' then
        insert into hazard_ledger_deltas (region_code, status, level, listed, n)
        select t.code, d.status, d.level, d.listed, sum(d.n)
        from (
          select region_code, status, level, listed_level is not null as listed, count(*) as n from new_rows group by 1, 2, 3, 4
          union all
          select region_code, status, level, listed_level is not null, -count(*) from old_rows group by 1, 2, 3, 4
        ) d
        cross join lateral unnest(hazard_ledger_tiers(d.region_code)) as t(code)
        group by 1, 2, 3, 4 having sum(d.n) <> 0;
      else
        insert into hazard_ledger_deltas (region_code, status, level, listed, n)
        select t.code, d.status, d.level, d.listed, -sum(d.n)
        from (select region_code, status, level, listed_level is not null as listed, count(*) as n from old_rows group by 1, 2, 3, 4) d
        cross join lateral unnest(hazard_ledger_tiers(d.region_code)) as t(code)
        group by 1, 2, 3, 4;
      end if;
      return null;
    end $$;

    -- Folds the deltas into the counts, upserting in key order (concurrent folds lock alike).
    create function hazard_ledger_fold() returns bigint language sql as $$
      with moved as (delete from hazard_ledger_deltas returning region_code, status, level, listed, n),
      folded as (
        insert into hazard_ledger_counts as c (region_code, status, level, listed, n)
        select region_code, status, level, listed, sum(n) from moved group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict (region_code, status, level, listed) do update set n = c.n + excluded.n
        returning 1)
      select count(*) from moved
    $$;

    create trigger hazard_ledger_counts_insert after insert on hazards
      referencing new table as new_rows for each statement execute function hazard_ledger_counts_apply();
    create trigger hazard_ledger_counts_update after update on hazards
      referencing old table as old_rows new table as new_rows for each statement execute function hazard_ledger_counts_apply();
    create trigger hazard_ledger_counts_delete after delete on hazards
      referencing old table as old_rows for each statement execute function hazard_ledger_counts_apply();
    alter table hazards enable always trigger hazard_ledger_counts_insert;
    alter table hazards enable always trigger hazard_ledger_counts_update;
    alter table hazards enable always trigger hazard_ledger_counts_delete;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table hazard_ledger_counts (
      region_code text collate "C" not null,
      status text not null,
      level text not null,
      listed boolean not null,
      n bigint not null,
      primary key (region_code, status, level, listed)
    );

    -- The tiers a hazard at code c is counted at (see above).
    create function hazard_ledger_tiers(c text) returns text[] language sql immutable parallel safe as $$
      select case when length(c) <= 6 then array[c] else array[left(c, 6), left(c, 9)] end
    $$;

    ${sql.raw(LEDGER_DELTAS_SQL)}
    -- A city or province sums the county-and-above rows: a few thousand of the table's rows.
    create index hazard_ledger_counts_upper_idx on hazard_ledger_counts (region_code) include (status, level, listed, n) where length(region_code) <= 6;

    insert into hazard_ledger_counts (region_code, status, level, listed, n)
    select t.code, d.status, d.level, d.listed, sum(d.n)
    from (select region_code, status, level, listed_level is not null as listed, count(*) as n from hazards group by 1, 2, 3, 4) d
    cross join lateral unnest(hazard_ledger_tiers(d.region_code)) as t(code)
    group by 1, 2, 3, 4;

    drop index hazards_status_region_idx;
    drop index hazards_open_deadline_idx;
    -- Everything not yet closed (open and rejected, a few per cent), in ledger order, with the
    -- columns the status, overdue and level filters test, so those pages are index-only.
    create index hazards_unsettled_idx on hazards (region_code, id desc) include (status, deadline, level, listed_level) where status <> 'closed';
    -- Major hazards (about 1%), in ledger order.
    create index hazards_major_idx on hazards (region_code, id desc) include (status, deadline, listed_level) where level = 'major';
    -- Open hazards (about 1%) newest first, carrying what the overdue, status and level filters
    -- test: a province's overdue or rectifying page is an index-only scan of a few rows.
    create index hazards_open_idx on hazards (id desc) include (region_code, status, deadline, level, listed_level)
      where status in ('verified', 'rectifying', 'pending_acceptance');
    -- Open hazards by deadline: overdue counts, due-soon and overdue inboxes, the escalation job.
    create index hazards_open_deadline_idx on hazards (deadline, region_code) include (status, level, listed_level)
      where status in ('verified', 'rectifying', 'pending_acceptance');
    -- The inbox asks for the open hazards an organisation must rectify; closed ones (nearly all,
    -- each with its rectifying enterprise) need no index entry.
    drop index hazards_responsible_idx;
    create index hazards_responsible_idx on hazards (responsible_org_id, status) where responsible_org_id is not null and status not in ('closed', 'rejected');
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger if exists hazard_ledger_counts_insert on hazards;
    drop trigger if exists hazard_ledger_counts_update on hazards;
    drop trigger if exists hazard_ledger_counts_delete on hazards;
    drop function if exists hazard_ledger_counts_apply();
    drop function if exists hazard_ledger_fold();
    drop table if exists hazard_ledger_deltas;
    drop function if exists hazard_ledger_tiers(text);
    drop table if exists hazard_ledger_counts;
    drop index if exists hazards_unsettled_idx;
    drop index if exists hazards_major_idx;
    drop index if exists hazards_open_deadline_idx;
    drop index if exists hazards_open_idx;
    drop index if exists hazards_responsible_idx;
    create index hazards_responsible_idx on hazards (responsible_org_id, status) where responsible_org_id is not null;
    create index hazards_open_deadline_idx on hazards (deadline, region_code) where status in ('verified', 'rectifying', 'pending_acceptance');
    create index hazards_status_region_idx on hazards (status, region_code);
  `.execute(db);
}
