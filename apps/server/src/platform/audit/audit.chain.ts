import crypto from 'node:crypto';
import type { AuditHashAlgorithm } from '../config.js';

export const GENESIS_HASH = '0'.repeat(64);

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
  algorithm: string;
  prev_hash: string;
}

/**
 * hash = H(canonical row ‖ previous hash). The canonical form is a JSON array in a fixed
 * order, so the same stored values always give the same bytes. SM3 (GB/T 32905) is the
 * default; Node's OpenSSL 3 provides it.
 */
export function rowHash(row: ChainedFields): string {
  const canonical = JSON.stringify([
    row.id, row.at.toISOString(), row.user_id, row.username, row.org_id, row.region_code,
    row.action, row.object_type, row.object_id, row.result, row.status_code, row.ip,
    row.request_id, row.details, row.algorithm,
  ]);
  return crypto.createHash(row.algorithm as AuditHashAlgorithm).update(canonical).update(row.prev_hash).digest('hex');
}
