import { sql, type Kysely } from 'kysely';

/**
 * Issue 12, the links between the enforcement modules, as foreign keys:
 * - inspections.draw_pair_id → draw_pairs(id), at most one inspection per pair (a partial
 *   unique index: the pair's 一公开 result is that one inspection's);
 * - draw_pairs.inspection_id → inspections(id). The pair's trigger keeps the drawn columns
 *   fixed; it now also keeps the link once made (a pair is inspected once, by that record),
 *   while the outcome columns (inspected_on, findings, measures, closed) stay writable;
 * - cases.inspection_id → inspections(id) (the inspection that found the case);
 * - inspections.order_case_id → cases(id): a 复查 names the case whose 责令限期整改 it re-checks,
 *   and only a 复查 may (check).
 * Rows written before the keys (demo data of an older start) that name nothing are cleared
 * first, so the keys can be added on any existing database.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update inspections i set draw_pair_id = null where draw_pair_id is not null and not exists (select 1 from draw_pairs p where p.id = i.draw_pair_id);
    update cases c set inspection_id = null where inspection_id is not null and not exists (select 1 from inspections i where i.id = c.inspection_id);
    alter table inspections add constraint inspections_draw_pair_fk foreign key (draw_pair_id) references draw_pairs(id);
    create unique index inspections_one_per_pair on inspections (draw_pair_id) where draw_pair_id is not null;
    alter table draw_pairs add constraint draw_pairs_inspection_fk foreign key (inspection_id) references inspections(id);
    create unique index draw_pairs_inspection_idx on draw_pairs (inspection_id) where inspection_id is not null;
    alter table cases add constraint cases_inspection_fk foreign key (inspection_id) references inspections(id);
    create index cases_inspection_idx on cases (inspection_id) where inspection_id is not null;
    alter table inspections add column order_case_id uuid references cases(id);
    alter table inspections add constraint inspections_order_case_reinspection check (order_case_id is null or type = 'reinspection');
    create index inspections_order_case_idx on inspections (order_case_id) where order_case_id is not null;

    create or replace function draw_pairs_drawn_fixed() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'a drawn pair is never deleted' using errcode = 'P0001';
      end if;
      if (new.draw_id, new.position, new.stratum, new.enterprise_id, new.inspector_ids, new.region_code, new.industries)
          is distinct from (old.draw_id, old.position, old.stratum, old.enterprise_id, old.inspector_ids, old.region_code, old.industries) then
        raise exception 'pair %: what was drawn cannot change', old.id using errcode = 'P0001';
      end if;
      if old.inspection_id is not null and new.inspection_id is distinct from old.inspection_id then
        raise exception 'pair %: its inspection is linked for good', old.id using errcode = 'P0001';
      end if;
      return new;
    end $$;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function draw_pairs_drawn_fixed() returns trigger language plpgsql as $$
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
    alter table inspections drop column order_case_id;
    drop index cases_inspection_idx;
    alter table cases drop constraint cases_inspection_fk;
    drop index draw_pairs_inspection_idx;
    alter table draw_pairs drop constraint draw_pairs_inspection_fk;
    drop index inspections_one_per_pair;
    alter table inspections drop constraint inspections_draw_pair_fk;
  `.execute(db);
}
