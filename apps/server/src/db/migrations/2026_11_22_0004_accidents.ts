import { sql, type Kysely } from 'kysely';

/**
 * Accidents (生产安全事故), their supplements (补报), escalation receipts, investigations,
 * accountability records, and control indicators (控制指标).
 *
 * The ledger is append-only: supplements, receipts and accountability rows are never changed
 * or deleted, and no accident is ever deleted. An accident's current figures and grade are a
 * function of its initial figures and its supplements, recomputed in full on every supplement
 * (never incremented), so statistics read them directly and cannot drift.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function ledger_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'insufficient_privilege';
    end $$;

    create table accidents (
      id uuid primary key default gen_random_uuid(),
      occurred_at timestamptz not null,
      -- The Shanghai calendar date of the occurrence: it alone decides which statistical period
      -- an accident belongs to. Generated with the fixed +08:00 offset the domain uses
      -- (shanghaiDate), so it can never disagree with occurred_at.
      occurred_on date generated always as ((occurred_at at time zone interval '+08:00')::date) stored,
      region_code text collate "C" not null references regions(code),
      place text not null,
      enterprise_id uuid references orgs(id),
      industry_code text references industries(code),
      -- A code of the domain's ACCIDENT_CATEGORIES (the statistical categories are data there,
      -- with their supplement windows); the service refuses any other.
      category text not null check (category ~ '^[a-z][a-z0-9_]{1,39}$'),
      initial_deaths integer not null check (initial_deaths >= 0),
      initial_missing integer not null check (initial_missing >= 0),
      initial_serious_injuries integer not null check (initial_serious_injuries >= 0),
      initial_minor_injuries integer not null check (initial_minor_injuries >= 0),
      initial_direct_loss_yuan bigint not null check (initial_direct_loss_yuan >= 0),
      initial_grade text not null check (initial_grade in ('ordinary', 'major', 'serious', 'extraordinary')),
      -- Current figures: the initial ones after the supplements counted within the window.
      deaths integer not null check (deaths >= 0),
      missing integer not null check (missing >= 0),
      serious_injuries integer not null check (serious_injuries >= 0),
      minor_injuries integer not null check (minor_injuries >= 0),
      direct_loss_yuan bigint not null check (direct_loss_yuan >= 0),
      grade text not null check (grade in ('ordinary', 'major', 'serious', 'extraordinary')),
      summary text not null,
      cause text,
      -- When the county level received the unit's report (the 1-hour clock stops here).
      reported_at timestamptz not null check (reported_at >= occurred_at),
      reported_by uuid not null references users(id),
      reporter_org_id uuid not null references orgs(id),
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    -- Statistics: a subtree is a LIKE prefix on the "C"-collated code (an index range), the
    -- period a range of occurred_on; the included columns let every figure come from an
    -- index-only scan.
    create index accidents_stats_idx on accidents (region_code, occurred_on)
      include (grade, category, industry_code, deaths, missing, serious_injuries, minor_injuries, direct_loss_yuan);
    -- The ledger list, newest first, keyset-paged.
    create index accidents_list_idx on accidents (occurred_at desc, id desc);
    -- 一票否决 by enterprise.
    create index accidents_enterprise_idx on accidents (enterprise_id, occurred_on) where enterprise_id is not null;
    create trigger accidents_no_delete before delete on accidents
      for each row execute function ledger_refuse_change();

    create table accident_supplements (
      id uuid primary key default gen_random_uuid(),
      accident_id uuid not null references accidents(id),
      changed_at timestamptz not null,
      reported_at timestamptz not null check (reported_at >= changed_at),
      deaths integer not null check (deaths >= 0),
      missing integer not null check (missing >= 0),
      serious_injuries integer not null check (serious_injuries >= 0),
      minor_injuries integer not null check (minor_injuries >= 0),
      direct_loss_yuan bigint not null check (direct_loss_yuan >= 0),
      grade text not null,
      -- False for a change after the window: kept for the record, not counted (applySupplements).
      counted boolean not null,
      note text,
      recorded_by uuid not null references users(id),
      recorded_at timestamptz not null
    );
    create index accident_supplements_accident_idx on accident_supplements (accident_id, changed_at);
    create trigger accident_supplements_append_only before update or delete on accident_supplements
      for each row execute function ledger_refuse_change();

    -- When each level above the county received the report (Decree 493 art. 10).
    create table accident_escalations (
      accident_id uuid not null references accidents(id),
      level text not null check (level in ('city', 'province', 'state_council')),
      received_at timestamptz not null,
      recorded_by uuid not null references users(id),
      recorded_at timestamptz not null,
      primary key (accident_id, level)
    );
    create trigger accident_escalations_append_only before update or delete on accident_escalations
      for each row execute function ledger_refuse_change();

    create table accident_investigations (
      accident_id uuid primary key references accidents(id),
      report_submitted_on date,
      extended boolean not null default false,
      decided_on date,
      decision_extended boolean not null default false,
      -- 责任事故? null while undetermined (treated as liability: the usual case).
      liability boolean,
      -- 四不放过, keyed by the domain's FOUR_NOT_LET_GO codes.
      checklist jsonb not null default '{}',
      conclusion text,
      closed_at timestamptz,
      closed_by uuid references users(id),
      updated_by uuid not null references users(id),
      updated_at timestamptz not null,
      check (decided_on is null or (report_submitted_on is not null and decided_on >= report_submitted_on))
    );

    create table accident_accountability (
      id uuid primary key default gen_random_uuid(),
      accident_id uuid not null references accidents(id),
      person text not null,
      position text,
      org_name text,
      failure text not null,
      decision text not null,
      recorded_by uuid not null references users(id),
      recorded_at timestamptz not null
    );
    create index accident_accountability_accident_idx on accident_accountability (accident_id, recorded_at);
    create trigger accident_accountability_append_only before update or delete on accident_accountability
      for each row execute function ledger_refuse_change();

    -- 控制指标: a region's annual cap per metric, set by the level above (metrics are data in
    -- the domain contracts: INDICATOR_METRICS).
    create table control_indicators (
      region_code text collate "C" not null references regions(code),
      year smallint not null check (year between 2000 and 2100),
      metric text not null check (metric ~ '^[a-z][a-z0-9_]{1,39}$'),
      cap integer not null check (cap >= 0),
      set_by_org uuid not null references orgs(id),
      set_by uuid not null references users(id),
      set_at timestamptz not null,
      primary key (region_code, year, metric)
    );
    create index control_indicators_year_idx on control_indicators (year, region_code);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists control_indicators, accident_accountability, accident_investigations,
      accident_escalations, accident_supplements, accidents cascade;
    drop function if exists ledger_refuse_change();
  `.execute(db);
}
