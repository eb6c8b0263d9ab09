import { sql, type Kysely } from 'kysely';
import { foldFunctionSql } from './2026_12_05_0008_hazard_changes.js';
import { STATS_SQL_V2 } from './2026_12_05_0009_county_stats.js';
import { FOLD_DUE } from './2026_12_05_0010_ledger_due.js';
import { changeLogFunctions, CLOCK_FUNCTIONS, FOLD_DUE_V2, indexes, LEDGER_DUE_V2, REFILL_SNAPSHOT, STATS_SQL_V3 } from './2026_12_07_0012c_hazard_clock.sql.js';

/**
 * The hazard clock, defined once (issue 9, "figures that cannot drift").
 *
 * Until now "open and overdue" was written out by hand in a dozen queries, rollups and
 * migrations — `status in (…) and deadline < today` — so that a `<` turned `<=` in one of them
 * passed every test; and it counted a hazard submitted for acceptance in time but not yet
 * accepted as the enterprise's overdue (escalated as 逾期督办, exposed, 问责), when only the
 * accepting unit's acceptance was missing.
 *
 * Now three SQL functions say it (CLOCK_FUNCTIONS, the mirror of the domain's deadlines.ts,
 * both tested against one table of cases): whose lateness a hazard's would be — 'o' the
 * rectifying unit's (逾期), 'a' the accepting unit's (验收超期) — its last day in time, and the
 * one comparison with today. The rollups are built on them:
 * - hazard_changes logs submitted_at too (what decides whose lateness it is);
 * - hazard_ledger_due is keyed by (due_by, due_on) instead of the deadline: the ledger's 逾期
 *   and 验收超期 counts are each a sum over the rows whose last day has passed;
 * - hazard_stats_counts keeps due rows per kind (span 'o' and 'a', day = last day in time), and
 *   counts as exposed only the rectifying unit's escalated lateness; its snapshot and due rows
 *   are computed again (the found and closed rows do not change);
 * - hazards.acceptance_escalated_at records that the escalation job reported a late acceptance
 *   (to the accepting unit and the level above it), apart from escalated_at (逾期督办, exposure);
 * - the partial indexes of open hazards carry submitted_at (and the job's columns), so the
 *   ledger's, the dashboards' and the job's scans stay index-only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    lock table hazard_changes in exclusive mode;
    select hazard_changes_fold();
    drop function hazard_changes_fold();
    drop function hazard_stats_sql(text, text);
    ${sql.raw(CLOCK_FUNCTIONS)}

    alter table hazards add column acceptance_escalated_at timestamptz;
    alter table hazard_changes add column submitted_at timestamptz;
    ${sql.raw(changeLogFunctions(true))}

    drop table hazard_ledger_due;
    ${sql.raw(LEDGER_DUE_V2)}
    ${sql.raw(STATS_SQL_V3)}
    ${sql.raw(foldFunctionSql(FOLD_DUE_V2))}
    ${sql.raw(REFILL_SNAPSHOT)}
    ${sql.raw(indexes(true))}
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    lock table hazard_changes in exclusive mode;
    select hazard_changes_fold();
    drop function hazard_changes_fold();
    drop function hazard_stats_sql(text, text);
    ${sql.raw(indexes(false))}

    ${sql.raw(changeLogFunctions(false))}
    alter table hazard_changes drop column submitted_at;

    drop table hazard_ledger_due;
    create table hazard_ledger_due (
      region_code text collate "C" not null,
      deadline date not null,
      status text not null,
      level text not null,
      listed boolean not null,
      n bigint not null,
      primary key (region_code, deadline, status, level, listed)
    );
    insert into hazard_ledger_due (region_code, deadline, status, level, listed, n)
    select t.code, h.deadline, h.status, h.level, h.listed_level is not null, count(*)
    from hazards h cross join lateral unnest(hazard_due_tiers(h.region_code)) as t(code)
    where h.status in ('verified', 'rectifying', 'pending_acceptance') and h.deadline is not null
    group by 1, 2, 3, 4, 5;
    ${sql.raw(STATS_SQL_V2)}
    ${sql.raw(foldFunctionSql(FOLD_DUE))}
    ${sql.raw(REFILL_SNAPSHOT)}
    alter table hazards drop column acceptance_escalated_at;
    drop function hazard_due_by(text, date, timestamptz);
    drop function hazard_due_on(text, date, timestamptz);
    drop function hazard_past(date, date);
  `.execute(db);
}
