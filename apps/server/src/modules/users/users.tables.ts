import type { ColumnType, Generated } from 'kysely';

export interface RolesTable {
  key: string;
  name_zh: string;
  name_en: string;
  permissions: string[];
  audiences: string[];
  builtin: Generated<boolean>;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  /** Legacy plaintext: always null (a check forbids more); see phone_enc. */
  phone: ColumnType<string | null, null | undefined, null>;
  /** SM4 ciphertext (platform/secrets/pii.ts, context 'users.phone'). */
  phone_enc: string | null;
  /** Blind index of the phone, to find an account by it. */
  phone_bidx: string | null;
  org_id: string;
  password_hash: string;
  status: Generated<'active' | 'disabled'>;
  must_change_password: Generated<boolean>;
  password_changed_at: Generated<Date>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface UserRolesTable {
  user_id: string;
  role_key: string;
}

/** A one-time link through which an administrator granted out of band sets its own password. */
export interface UserActivationsTable {
  id: Generated<string>;
  user_id: string;
  /** SHA-256 of the token (hex); the token itself is shown once, to the operator. */
  token_hash: string;
  role_key: string;
  expires_at: Date;
  used_at: Date | null;
  /** Who issued it on the server (the operator's OS account). */
  issued_by: string;
  created_at: Generated<Date>;
}
