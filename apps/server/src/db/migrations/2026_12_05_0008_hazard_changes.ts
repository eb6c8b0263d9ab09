import { sql, type Kysely } from 'kysely';
import { LEDGER_DELTAS_SQL } from './2026_11_22_0005_performance.js';
import { STATS_DELTAS_SQL } from './2026_11_22_0006_hazard_stats.js';

/**
 * One change log behind both hazard rollups (issue 5). Until now every statement that wrote
 * hazards fanned its rows out, inside the writer's transaction, into the ledger counts' deltas
 * (two tiers) and the statistics' deltas (three tiers × four breakdowns × day, month and
 * snapshot rows) — most of the cost of reporting one hazard (measured: 1.2 ms of a 2.7 ms
 * statement) and a third of a bulk import's.
 *
 * Now a writer appends one narrow row per hazard changed to hazard_changes — what the rollups
 * count it by, signed: +1 as the hazard is now, −1 as it was — and hazard_changes_fold(), a job
 * every few seconds, fans the log out into both rollups and empties it, in one REPEATABLE READ
 * transaction so that what it folds and what it deletes are the same rows. Readers add the
 * log's few rows, counted like the ledger (sum of sign), to the rollups' counts.
 *
 * Two triggers keep the log, exactly one of which fires in any session: a row trigger (origin,
 * the usual mode: one hazard, one small insert, no transition table to build) and a statement
 * trigger for sessions running as a replica — the bulk import, which skips the per-row
 * foreign-key triggers that way, and logs its 250,000 rows in one INSERT … SELECT.
 */
const COLUMNS = 'region_code, status, level, source, industry_code, found_on, closed_on, deadline, listed_level, escalated_at, accountability_required';
const ROW = (r: string) => COLUMNS.split(', ').map((c) => `${r}.${c}`).join(', ');

/**
 * hazard_changes_fold(), with hazard_stats_sql's statement written out at creation: whoever
 * replaces hazard_stats_sql (migration 0009) creates it again from this. `more`: further
 * rollups kept from the log (migration 0010), folded before the log is emptied (no % in it:
 * it passes through format()).
 */
export const foldFunctionSql = (more = '') => `
    -- Both rollups from the log, then the log emptied. Under REPEATABLE READ every statement
    -- here sees one snapshot: the delete removes exactly the rows folded, and a row committed
    -- meanwhile waits for the next fold. (Holding the log locked against writers does as well:
    -- the down migration's way, inside the migrator's own transaction.)
    -- use_column: the rollup's column "found" is also PL/pgSQL's FOUND.
    do $do$ begin
      execute format($f$
        create function hazard_changes_fold() returns bigint language plpgsql as $body$
        #variable_conflict use_column
        declare moved bigint;
        begin
          if current_setting('transaction_isolation') <> 'repeatable read' and not exists (
            select 1 from pg_locks where locktype = 'relation' and relation = 'hazard_changes'::regclass and pid = pg_backend_pid()
              and mode in ('ExclusiveLock', 'AccessExclusiveLock') and granted) then
            raise exception 'hazard_changes_fold() must run in a REPEATABLE READ transaction or with hazard_changes locked';
          end if;
          select count(*) into moved from hazard_changes;
          if moved = 0 then return 0; end if;
          insert into hazard_ledger_counts as c (region_code, status, level, listed, n)
          select t.code, h.status, h.level, h.listed_level is not null, sum(h.sign)
          from hazard_changes h cross join lateral unnest(hazard_ledger_tiers(h.region_code)) as t(code)
          group by 1, 2, 3, 4 having sum(h.sign) <> 0
          on conflict (region_code, status, level, listed) do update set n = c.n + excluded.n;
          %s
            on conflict (tier, region_code, span, day, dim, key) do update set
            found = c.found + excluded.found, found_closed = c.found_closed + excluded.found_closed, found_major = c.found_major + excluded.found_major,
            closed = c.closed + excluded.closed, open = c.open + excluded.open, listed1 = c.listed1 + excluded.listed1,
            listed2 = c.listed2 + excluded.listed2, listed3 = c.listed3 + excluded.listed3, exposed = c.exposed + excluded.exposed,
            accountability = c.accountability + excluded.accountability, due = c.due + excluded.due;
          ${more}
          delete from hazard_changes;
          return moved;
        end $body$
      $f$, hazard_stats_sql('hazard_changes', 'hazard_stats_counts as c'));
    end $do$;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Whatever the old deltas still held goes into the counts first.
    select hazard_ledger_fold();
    select hazard_stats_fold();
    drop trigger hazard_ledger_counts_insert on hazards;
    drop trigger hazard_ledger_counts_update on hazards;
    drop trigger hazard_ledger_counts_delete on hazards;
    drop trigger hazard_stats_insert on hazards;
    drop trigger hazard_stats_update on hazards;
    drop trigger hazard_stats_delete on hazards;
    drop function hazard_ledger_counts_apply();
    drop function hazard_ledger_fold();
    drop function hazard_stats_on_insert();
    drop function hazard_stats_on_update();
    drop function hazard_stats_on_delete();
    drop function hazard_stats_fold();
    drop table hazard_ledger_deltas;
    drop table hazard_stats_deltas;

    -- Columns named as in hazards, so that the rollups' statements read either.
    create table hazard_changes (
      sign smallint not null check (sign in (-1, 1)),
      region_code text collate "C" not null,
      status text not null,
      level text not null,
      source text not null,
      industry_code text,
      found_on date not null,
      closed_on date,
      deadline date,
      listed_level smallint,
      escalated_at timestamptz,
      accountability_required boolean not null
    );

    create function hazard_changes_row() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into hazard_changes values (1, ${sql.raw(ROW('new'))});
      elsif tg_op = 'DELETE' then
        insert into hazard_changes values (-1, ${sql.raw(ROW('old'))});
      -- An act that changes nothing the rollups count (a comment, a supervision record) logs nothing.
      elsif (${sql.raw(ROW('old').replace('old.escalated_at', 'old.escalated_at is null'))})
          is distinct from (${sql.raw(ROW('new').replace('new.escalated_at', 'new.escalated_at is null'))}) then
        insert into hazard_changes values (-1, ${sql.raw(ROW('old'))}), (1, ${sql.raw(ROW('new'))});
      end if;
      return null;
    end $$;

    create function hazard_changes_statement() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'INSERT' then insert into hazard_changes select -1, ${sql.raw(COLUMNS)} from old_rows; end if;
      if tg_op <> 'DELETE' then insert into hazard_changes select 1, ${sql.raw(COLUMNS)} from new_rows; end if;
      return null;
    end $$;

    create trigger hazard_changes_row after insert or update or delete on hazards
      for each row execute function hazard_changes_row();
    create trigger hazard_changes_bulk_insert after insert on hazards
      referencing new table as new_rows for each statement execute function hazard_changes_statement();
    create trigger hazard_changes_bulk_update after update on hazards
      referencing old table as old_rows new table as new_rows for each statement execute function hazard_changes_statement();
    create trigger hazard_changes_bulk_delete after delete on hazards
      referencing old table as old_rows for each statement execute function hazard_changes_statement();
    -- The row trigger fires in origin sessions (the default), the statement triggers only in replica ones.
    alter table hazards enable replica trigger hazard_changes_bulk_insert;
    alter table hazards enable replica trigger hazard_changes_bulk_update;
    alter table hazards enable replica trigger hazard_changes_bulk_delete;

    ${sql.raw(foldFunctionSql())}
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The log's last rows into the counts, writers held off meanwhile.
    lock table hazard_changes in exclusive mode;
    select hazard_changes_fold();
    drop trigger hazard_changes_row on hazards;
    drop trigger hazard_changes_bulk_insert on hazards;
    drop trigger hazard_changes_bulk_update on hazards;
    drop trigger hazard_changes_bulk_delete on hazards;
    drop function hazard_changes_row();
    drop function hazard_changes_statement();
    drop function hazard_changes_fold();
    drop table hazard_changes;
    ${sql.raw(LEDGER_DELTAS_SQL)}
    ${sql.raw(STATS_DELTAS_SQL)}
  `.execute(db);
}
