import { sql, type Kysely } from 'kysely';

/**
 * The audit chain is linked after commit instead of inside every writer's transaction (issue 5).
 * Linking in the writer meant every state-changing request in the province took one lock and
 * held it through its commit's disk flush: 93 hazard reports a second, at most, on the bench.
 * Now a writer inserts its row (in its own transaction, so the row and the change it records
 * still commit or vanish together) with no link; the chainer (platform/audit/audit.chainer.ts,
 * a job every second) takes the committed rows in id order, gives each its place in the
 * chain (chain_seq) and its prev_hash and hash. The trigger still refuses every UPDATE and
 * DELETE except that one: filling the three chain columns of a row that has none, all else
 * unchanged. Rows chained before this migration keep their place (chain_seq = id).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table audit_log disable trigger audit_log_no_update;
    alter table audit_log add column chain_seq bigint;
    update audit_log set chain_seq = id;
    alter table audit_log enable trigger audit_log_no_update;
    alter table audit_log alter column prev_hash drop not null, alter column hash drop not null;
    create unique index audit_log_chain_idx on audit_log (chain_seq);
    create index audit_log_unchained_idx on audit_log (id) where chain_seq is null;

    create sequence audit_log_id_seq owned by audit_log.id;
    select setval('audit_log_id_seq', coalesce((select max(id) from audit_log), 0) + 1, false);
    alter table audit_log alter column id set default nextval('audit_log_id_seq');

    alter table audit_head rename column last_id to last_seq;
    insert into audit_head (last_seq, last_hash) select 0, repeat('0', 64) where not exists (select 1 from audit_head);

    create or replace function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and old.chain_seq is null and new.chain_seq is not null and new.prev_hash is not null and new.hash is not null
        and to_jsonb(new) - 'chain_seq' - 'prev_hash' - 'hash' = to_jsonb(old) - 'chain_seq' - 'prev_hash' - 'hash' then
        return new;
      end if;
      raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
    end $$;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
    end $$;
    alter table audit_head rename column last_seq to last_id;
    alter table audit_log alter column id drop default;
    drop sequence if exists audit_log_id_seq;
    drop index if exists audit_log_unchained_idx;
    drop index if exists audit_log_chain_idx;
    alter table audit_log drop column chain_seq;
  `.execute(db);
}
