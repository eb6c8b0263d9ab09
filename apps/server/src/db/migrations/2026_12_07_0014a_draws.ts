import { sql, type Kysely } from 'kysely';

/**
 * 双随机 inspection plans and draws (issue 12, modules/draws).
 *
 * A draw row is written twice, never more: at "fix the inputs" (register and pool snapshots,
 * their hashes, the counts, the commitment H(seed) and the secret seed), and at "draw" (the
 * result). The trigger refuses any other change, so a drawn draw can never be re-run to give
 * another result, whatever code runs; the commitment is unique and a check ties it to the
 * seed, so the seed revealed is the one committed to. Pairs keep their drawn columns for good;
 * only what the inspection later brings (date, findings, measures, closed) may be filled in.
 * Links to inspections are plain uuid columns for now (the lead adds the foreign keys).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table inspection_plans (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references orgs(id),
      region_code text collate "C" not null references regions(code),
      -- null: every industry (a committee office's plan); a department's are within its own.
      industries text[] check (industries is null or cardinality(industries) between 1 and 30),
      name text not null check (length(name) between 1 and 100),
      year int not null check (year between 2000 and 2100),
      key_rule jsonb not null check (jsonb_typeof(key_rule) = 'object'),
      key_times_per_year int not null check (key_times_per_year between 0 and 12),
      others_percent numeric(9, 6) not null check (others_percent between 0 and 100),
      rounds_per_year int not null check (rounds_per_year between 1 and 12),
      team_size int not null check (team_size between 2 and 5),
      created_by uuid not null references users(id),
      created_at timestamptz not null default now()
    );
    create index inspection_plans_region_idx on inspection_plans (region_code, year desc);

    create table inspection_plan_inspectors (
      plan_id uuid not null references inspection_plans(id),
      user_id uuid not null references users(id),
      cert_no text not null check (length(cert_no) between 1 and 40),
      cert_valid_until date not null,
      added_by uuid not null references users(id),
      added_at timestamptz not null default now(),
      primary key (plan_id, user_id)
    );

    create table inspector_avoidances (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null,
      user_id uuid not null,
      enterprise_id uuid not null references orgs(id),
      reason text not null check (length(reason) between 1 and 200),
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      unique (plan_id, user_id, enterprise_id),
      foreign key (plan_id, user_id) references inspection_plan_inspectors (plan_id, user_id) on delete cascade
    );

    create table inspection_draws (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references inspection_plans(id),
      region_code text collate "C" not null references regions(code),
      industries text[],
      status text not null check (status in ('committed', 'drawn')),
      period_from date not null,
      period_to date not null check (period_to >= period_from),
      algorithm text not null,
      register jsonb not null check (jsonb_typeof(register) = 'array'),
      pool jsonb not null check (jsonb_typeof(pool) = 'array'),
      -- Names and places of the register's enterprises, for people reading the lists (not hashed).
      register_names jsonb not null check (jsonb_typeof(register_names) = 'object'),
      register_hash text not null check (register_hash ~ '^[0-9a-f]{64}$'),
      pool_hash text not null check (pool_hash ~ '^[0-9a-f]{64}$'),
      register_count int not null check (register_count = jsonb_array_length(register)),
      pool_count int not null check (pool_count = jsonb_array_length(pool) and pool_count >= team_size),
      quota_key int not null check (quota_key >= 0),
      quota_other int not null check (quota_other >= 0),
      team_size int not null check (team_size >= 2),
      commitment text not null unique check (commitment ~ '^[0-9a-f]{64}$'),
      inputs_hash text not null check (inputs_hash ~ '^[0-9a-f]{64}$'),
      -- Kept secret until the draw (no answer shows it before); the commitment is its hash.
      seed text not null check (length(seed) >= 32 and commitment = encode(sha256(convert_to(seed, 'UTF8')), 'hex')),
      result jsonb,
      result_hash text,
      fixed_by uuid not null references users(id),
      fixed_at timestamptz not null,
      drawn_by uuid references users(id),
      drawn_at timestamptz,
      check ((status = 'drawn') = (result is not null and result_hash is not null and drawn_by is not null and drawn_at is not null))
    );
    create index inspection_draws_plan_idx on inspection_draws (plan_id, fixed_at desc);
    -- One commitment outstanding per plan: nobody holds several and reveals the one they like.
    create unique index inspection_draws_one_pending on inspection_draws (plan_id) where status = 'committed';
    create index inspection_draws_region_idx on inspection_draws (region_code, fixed_at desc);

    create function inspection_draws_write_once() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'a draw is never deleted' using errcode = 'P0001';
      end if;
      if old.status = 'drawn' then
        raise exception 'draw % was drawn: it can never be drawn again or changed', old.id using errcode = 'P0001';
      end if;
      if new.status <> 'drawn' or (to_jsonb(new) - array['status', 'result', 'result_hash', 'drawn_by', 'drawn_at'])
          is distinct from (to_jsonb(old) - array['status', 'result', 'result_hash', 'drawn_by', 'drawn_at']) then
        raise exception 'draw %: the fixed inputs cannot change; the only change is the draw itself', old.id using errcode = 'P0001';
      end if;
      return new;
    end $$;
    create trigger inspection_draws_write_once before update or delete on inspection_draws
      for each row execute function inspection_draws_write_once();

    create table draw_pairs (
      id uuid primary key default gen_random_uuid(),
      draw_id uuid not null references inspection_draws(id),
      position int not null check (position >= 1),
      stratum text not null check (stratum in ('key', 'other')),
      enterprise_id uuid not null references orgs(id),
      inspector_ids uuid[] not null check (cardinality(inspector_ids) >= 2),
      region_code text collate "C" not null references regions(code),
      industries text[],
      -- Filled when the inspection lands (modules/inspections; foreign key added at merge).
      inspection_id uuid,
      inspected_on date,
      findings text check (length(findings) <= 2000),
      measures text check (length(measures) <= 2000),
      closed boolean,
      unique (draw_id, position),
      unique (draw_id, enterprise_id)
    );
    create index draw_pairs_enterprise_idx on draw_pairs (enterprise_id);

    create function draw_pairs_drawn_fixed() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'a drawn pair is never deleted' using errcode = 'P0001';
      end if;
      if (new.draw_id, new.position, new.stratum, new.enterprise_id, new.inspector_ids, new.region_code, new.industries)
          is distinct from (old.draw_id, old.position, old.stratum, old.enterprise_id, old.inspector_ids, old.region_code, old.industries) then
        raise exception 'pair %: what was drawn cannot change', old.id using errcode = 'P0001';
      end if;
      return new;
    end $$;
    create trigger draw_pairs_drawn_fixed before update or delete on draw_pairs
      for each row execute function draw_pairs_drawn_fixed();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists draw_pairs;
    drop function if exists draw_pairs_drawn_fixed;
    drop table if exists inspection_draws;
    drop function if exists inspection_draws_write_once;
    drop table if exists inspector_avoidances;
    drop table if exists inspection_plan_inspectors;
    drop table if exists inspection_plans;
  `.execute(db);
}
