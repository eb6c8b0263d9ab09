import { sql, type Kysely } from 'kysely';
import { foldFunctionSql } from './2026_12_05_0008_hazard_changes.js';

/**
 * The ledger's overdue counts (issue 5). The counts at the top of a province's ledger include
 * how many hazards are overdue, by status: counted live, that is every open hazard with a
 * deadline before today — 36,000 at the province at scale 1, 10–20 ms of the page's 20. Kept
 * now like the other counts: hazard_ledger_due holds the open hazards with a deadline, per
 * region tier (province, city, county, township) and deadline; overdue today is the sum of the
 * rows dated before today (the date moves, the rows need not). A province's overdue tail spans
 * a thousand or two deadlines: a sum over that many rows.
 */
const OPEN = `('verified', 'rectifying', 'pending_acceptance')`;

/** The tiers an open hazard at code c is counted at: each of province, city, county and township its code reaches. */
const TIERS = `
    create function hazard_due_tiers(c text) returns text[] language sql immutable parallel safe as $$
      select array(select distinct left(c, l) from unnest(array[2, 4, 6, 9]) as l order by 1)
    $$;`;

export const FOLD_DUE = `
          insert into hazard_ledger_due as c (region_code, deadline, status, level, listed, n)
          select t.code, h.deadline, h.status, h.level, h.listed_level is not null, sum(h.sign)
          from hazard_changes h cross join lateral unnest(hazard_due_tiers(h.region_code)) as t(code)
          where h.status in ${OPEN} and h.deadline is not null
          group by 1, 2, 3, 4, 5 having sum(h.sign) <> 0
          on conflict (region_code, deadline, status, level, listed) do update set n = c.n + excluded.n;`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    lock table hazard_changes in exclusive mode;
    select hazard_changes_fold();
    drop function hazard_changes_fold();
    create table hazard_ledger_due (
      region_code text collate "C" not null,
      deadline date not null,
      status text not null,
      level text not null,
      listed boolean not null,
      n bigint not null,
      primary key (region_code, deadline, status, level, listed)
    );
    ${sql.raw(TIERS)}
    ${sql.raw(foldFunctionSql(FOLD_DUE))}
    insert into hazard_ledger_due (region_code, deadline, status, level, listed, n)
    select t.code, h.deadline, h.status, h.level, h.listed_level is not null, count(*)
    from hazards h cross join lateral unnest(hazard_due_tiers(h.region_code)) as t(code)
    where h.status in ${sql.raw(OPEN)} and h.deadline is not null
    group by 1, 2, 3, 4, 5;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    lock table hazard_changes in exclusive mode;
    select hazard_changes_fold();
    drop function hazard_changes_fold();
    ${sql.raw(foldFunctionSql())}
    drop table hazard_ledger_due;
    drop function hazard_due_tiers(text);
  `.execute(db);
}
