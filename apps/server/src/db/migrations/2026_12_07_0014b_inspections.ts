import { sql, type Kysely } from 'kysely';
import { BUILTIN_CHECKLISTS, ROOT_REGION_CODE } from '@anjian/domain';

/**
 * Inspections (issue 12): versioned checklists and inspection records.
 *
 * - inspection_checklists: one row per published version of an industry's checklist, by the
 *   region that issued it (the platform's own at the root). Append-only: a published version
 *   never changes; a new version names the one it supersedes. The platform's version 1 of each
 *   industry is written here, from packages/domain as it stood at this migration — a later
 *   change to BUILTIN_CHECKLISTS ships as a new version in a new migration.
 * - inspections: the record (draft → recorded → archived), its team, its per-item results
 *   (a failed item links the hazard it became), its files and its events (append-only).
 * - draw_pair_id links the 双随机 draw's pairing (draws module) by id; its foreign key is
 *   added when the modules are merged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- No foreign keys on region and industry: the platform's versions are written here, before
    -- the region tree and the industry list are loaded at the first start.
    create table inspection_checklists (
      id uuid primary key default gen_random_uuid(),
      region_code text collate "C" not null,
      industry_code text not null,
      version integer not null check (version >= 1),
      title text not null,
      items jsonb not null,
      supersedes_id uuid references inspection_checklists(id),
      published_at timestamptz not null,
      published_by text not null,
      published_by_org_id uuid references orgs(id),
      unique (region_code, industry_code, version)
    );
    create trigger inspection_checklists_append_only before update or delete on inspection_checklists
      for each row execute function ledger_refuse_change();

    create table inspections (
      id uuid primary key default gen_random_uuid(),
      type text not null check (type in ('random_draw', 'unannounced', 'covert', 'campaign', 'expert', 'reinspection')),
      status text not null check (status in ('draft', 'recorded', 'archived')),
      enterprise_id uuid not null references orgs(id),
      region_code text collate "C" not null references regions(code),
      industry_code text not null references industries(code),
      org_id uuid not null references orgs(id),
      checklist_id uuid not null references inspection_checklists(id),
      inspected_on date not null,
      draw_pair_id uuid,
      recorder_id uuid not null references users(id),
      summary text,
      enterprise_signature jsonb,
      recorded_at timestamptz,
      archived_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index inspections_region_idx on inspections (region_code, inspected_on desc, id desc);
    create index inspections_enterprise_idx on inspections (enterprise_id, status);

    create table inspection_members (
      inspection_id uuid not null references inspections(id),
      user_id uuid not null references users(id),
      name text not null,
      position smallint not null,
      signature jsonb,
      primary key (inspection_id, user_id)
    );
    create index inspection_members_user_idx on inspection_members (user_id);

    create table inspection_results (
      inspection_id uuid not null references inspections(id),
      item_key text not null,
      result text not null check (result in ('pass', 'fail', 'na')),
      note text,
      photos uuid[] not null default '{}',
      hazard_id bigint references hazards(id),
      primary key (inspection_id, item_key)
    );

    create table inspection_files (
      inspection_id uuid not null references inspections(id),
      file_id uuid not null references files(id),
      kind text not null check (kind in ('photo', 'signature')),
      primary key (inspection_id, file_id)
    );
    create index inspection_files_file_idx on inspection_files (file_id);

    create table inspection_events (
      id bigint generated always as identity primary key,
      inspection_id uuid not null references inspections(id),
      seq integer not null,
      action text not null,
      from_status text,
      to_status text not null,
      actor_id uuid references users(id),
      actor_name text not null,
      at timestamptz not null,
      data jsonb,
      unique (inspection_id, seq)
    );
    create trigger inspection_events_append_only before update or delete on inspection_events
      for each row execute function ledger_refuse_change();
  `.execute(db);

  const at = new Date('2026-12-07T00:00:00Z');
  for (const list of BUILTIN_CHECKLISTS) {
    await sql`
      insert into inspection_checklists (region_code, industry_code, version, title, items, published_at, published_by)
      values (${ROOT_REGION_CODE}, ${list.industryCode}, 1, ${list.title}, ${JSON.stringify(list.items)}::jsonb, ${at}, '平台内置')`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table inspection_events;
    drop table inspection_files;
    drop table inspection_results;
    drop table inspection_members;
    drop table inspections;
    drop table inspection_checklists;
  `.execute(db);
}
