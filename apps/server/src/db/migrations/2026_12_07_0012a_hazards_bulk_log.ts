import { sql, type Kysely } from 'kysely';

/**
 * The bulk import without a superuser (issue 9). The import ran with session_replication_role =
 * replica, which skipped the change log's row trigger (its statement triggers, enabled for
 * replicas, logged each batch in one INSERT … SELECT) and the per-row foreign-key checks, having
 * checked each referenced value once itself. Only a superuser may set that, and the
 * application no longer connects as one (setting it switches off every ordinary trigger).
 * Run as the application role with every trigger firing, the import costs PostgreSQL 40–65%
 * more CPU (measured on 250,000 rows; the foreign-key checks, ten per hazard and event).
 *
 * So the import's one statement now runs inside hazards_import_batch(), a SECURITY DEFINER
 * function of the schema owner, which the application may call and nothing else may:
 *   - its input is data only — rows COPYed into a temporary table the owner creates for the
 *     transaction (hazards_import_begin()), on which the caller may only insert — and its
 *     statements are fixed, with a pinned search_path, so nothing the caller supplies runs as
 *     the owner (one array per column instead of COPY cost 5–25% more CPU, measured);
 *   - it checks (and locks, FOR KEY SHARE, as the foreign keys would) each distinct value the
 *     batch references once, then inserts the batch as a replica, which skips the per-row
 *     foreign-key triggers and the change log's row trigger (the statement trigger logs the
 *     batch), and sets the session back before it returns;
 *   - every call writes its own audit row (hazard.import_batch: how many rows, which ids), so
 *     its use is audited whoever calls it.
 * Setting session_replication_role takes the owner's SET privilege on it (PostgreSQL 15+,
 * granted by a superuser: platform/db/roles.ts for the embedded server and the tests, the
 * README for an external one). Without it the function inserts with every trigger firing:
 * slower, equally correct.
 *
 * Which change-log trigger fires is no longer tied to the replica mode alone: the row trigger
 * skips itself while the transaction-local setting anjian.hazards_bulk is on, and the
 * statement triggers fire exactly then or in a replica session (bench/ loads history as a
 * superuser that way). Exactly one of them logs every row of a statement in any session,
 * whatever the session set before it, so the setting can change nothing the rollups count; no
 * other trigger reads it.
 */
const WHEN_BULK = `current_setting('anjian.hazards_bulk', true) = 'on' or current_setting('session_replication_role') = 'replica'`;

const STAGE_COLUMNS = `title text, level text, source text, status text, region_code text collate "C", enterprise_id uuid, industry_code text,
        found_on date, deadline date, responsible_unit text, responsible_person text, closed_on date, listed_level smallint, listed_region_code text collate "C"`;

const FUNCTIONS = `
    -- The batch's staging table, created by the owner for this transaction: the caller may only
    -- COPY rows into it (no trigger, rule or policy of the caller's can be on it), so reading it
    -- as the owner runs nothing the caller wrote. A table of the caller's by that name makes this fail.
    create function hazards_import_begin() returns void language plpgsql security definer set search_path = pg_catalog, public, pg_temp as $fn$
    begin
      create temp table hazard_import_stage (${STAGE_COLUMNS}) on commit drop;
      execute format('grant insert on table pg_temp.hazard_import_stage to %I', session_user);
    end $fn$;

    create function hazards_import_batch(p_user uuid, p_user_name text, p_org uuid, p_org_name text, p_at timestamptz, p_comment text, p_audit jsonb)
    returns integer language plpgsql security definer set search_path = pg_catalog, public, pg_temp as $fn$
    #variable_conflict use_column
    declare
      refs text[];
      ids uuid[];
      found_refs integer;
      replica boolean := has_parameter_privilege('session_replication_role', 'SET');
      n integer;
      first_id bigint;
      last_id bigint;
    begin
      if not exists (select 1 from pg_class where oid = to_regclass('pg_temp.hazard_import_stage') and relowner = current_user::regrole) then
        raise exception 'hazards_import_batch: call hazards_import_begin() first' using errcode = 'insufficient_privilege';
      end if;
      -- Each value referenced, once, locked as the foreign keys' checks would lock it.
      refs := array(select region_code from pg_temp.hazard_import_stage union select listed_region_code from pg_temp.hazard_import_stage where listed_region_code is not null);
      select count(*) into found_refs from (select 1 from public.regions where code = any(refs) for key share) x;
      if found_refs <> cardinality(refs) then raise exception 'hazards_import_batch: a region referenced does not exist' using errcode = 'foreign_key_violation'; end if;
      ids := array(select enterprise_id from pg_temp.hazard_import_stage where enterprise_id is not null union select p_org);
      select count(*) into found_refs from (select 1 from public.orgs where id = any(ids) for key share) x;
      if found_refs <> cardinality(ids) then raise exception 'hazards_import_batch: an organisation referenced does not exist' using errcode = 'foreign_key_violation'; end if;
      refs := array(select distinct industry_code from pg_temp.hazard_import_stage where industry_code is not null);
      select count(*) into found_refs from (select 1 from public.industries where code = any(refs) for key share) x;
      if found_refs <> cardinality(refs) then raise exception 'hazards_import_batch: an industry referenced does not exist' using errcode = 'foreign_key_violation'; end if;
      perform 1 from public.users where id = p_user for key share;
      if not found then raise exception 'hazards_import_batch: the importing user does not exist' using errcode = 'foreign_key_violation'; end if;

      if replica then
        perform set_config('session_replication_role', 'replica', true);
      else
        perform set_config('anjian.hazards_bulk', 'on', true);
      end if;
      with ins as (
        insert into public.hazards (title, enterprise_id, region_code, industry_code, level, source, status, found_by_name, found_on, reported_by, reporter_org_id, reported_at,
          responsible_org_id, responsible_unit, responsible_person, assigned_by_org_id, deadline, listed_level, listed_region_code, closed_on, closed_at, version, updated_at)
        -- An imported public report names no citizen (found_by_name stays empty, as a check requires).
        select s.title, s.enterprise_id, s.region_code, s.industry_code, s.level, s.source, s.status, case when s.source = 'public_report' then '' else p_user_name end, s.found_on, p_user, p_org, p_at,
          case when s.status in ('rectifying', 'pending_acceptance', 'closed') then s.enterprise_id end, s.responsible_unit, s.responsible_person,
          case when s.status in ('rectifying', 'pending_acceptance', 'closed') then p_org end,
          s.deadline, s.listed_level, s.listed_region_code, s.closed_on, (s.closed_on + time '04:00') at time zone 'UTC', 1, p_at
        from pg_temp.hazard_import_stage s
        returning id, status),
      events as (
        insert into public.hazard_events (hazard_id, seq, action, from_status, to_status, actor_id, actor_name, actor_org_id, actor_org_name, at, comment)
        select id, 1, 'import', null, status, p_user, p_user_name, p_org, p_org_name, p_at, p_comment from ins
        returning hazard_id)
      select count(*), min(hazard_id), max(hazard_id) into n, first_id, last_id from events;
      if replica then
        perform set_config('session_replication_role', 'origin', true);
      else
        perform set_config('anjian.hazards_bulk', 'off', true);
      end if;
      truncate pg_temp.hazard_import_stage;

      insert into public.audit_log (at, user_id, username, org_id, region_code, action, object_type, result, ip, request_id, details, algorithm)
      values (p_at, p_user, p_audit->>'username', p_org, p_audit->>'region_code', 'hazard.import_batch', 'hazard', 'success', p_audit->>'ip', p_audit->>'request_id',
        jsonb_build_object('rows', n, 'firstId', first_id::text, 'lastId', last_id::text, 'replica', replica)::text, coalesce(p_audit->>'algorithm', 'sm3'));
      return n;
    end $fn$;
    -- Who may call them: the application role (granted with the rest, migration 0012a_roles).
    revoke all on function hazards_import_begin, hazards_import_batch from public;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger hazard_changes_row on hazards;
    drop trigger hazard_changes_bulk_insert on hazards;
    drop trigger hazard_changes_bulk_update on hazards;
    drop trigger hazard_changes_bulk_delete on hazards;
    create trigger hazard_changes_row after insert or update or delete on hazards
      for each row when (current_setting('anjian.hazards_bulk', true) is distinct from 'on') execute function hazard_changes_row();
    create trigger hazard_changes_bulk_insert after insert on hazards
      referencing new table as new_rows for each statement when (${sql.raw(WHEN_BULK)}) execute function hazard_changes_statement();
    create trigger hazard_changes_bulk_update after update on hazards
      referencing old table as old_rows new table as new_rows for each statement when (${sql.raw(WHEN_BULK)}) execute function hazard_changes_statement();
    create trigger hazard_changes_bulk_delete after delete on hazards
      referencing old table as old_rows for each statement when (${sql.raw(WHEN_BULK)}) execute function hazard_changes_statement();
    alter table hazards enable always trigger hazard_changes_bulk_insert;
    alter table hazards enable always trigger hazard_changes_bulk_update;
    alter table hazards enable always trigger hazard_changes_bulk_delete;
    ${sql.raw(FUNCTIONS)}
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop function hazards_import_batch;
    drop function hazards_import_begin;
    drop trigger hazard_changes_row on hazards;
    drop trigger hazard_changes_bulk_insert on hazards;
    drop trigger hazard_changes_bulk_update on hazards;
    drop trigger hazard_changes_bulk_delete on hazards;
    create trigger hazard_changes_row after insert or update or delete on hazards
      for each row execute function hazard_changes_row();
    create trigger hazard_changes_bulk_insert after insert on hazards
      referencing new table as new_rows for each statement execute function hazard_changes_statement();
    create trigger hazard_changes_bulk_update after update on hazards
      referencing old table as old_rows new table as new_rows for each statement execute function hazard_changes_statement();
    create trigger hazard_changes_bulk_delete after delete on hazards
      referencing old table as old_rows for each statement execute function hazard_changes_statement();
    alter table hazards enable replica trigger hazard_changes_bulk_insert;
    alter table hazards enable replica trigger hazard_changes_bulk_update;
    alter table hazards enable replica trigger hazard_changes_bulk_delete;
  `.execute(db);
}
