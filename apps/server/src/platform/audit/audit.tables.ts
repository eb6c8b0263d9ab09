import type { ColumnType } from 'kysely';

export interface AuditLogTable {
  id: ColumnType<string, string | number, never>;
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
  hash: string;
}

export interface AuditHeadTable {
  singleton: ColumnType<boolean, boolean | undefined, never>;
  last_id: ColumnType<string, string | number, string | number>;
  last_hash: string;
}
