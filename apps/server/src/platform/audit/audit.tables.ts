import type { ColumnType } from 'kysely';

export interface AuditLogTable {
  /** The row's identity, from a sequence: the order rows were written in, not committed in. */
  id: ColumnType<string, string | number | undefined, never>;
  at: Date;
  user_id: string | null;
  username: string | null;
  org_id: string | null;
  region_code: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: string;
  status_code: number | null;
  ip: string | null;
  request_id: string | null;
  details: string | null;
  /** The hash function: sm3 or sha256 (ANJIAN_AUDIT_HASH when written). */
  algorithm: string;
  /** The row's place in the chain, the previous row's hash and its own: null until the chainer links it (a second or so). */
  chain_seq: ColumnType<string | null, never, string>;
  prev_hash: ColumnType<string | null, never, string>;
  hash: ColumnType<string | null, never, string>;
  /** The audit key the row's hash is an HMAC with (platform/secrets); null for rows linked before the chain was keyed. */
  key_id: ColumnType<string | null, never, string>;
}

export interface AuditHeadTable {
  singleton: ColumnType<boolean, boolean | undefined, never>;
  last_seq: ColumnType<string, string | number, string | number>;
  last_hash: string;
  /** The rows linked before the chain was keyed (unkeyed hashes): links 1 to legacy_through. Set by the migration. */
  legacy_through: ColumnType<string, never, never>;
}
