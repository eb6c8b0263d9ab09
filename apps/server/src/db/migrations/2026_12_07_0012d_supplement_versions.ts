import { sql, type Kysely } from 'kysely';

/**
 * A supplement (补报) names only the figures that changed (issue 9). Until now each row was a
 * complete snapshot and an omitted figure became 0, so a supplement naming only the deaths
 * wiped the serious injuries and the loss, and with them the grade.
 *
 * - deaths … direct_loss_yuan now hold what the supplement named; null is "not named".
 *   Earlier rows were complete snapshots, so they named every figure and stay as they are.
 * - result_* and result_grade (the old `grade`) hold the accident's complete figures once the
 *   supplement was recorded — one version per row, numbered by `version` in recording order.
 *   For earlier rows they are rebuilt the way the figures were then computed: the latest
 *   counted snapshot, in the order of change, among the rows recorded so far, else the
 *   initial report.
 *
 * The rows are append-only: the trigger is set aside for the backfill alone, inside this
 * migration's transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table accident_supplements disable trigger accident_supplements_append_only;
    alter table accident_supplements
      alter column deaths drop not null,
      alter column missing drop not null,
      alter column serious_injuries drop not null,
      alter column minor_injuries drop not null,
      alter column direct_loss_yuan drop not null,
      add column version integer,
      add column result_deaths integer,
      add column result_missing integer,
      add column result_serious_injuries integer,
      add column result_minor_injuries integer,
      add column result_direct_loss_yuan bigint;
    alter table accident_supplements rename column grade to result_grade;

    with numbered as (
      select id, accident_id, changed_at, counted,
        row_number() over (partition by accident_id order by recorded_at, changed_at, id)::int as version
      from accident_supplements
    ), sourced as (
      select n.id, n.version,
        (select p.id from numbered p
          where p.accident_id = n.accident_id and p.counted and p.version <= n.version
          order by p.changed_at desc, p.version desc limit 1) as source_id
      from numbered n
    )
    update accident_supplements s set
      version = r.version,
      result_deaths = coalesce(src.deaths, a.initial_deaths),
      result_missing = coalesce(src.missing, a.initial_missing),
      result_serious_injuries = coalesce(src.serious_injuries, a.initial_serious_injuries),
      result_minor_injuries = coalesce(src.minor_injuries, a.initial_minor_injuries),
      result_direct_loss_yuan = coalesce(src.direct_loss_yuan, a.initial_direct_loss_yuan),
      result_grade = coalesce(src.result_grade, a.initial_grade)
    from sourced r
      cross join accidents a
      left join accident_supplements src on src.id = r.source_id
    where r.id = s.id and a.id = s.accident_id;

    alter table accident_supplements
      alter column version set not null,
      alter column result_deaths set not null,
      alter column result_missing set not null,
      alter column result_serious_injuries set not null,
      alter column result_minor_injuries set not null,
      alter column result_direct_loss_yuan set not null,
      add constraint accident_supplements_version_key unique (accident_id, version),
      add constraint accident_supplements_names_a_figure
        check (num_nonnulls(deaths, missing, serious_injuries, minor_injuries, direct_loss_yuan) > 0),
      add constraint accident_supplements_result_check check (
        version >= 1 and result_deaths >= 0 and result_missing >= 0 and result_serious_injuries >= 0
        and result_minor_injuries >= 0 and result_direct_loss_yuan >= 0
        and result_grade in ('ordinary', 'major', 'serious', 'extraordinary'));
    alter table accident_supplements enable trigger accident_supplements_append_only;
  `.execute(db);
}

/** Back to complete snapshots: a figure a supplement did not name takes the value it led to. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table accident_supplements disable trigger accident_supplements_append_only;
    update accident_supplements set
      deaths = coalesce(deaths, result_deaths), missing = coalesce(missing, result_missing),
      serious_injuries = coalesce(serious_injuries, result_serious_injuries),
      minor_injuries = coalesce(minor_injuries, result_minor_injuries),
      direct_loss_yuan = coalesce(direct_loss_yuan, result_direct_loss_yuan);
    alter table accident_supplements
      drop constraint accident_supplements_version_key,
      drop constraint accident_supplements_names_a_figure,
      drop constraint accident_supplements_result_check,
      drop column version,
      drop column result_deaths,
      drop column result_missing,
      drop column result_serious_injuries,
      drop column result_minor_injuries,
      drop column result_direct_loss_yuan,
      alter column deaths set not null,
      alter column missing set not null,
      alter column serious_injuries set not null,
      alter column minor_injuries set not null,
      alter column direct_loss_yuan set not null;
    alter table accident_supplements rename column result_grade to grade;
    alter table accident_supplements enable trigger accident_supplements_append_only;
  `.execute(db);
}
