import { sql, type Kysely } from 'kysely';

/**
 * The audit chain keyed (issue 9). Until now a row's hash was H(row ‖ previous hash), which
 * anyone able to write the table could recompute after changing a row. From here on the chainer
 * links each row with an HMAC under the audit key, which lives outside the database
 * (platform/secrets/keyring.ts), and records the key's id in the row (key_id), so that a
 * rotated key still verifies the rows it linked.
 *
 * Rows already linked keep their unkeyed hashes: audit_head.legacy_through records how many
 * there are, and the first checkpoint the server writes outside the database (at its next
 * start) seals that number, so no later row can be passed off as one of them.
 *
 * The append-only triggers fire in every session (ENABLE ALWAYS), replication sessions
 * included; the linking update must now name a key, so the application cannot link a row
 * unkeyed either; and only the two hash functions the verifier knows may be named.
 */
const REFUSE = (keyed: boolean) => `
    create or replace function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and old.chain_seq is null and new.chain_seq is not null and new.prev_hash is not null and new.hash is not null
        ${keyed ? `and new.key_id is not null and to_jsonb(new) - 'chain_seq' - 'prev_hash' - 'hash' - 'key_id' = to_jsonb(old) - 'chain_seq' - 'prev_hash' - 'hash' - 'key_id'`
          : `and to_jsonb(new) - 'chain_seq' - 'prev_hash' - 'hash' = to_jsonb(old) - 'chain_seq' - 'prev_hash' - 'hash'`} then
        return new;
      end if;
      raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
    end $$;`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table audit_log add column key_id text;
    alter table audit_log add constraint audit_log_algorithm_check check (algorithm in ('sm3', 'sha256'));
    alter table audit_head add column legacy_through bigint;
    update audit_head set legacy_through = last_seq;
    alter table audit_head alter column legacy_through set not null;
    ${sql.raw(REFUSE(true))}
    alter table audit_log enable always trigger audit_log_no_update;
    alter table audit_log enable always trigger audit_log_no_truncate;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table audit_log enable trigger audit_log_no_update;
    alter table audit_log enable trigger audit_log_no_truncate;
    ${sql.raw(REFUSE(false))}
    alter table audit_head drop column legacy_through;
    alter table audit_log drop constraint audit_log_algorithm_check;
    alter table audit_log drop column key_id;
  `.execute(db);
}
