import type { ColumnType, Generated } from 'kysely';

type Id = ColumnType<string, never, never>;
type Json<T> = ColumnType<T, string | null, string | null>;

export interface HazardsTable {
  id: Id;
  title: string;
  description: string;
  enterprise_id: string | null;
  region_code: string;
  industry_code: string | null;
  location: string | null;
  latitude: ColumnType<string | null, number | null, number | null>;
  longitude: ColumnType<string | null, number | null, number | null>;
  level: 'general' | 'major';
  criterion_clause: string | null;
  source: string;
  status: string;
  found_by_name: string;
  found_on: string;
  reported_by: string | null;
  reporter_org_id: string | null;
  reported_at: Date;
  responsible_org_id: string | null;
  responsible_unit: string | null;
  responsible_person: string | null;
  supervising_department_id: string | null;
  assigned_by_org_id: string | null;
  assigned_at: Date | null;
  deadline: string | null;
  plan: Json<Record<string, string> | null>;
  extension_request: Json<{ requestedDeadline: string; reason: string; requestedAt: string; byOrgId: string } | null>;
  listed_level: number | null;
  listed_region_code: string | null;
  listing: Json<{ liaisonLeader: string; departmentId: string; departmentName: string; suspend: boolean; orgId: string; listedAt: string } | null>;
  submitted_at: Date | null;
  closed_at: Date | null;
  closed_on: string | null;
  acceptance: Json<Record<string, unknown> | null>;
  escalated_at: Date | null;
  /** When the escalation job reported a late acceptance (验收超期) of the pending submission. */
  acceptance_escalated_at: Date | null;
  accountability_required: Generated<boolean>;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface HazardEventsTable {
  id: Id;
  hazard_id: string;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  actor_name: string;
  actor_org_id: string | null;
  actor_org_name: string | null;
  at: Date;
  comment: string | null;
  data: Json<Record<string, unknown> | null>;
}

export interface HazardFilesTable {
  hazard_id: string;
  file_id: string;
  event_id: string | null;
  kind: 'before' | 'after' | 'progress' | 'document';
}

export interface HazardAccountabilityTable {
  id: Id;
  hazard_id: string;
  event_id: string;
  person: string;
  person_org: string | null;
  failure: string;
  decision: string;
  decided_by_org_id: string | null;
  decided_on: string;
  created_at: Date;
}

export interface HazardReviewDrawsTable {
  id: Id;
  org_id: string;
  region_code: string;
  seed: string;
  algorithm: string;
  size: number | null;
  percent: ColumnType<string | null, number | null, never>;
  period_from: string | null;
  period_to: string | null;
  population: ColumnType<string[], string[], never>;
  sample: ColumnType<string[], string[], never>;
  drawn_by: string;
  drawn_at: Date;
  /** The drawer's industries (an industry department's scope); null: every industry. */
  industries: ColumnType<string[] | null, string[] | null, never>;
}

export interface NotificationsTable {
  id: Id;
  org_id: string;
  hazard_id: string | null;
  kind: string;
  title: string;
  created_at: Date;
  read_at: Date | null;
}

/** The ledger's counts per region tier (migration 0005), kept by triggers; read-only to code. */
export interface HazardLedgerCountsTable {
  region_code: string;
  status: string;
  level: string;
  listed: boolean;
  n: ColumnType<string, never, never>;
}

/**
 * Open hazards with a running clock, per region tier, whose lateness it would be ('o' 逾期, 'a'
 * 验收超期) and last day in time (migrations 0010, 0012c): late today is the rows whose last day has passed.
 */
export interface HazardLedgerDueTable {
  region_code: string;
  due_by: 'o' | 'a';
  due_on: string;
  status: string;
  level: string;
  listed: boolean;
  n: ColumnType<string, never, never>;
}

/**
 * The change log behind the rollups (migration 0008): a hazard as it is now (+1) or was (−1),
 * for every write, until the fold job moves it into the counts. Written by triggers only.
 */
export interface HazardChangesTable {
  sign: ColumnType<number, never, never>;
  region_code: ColumnType<string, never, never>;
  status: ColumnType<string, never, never>;
  level: ColumnType<string, never, never>;
  source: ColumnType<string, never, never>;
  industry_code: ColumnType<string | null, never, never>;
  found_on: ColumnType<string, never, never>;
  closed_on: ColumnType<string | null, never, never>;
  deadline: ColumnType<string | null, never, never>;
  listed_level: ColumnType<number | null, never, never>;
  escalated_at: ColumnType<Date | null, never, never>;
  accountability_required: ColumnType<boolean, never, never>;
  submitted_at: ColumnType<Date | null, never, never>;
}

/** A citizen reporter's name and phone (public_report), SM4-encrypted; read only through the audited route. */
export interface HazardReportersTable {
  hazard_id: string;
  identity_enc: string;
  created_at: Generated<Date>;
}

/** The hazards module's tables, as Kysely sees them (see platform/db/schema.ts). */
export interface HazardsTables {
  hazards: HazardsTable;
  hazard_events: HazardEventsTable;
  hazard_files: HazardFilesTable;
  hazard_accountability: HazardAccountabilityTable;
  hazard_reporters: HazardReportersTable;
  hazard_review_draws: HazardReviewDrawsTable;
  notifications: NotificationsTable;
  hazard_ledger_counts: HazardLedgerCountsTable;
  hazard_changes: HazardChangesTable;
  hazard_ledger_due: HazardLedgerDueTable;
}
