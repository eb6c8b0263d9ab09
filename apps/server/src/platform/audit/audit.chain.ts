import crypto from 'node:crypto';
import type { AuditHashAlgorithm } from '../config.js';

export const GENESIS_HASH = '0'.repeat(64);

export function isAuditAlgorithm(value: string): value is AuditHashAlgorithm {
  return value === 'sm3' || value === 'sha256';
}

/** The fields a row's hash covers, in a fixed order. */
export interface ChainedFields {
  id: string;
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
  algorithm: AuditHashAlgorithm;
  /** The row's place in the chain. */
  chain_seq: string;
  /** The audit key the row was linked with; null only for rows linked before the chain was keyed. */
  key_id: string | null;
  prev_hash: string;
}

function fields(row: ChainedFields) {
  return [
    row.id, row.at.toISOString(), row.user_id, row.username, row.org_id, row.region_code,
    row.action, row.object_type, row.object_id, row.result, row.status_code, row.ip,
    row.request_id, row.details, row.algorithm,
  ];
}

/**
 * hash = HMAC_key(canonical row ‖ previous hash), with SM3 (GB/T 32905; Node's OpenSSL 3
 * provides it) or SHA-256 as the row's algorithm says. The canonical form is a JSON array in
 * a fixed order, so the same stored values always give the same bytes; it names the key and
 * the row's place, and the previous row's hash follows it, so a row can be neither changed,
 * moved nor re-linked without the key (which lives outside the database: platform/secrets).
 *
 * `key` null: the unkeyed hash of rows linked before issue 9, H(canonical ‖ previous hash),
 * which only rows sealed by the first checkpoint may carry (audit.verify.ts).
 */
export function rowHash(row: ChainedFields, key: Buffer | null): string {
  if (key === null) {
    return crypto.createHash(row.algorithm).update(JSON.stringify(fields(row))).update(row.prev_hash).digest('hex');
  }
  const canonical = JSON.stringify([...fields(row), row.key_id, row.chain_seq]);
  return crypto.createHmac(row.algorithm, key).update(canonical).update(row.prev_hash).digest('hex');
}
