import { sql, type Kysely } from 'kysely';
import { foldFunctionSql } from './2026_12_05_0008_hazard_changes.js';
import { changeLogFunctions, FOLD_DUE_V2, STATS_SQL_V3 } from './2026_12_07_0012c_hazard_clock.sql.js';
import { STATS_SQL_V4 } from './2026_12_07_0015d_rollups_in_import.sql.js';

/**
 * The bulk import folds its own rows (issue 11: the hazard dashboards after a bulk import).
 *
 * Until now the import appended every row it inserted to the change log (hazard_changes), and
 * the fold job (every 5 s) fanned the log out into the rollups. A job that folds 250,000 rows at
 * once takes 20–60 s on this machine; meanwhile, and until it had caught up with the whole
 * import, every province, city and county dashboard counted the unfolded log live — a
 * sequential scan of up to a whole file's rows, with GROUPING SETS, per request: 150–900 ms
 * instead of 15 (measured, docs/performance.md). Right after a county imported its Excel
 * ledger, a leader opening the cockpit waited.
 *
 * Now the import's statement trigger folds each batch's rows as a set, in one statement per
 * rollup, inside the import's transaction: when the import commits, the rollups hold its rows,
 * and the log holds only ordinary single writes (a few rows between two folds). The same work
 * the job did, done once per batch of 25,000 rows, and never read live by anyone.
 *
 * One definition of every rollup: hazard_rollups_sql(source) returns the three statements (the
 * ledger's counts, the statistics — hazard_stats_sql, unchanged — and the ledger's late rows)
 * for any signed row source; the fold function is generated from it over the log, the bulk
 * trigger over its transition tables. Whoever replaces hazard_stats_sql creates both again
 * (rollupWriters()). hazard_stats_sql itself is replaced by a fourth version that writes the same
 * rows with about half the aggregation (the fold is now the import's cost: STATS_SQL_V4).
 *
 * Writers of the rollups hold one transaction-level advisory lock (ROLLUP_LOCK): an import for
 * its whole transaction (two imports would otherwise take the same rows' locks in different
 * orders, batch after batch, and deadlock), the fold job only when it can get it at once (it
 * skips a round while an import runs; the log it leaves is small). Without it the job would wait
 * on the import's row locks for the import's duration and then fail under REPEATABLE READ.
 */
export const ROLLUP_LOCK = 7_215_011;

const ROLLUPS_SQL = `
    create function hazard_rollups_sql(source text) returns text language sql immutable as $f$
      select format($q$
          insert into hazard_ledger_counts as c (region_code, status, level, listed, n)
          select t.code, h.status, h.level, h.listed_level is not null, sum(h.sign)
          from %1$s h cross join lateral unnest(hazard_ledger_tiers(h.region_code)) as t(code)
          group by 1, 2, 3, 4 having sum(h.sign) <> 0
          on conflict (region_code, status, level, listed) do update set n = c.n + excluded.n;
          %2$s
            on conflict (tier, region_code, span, day, dim, key) do update set
            found = c.found + excluded.found, found_closed = c.found_closed + excluded.found_closed, found_major = c.found_major + excluded.found_major,
            closed = c.closed + excluded.closed, open = c.open + excluded.open, listed1 = c.listed1 + excluded.listed1,
            listed2 = c.listed2 + excluded.listed2, listed3 = c.listed3 + excluded.listed3, exposed = c.exposed + excluded.exposed,
            accountability = c.accountability + excluded.accountability, due = c.due + excluded.due;
          insert into hazard_ledger_due as c (region_code, due_by, due_on, status, level, listed, n)
          select t.code, d.due_by, d.due_on, d.status, d.level, d.listed, sum(d.sign)
          from (select h.region_code, hazard_due_by(h.status, h.deadline, h.submitted_at) as due_by, hazard_due_on(h.status, h.deadline, h.submitted_at) as due_on,
              h.status, h.level, h.listed_level is not null as listed, h.sign from %1$s h) d
          cross join lateral unnest(hazard_due_tiers(d.region_code)) as t(code)
          where d.due_by is not null
          group by 1, 2, 3, 4, 5, 6 having sum(d.sign) <> 0
          on conflict (region_code, due_on, due_by, status, level, listed) do update set n = c.n + excluded.n;
      $q$, source, hazard_stats_sql(source, 'hazard_stats_counts as c'))
    $f$;
`;

/**
 * The fold (over the log) and the bulk trigger's function (over its transition tables), both
 * written out from hazard_rollups_sql at creation, so PL/pgSQL plans each statement once per
 * connection. use_column: the rollup's column "found" is also PL/pgSQL's FOUND.
 */
export const rollupWriters = () => `
    do $do$ begin
      execute format($f$
        create or replace function hazard_changes_fold() returns bigint language plpgsql as $body$
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
          -- The job takes it at once or skips (hazards.foldChanges); a migration waits for it.
          perform pg_advisory_xact_lock(${ROLLUP_LOCK});
          %s
          delete from hazard_changes;
          return moved;
        end $body$
      $f$, hazard_rollups_sql('hazard_changes'));

      -- The bulk import's rows (and any replica session's), folded as a set in the writer's
      -- transaction; the name is the change log's statement trigger's, which it replaces.
      execute format($f$
        create or replace function hazard_changes_statement() returns trigger language plpgsql as $body$
        #variable_conflict use_column
        begin
          perform pg_advisory_xact_lock(${ROLLUP_LOCK});
          if tg_op = 'INSERT' then
            %s
          elsif tg_op = 'UPDATE' then
            %s
          else
            %s
          end if;
          return null;
        end $body$
      $f$, hazard_rollups_sql('(select 1 as sign, * from new_rows)'),
        hazard_rollups_sql('(select -1 as sign, * from old_rows union all select 1, * from new_rows)'),
        hazard_rollups_sql('(select -1 as sign, * from old_rows)'));
    end $do$;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    lock table hazard_changes in exclusive mode;
    select hazard_changes_fold();
    drop function hazard_stats_sql(text, text);
    ${sql.raw(STATS_SQL_V4)}
    ${sql.raw(ROLLUPS_SQL)}
    ${sql.raw(rollupWriters())}
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    lock table hazard_changes in exclusive mode;
    select hazard_changes_fold();
    drop function hazard_changes_fold();
    drop function hazard_stats_sql(text, text);
    ${sql.raw(STATS_SQL_V3)}
    ${sql.raw(foldFunctionSql(FOLD_DUE_V2))}
    ${sql.raw(changeLogFunctions(true))}
    drop function hazard_rollups_sql(text);
  `.execute(db);
}
