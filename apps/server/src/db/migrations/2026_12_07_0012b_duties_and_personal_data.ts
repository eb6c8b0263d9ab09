import { sql, type Kysely } from 'kysely';

/**
 * Issue 9, separation of duties and personal information.
 *
 * `user_activations`: one-time links through which a system or audit administrator, granted
 * out of band by the operator's CLI, sets its own password. Only the token's SHA-256 is kept.
 *
 * Personal data moves to SM4 ciphertext columns (platform/secrets/pii.ts). The key is kept
 * outside the database, so this migration cannot encrypt: it adds the new columns and, on
 * each old plaintext column, a NOT VALID check that it stays empty — enforced for every row
 * written from now on, not yet for the rows already there. At start, before serving, the
 * platform encrypts those rows in batches and then validates each check (bootstrap →
 * encryptLegacyPii), after which the database itself guarantees no plaintext remains.
 *
 * - users.phone → phone_enc, with phone_bidx (a blind index) for finding an account by phone
 * - enterprises.safety_contacts → safety_contacts_enc (the whole list, names and phones)
 * - a citizen reporter's identity (hazards.found_by_name of a public_report) → hazard_reporters
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table user_activations (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id),
      token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
      role_key text not null references roles(key),
      expires_at timestamptz not null,
      used_at timestamptz,
      issued_by text not null,
      created_at timestamptz not null default now()
    );
    create index user_activations_user_idx on user_activations (user_id, created_at desc);

    alter table users add column phone_enc text, add column phone_bidx text;
    create index users_phone_bidx_idx on users (phone_bidx) where phone_bidx is not null;
    alter table users add constraint users_phone_encrypted check (phone is null) not valid;

    alter table enterprises add column safety_contacts_enc text;
    alter table enterprises add constraint enterprises_contacts_encrypted check (safety_contacts = '[]'::jsonb) not valid;

    -- A citizen's name and phone, encrypted; found_by_name of a public report stays empty.
    create table hazard_reporters (
      hazard_id bigint primary key references hazards(id),
      identity_enc text not null,
      created_at timestamptz not null default now()
    );
    alter table hazards add constraint hazards_reporter_confidential check (source <> 'public_report' or found_by_name = '') not valid;
  `.execute(db);
}

/** Down drops the ciphertexts with their columns: the key to turn them back is not in the database. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table hazards drop constraint hazards_reporter_confidential;
    drop table hazard_reporters;
    alter table enterprises drop constraint enterprises_contacts_encrypted;
    alter table enterprises drop column safety_contacts_enc;
    alter table users drop constraint users_phone_encrypted;
    drop index users_phone_bidx_idx;
    alter table users drop column phone_enc, drop column phone_bidx;
    drop table user_activations;
  `.execute(db);
}
