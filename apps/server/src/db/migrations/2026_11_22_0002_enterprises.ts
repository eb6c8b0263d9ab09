import { sql, type Kysely } from 'kysely';

/**
 * Enterprises (企业). An enterprise IS an organisation of type 'enterprise' (its name and
 * region live in `orgs`, so region scope and enterprise accounts work unchanged); this
 * table holds the registry facts. Checks repeat the service's rules so that no import,
 * script or future module can store what the API would refuse.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table enterprises (
      org_id uuid primary key references orgs(id),
      -- GB 32100-2015: 31-character set (no I, O, S, V, Z), digits 3–8 a region code.
      uscc text collate "C" not null unique
        check (uscc ~ '^[0-9A-HJ-NP-RTUW-Y]{2}[0-9]{6}[0-9A-HJ-NP-RTUW-Y]{10}$'),
      address text not null check (length(address) between 1 and 200),
      -- Roughly China's bounding box; a point outside is a typo (swapped lat/lng, missing digit).
      latitude numeric(9, 6) check (latitude between 3 and 54),
      longitude numeric(9, 6) check (longitude between 73 and 136),
      industries text[] not null check (cardinality(industries) between 1 and 10),
      scale text not null check (scale in ('large', 'medium', 'small', 'micro')),
      legal_representative text not null,
      principal text not null,
      actual_controller text,
      safety_contacts jsonb not null default '[]'
        check (jsonb_typeof(safety_contacts) = 'array' and jsonb_array_length(safety_contacts) <= 5),
      status text not null default 'operating' check (status in ('operating', 'suspended', 'closed')),
      status_reason text,
      status_changed_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((latitude is null) = (longitude is null))
    );
    -- Department scope and the industry filter: industries && / @> use it.
    create index enterprises_industries_idx on enterprises using gin (industries);
    create index enterprises_status_idx on enterprises (status);
    -- The list's keyset order (region, name, id) under a region prefix, enterprises only.
    create index orgs_enterprise_list_idx on orgs (region_code, name, id) where type = 'enterprise';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index if exists orgs_enterprise_list_idx;
    drop table if exists enterprises cascade;
  `.execute(db);
}
