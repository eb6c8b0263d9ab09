import { sql, type Kysely } from 'kysely';

/**
 * Foundation: region tree, industries, organisations, 三管三必须 routing, roles, users,
 * sessions, login throttling and the hash-linked audit log.
 * Region codes use the "C" collation so `code LIKE '13%'` (a subtree) is an index range scan.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table regions (
      code text collate "C" primary key,
      name text not null,
      level smallint not null check (level between 0 and 5),
      parent_code text collate "C" references regions(code),
      check ((level = 0) = (parent_code is null))
    );
    create index regions_parent_idx on regions (parent_code, code);

    create table industries (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      name_zh text not null,
      name_en text not null,
      sort smallint not null default 0,
      active boolean not null default true
    );

    create table orgs (
      id uuid primary key default gen_random_uuid(),
      type text not null,
      name text not null,
      region_code text collate "C" not null references regions(code),
      industries text[] not null default '{}',
      status text not null default 'active' check (status in ('active', 'inactive')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (region_code, type, name)
    );
    create index orgs_region_idx on orgs (region_code, type);

    create table industry_routes (
      region_code text collate "C" not null references regions(code),
      industry_code text not null references industries(code),
      department_id uuid not null references orgs(id),
      updated_at timestamptz not null default now(),
      primary key (industry_code, region_code)
    );

    create table roles (
      key text primary key,
      name_zh text not null,
      name_en text not null,
      permissions text[] not null,
      audiences text[] not null,
      builtin boolean not null default false
    );

    create table users (
      id uuid primary key default gen_random_uuid(),
      username text not null,
      display_name text not null,
      phone text,
      org_id uuid not null references orgs(id),
      password_hash text not null,
      status text not null default 'active' check (status in ('active', 'disabled')),
      must_change_password boolean not null default false,
      password_changed_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index users_username_idx on users (lower(username));
    create index users_org_idx on users (org_id);

    create table user_roles (
      user_id uuid not null references users(id),
      role_key text not null references roles(key),
      primary key (user_id, role_key)
    );

    -- Keyed by the name typed at login, not by account, so that an unknown name locks
    -- exactly like a real one and the response never reveals which exists.
    create table login_throttle (
      login_name text primary key,
      failed_count integer not null default 0,
      lockout_count integer not null default 0,
      locked_until timestamptz,
      last_failed_at timestamptz
    );

    create table sessions (
      id text primary key,
      user_id uuid not null references users(id),
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip text,
      user_agent text
    );
    create index sessions_user_idx on sessions (user_id);

    create table audit_log (
      id bigint primary key,
      at timestamptz not null,
      user_id uuid,
      username text,
      org_id uuid,
      region_code text collate "C",
      action text not null,
      object_type text,
      object_id text,
      result text not null,
      status_code smallint,
      ip text,
      request_id text,
      details text,
      algorithm text not null,
      prev_hash text not null,
      hash text not null
    );
    create index audit_log_at_idx on audit_log (at desc, id desc);
    create index audit_log_user_idx on audit_log (user_id, id desc);
    create index audit_log_region_idx on audit_log (region_code, id desc);

    -- The chain's tail, one row, locked by every writer: it serialises appends so each
    -- row can link to the previous one without a table scan.
    create table audit_head (
      singleton boolean primary key default true check (singleton),
      last_id bigint not null,
      last_hash text not null
    );

    create function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
    end $$;
    create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_refuse_change();
    create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_refuse_change();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists audit_head, audit_log, sessions, login_throttle, user_roles, users, roles,
      industry_routes, orgs, industries, regions cascade;
    drop function if exists audit_log_refuse_change();
  `.execute(db);
}
