import { sql, type Kysely } from 'kysely';

/**
 * What the application role may do: every grant in one place (issue 9, platform/db/roles.ts).
 *
 * The server connects as anjian_app, which owns nothing; migrations run as the owner. The app
 * may read and write every table the owner creates — those below, and, through default
 * privileges, every table a later migration creates (nothing to add there) — except what is
 * revoked here:
 *   - audit_log: read, append (the row's own columns, not its place in the chain), and link
 *     (the three chain columns and the key id; the trigger still refuses anything else);
 *   - audit_head: read and move the head; the seal of the unkeyed rows is the owner's;
 *   - the migrator's bookkeeping: read only (the server checks the schema is current).
 * Functions are everyone's to call (PostgreSQL's default) except the owner's SECURITY DEFINER
 * ones, which revoke that and are granted here.
 * The append-only ledgers (hazard_events, the accident tables) keep relying on their
 * triggers, which only an owner could disable. TRUNCATE, REFERENCES and TRIGGER are never
 * granted. A table that must stay out of the application's reach revokes here.
 */
const APP = 'anjian_app';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    do $$ begin
      if not exists (select 1 from pg_roles where rolname = '${sql.raw(APP)}') then
        -- Only a superuser migrating (ANJIAN_INSECURE_DB_ROLE) gets here with the power to create it.
        begin
          create role ${sql.raw(APP)} nologin;
        exception when insufficient_privilege then
          raise exception 'role ${sql.raw(APP)} does not exist: create it before migrating (README, "Database roles")';
        end;
      end if;
    end $$;

    grant usage on schema public to ${sql.raw(APP)};
    grant select, insert, update, delete on all tables in schema public to ${sql.raw(APP)};
    grant usage, select on all sequences in schema public to ${sql.raw(APP)};
    alter default privileges in schema public grant select, insert, update, delete on tables to ${sql.raw(APP)};
    alter default privileges in schema public grant usage, select on sequences to ${sql.raw(APP)};

    revoke all on audit_log from ${sql.raw(APP)};
    grant select on audit_log to ${sql.raw(APP)};
    grant insert (at, user_id, username, org_id, region_code, action, object_type, object_id, result, status_code, ip, request_id, details, algorithm)
      on audit_log to ${sql.raw(APP)};
    grant update (chain_seq, prev_hash, hash, key_id) on audit_log to ${sql.raw(APP)};
    revoke all on audit_head from ${sql.raw(APP)};
    grant select, update (last_seq, last_hash) on audit_head to ${sql.raw(APP)};

    revoke all on kysely_migration, kysely_migration_lock from ${sql.raw(APP)};
    grant select on kysely_migration to ${sql.raw(APP)};

    -- The bulk import's one statement, run as the owner (migration 0012a_hazards_bulk_log).
    grant execute on function hazards_import_begin, hazards_import_batch to ${sql.raw(APP)};

    -- The fold job vacuums the change log it empties (PostgreSQL 17's MAINTAIN; on older
    -- servers autovacuum does it, the job's VACUUM being skipped with a warning).
    do $$ begin
      if current_setting('server_version_num')::int >= 170000 then
        execute 'grant maintain on hazard_changes to ${sql.raw(APP)}';
      end if;
    end $$;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter default privileges in schema public revoke all on tables from ${sql.raw(APP)};
    alter default privileges in schema public revoke all on sequences from ${sql.raw(APP)};
    revoke all on all tables in schema public from ${sql.raw(APP)};
    revoke all on all sequences in schema public from ${sql.raw(APP)};
    revoke usage on schema public from ${sql.raw(APP)};
    revoke all on function hazards_import_begin, hazards_import_batch from ${sql.raw(APP)};
  `.execute(db);
}
