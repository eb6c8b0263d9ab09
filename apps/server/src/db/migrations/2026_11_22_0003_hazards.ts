import { sql, type Kysely } from 'kysely';

/**
 * Hazards (隐患) and the closed loop. `hazards` holds each hazard's current state, written in
 * the same transaction as the event that changed it; `hazard_events` is the append-only
 * timeline (refuses UPDATE and DELETE). Files are content-addressed on disk; `files` records
 * each upload and `hazard_files` which hazard (and event) it belongs to.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table files (
      id uuid primary key default gen_random_uuid(),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      mime text not null,
      size integer not null check (size > 0),
      name text not null,
      uploaded_by uuid not null references users(id),
      uploaded_at timestamptz not null default now()
    );
    create index files_uploader_idx on files (uploaded_by, uploaded_at desc);

    create table hazards (
      id bigint generated always as identity primary key,
      title text not null,
      description text not null default '',
      enterprise_id uuid references orgs(id),
      region_code text collate "C" not null references regions(code),
      industry_code text references industries(code),
      location text,
      latitude numeric(9, 6),
      longitude numeric(9, 6),
      level text not null check (level in ('general', 'major')),
      criterion_clause text,
      source text not null,
      status text not null,
      found_by_name text not null,
      found_on date not null,
      reported_by uuid references users(id),
      reporter_org_id uuid references orgs(id),
      reported_at timestamptz not null,
      -- 交办
      responsible_org_id uuid references orgs(id),
      responsible_unit text,
      responsible_person text,
      supervising_department_id uuid references orgs(id),
      assigned_by_org_id uuid references orgs(id),
      assigned_at timestamptz,
      deadline date,
      plan jsonb,
      extension_request jsonb,
      -- 挂牌督办
      listed_level smallint check (listed_level between 1 and 3),
      listed_region_code text collate "C",
      listing jsonb,
      -- 复查 / 验收
      submitted_at timestamptz,
      closed_at timestamptz,
      closed_on date,
      acceptance jsonb,
      -- 逾期升级与问责
      escalated_at timestamptz,
      accountability_required boolean not null default false,
      version integer not null default 0,
      updated_at timestamptz not null default now()
    );
    -- The ledger's common paths: a region subtree newest first, open items by deadline,
    -- an enterprise's hazards, a department's, listings.
    create index hazards_region_idx on hazards (region_code, id desc);
    create index hazards_open_deadline_idx on hazards (deadline, region_code) where status in ('verified', 'rectifying', 'pending_acceptance');
    create index hazards_status_region_idx on hazards (status, region_code);
    create index hazards_enterprise_idx on hazards (enterprise_id, id desc) where enterprise_id is not null;
    create index hazards_department_idx on hazards (supervising_department_id, id desc) where supervising_department_id is not null;
    create index hazards_responsible_idx on hazards (responsible_org_id, status) where responsible_org_id is not null;
    create index hazards_listed_idx on hazards (listed_region_code) where listed_level is not null;
    create index hazards_found_on_idx on hazards (found_on, region_code);

    create table hazard_events (
      id bigint generated always as identity primary key,
      hazard_id bigint not null references hazards(id),
      seq integer not null,
      action text not null,
      from_status text,
      to_status text not null,
      actor_id uuid references users(id),
      actor_name text not null,
      actor_org_id uuid references orgs(id),
      actor_org_name text,
      at timestamptz not null,
      comment text,
      data jsonb,
      unique (hazard_id, seq)
    );

    create table hazard_files (
      hazard_id bigint not null references hazards(id),
      file_id uuid not null references files(id),
      event_id bigint references hazard_events(id),
      kind text not null check (kind in ('before', 'after', 'progress', 'document')),
      primary key (hazard_id, file_id)
    );
    create index hazard_files_file_idx on hazard_files (file_id);

    create table hazard_accountability (
      id bigint generated always as identity primary key,
      hazard_id bigint not null references hazards(id),
      event_id bigint not null references hazard_events(id),
      person text not null,
      person_org text,
      failure text not null,
      decision text not null,
      decided_by_org_id uuid references orgs(id),
      decided_on date not null,
      created_at timestamptz not null
    );
    create index hazard_accountability_hazard_idx on hazard_accountability (hazard_id);

    -- 回头看: each draw is recorded with its seed and population so anyone can re-run it.
    create table hazard_review_draws (
      id bigint generated always as identity primary key,
      org_id uuid not null references orgs(id),
      region_code text collate "C" not null,
      seed text not null,
      algorithm text not null,
      size integer,
      percent numeric(5, 2),
      period_from date,
      period_to date,
      population bigint[] not null,
      sample bigint[] not null,
      drawn_by uuid not null references users(id),
      drawn_at timestamptz not null
    );

    create table notifications (
      id bigint generated always as identity primary key,
      org_id uuid not null references orgs(id),
      hazard_id bigint references hazards(id),
      kind text not null,
      title text not null,
      created_at timestamptz not null,
      read_at timestamptz
    );
    create index notifications_org_idx on notifications (org_id, id desc);
    create index notifications_unread_idx on notifications (org_id) where read_at is null;

    create function hazard_events_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'hazard_events is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
    end $$;
    create trigger hazard_events_no_update before update or delete on hazard_events
      for each row execute function hazard_events_refuse_change();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists notifications, hazard_review_draws, hazard_accountability, hazard_files, hazard_events, hazards, files cascade;
    drop function if exists hazard_events_refuse_change();
  `.execute(db);
}
