import type { ColumnType, Generated } from 'kysely';
import type { Measure } from '@anjian/domain';

type Json<T> = ColumnType<T, string, string>;
type Money = ColumnType<string, number | undefined, number>;
type Id = ColumnType<string, never, never>;

/** The cases module's tables, as Kysely sees them (see platform/db/schema.ts). */
export interface CasesTable {
  id: Generated<string>;
  number: string;
  enterprise_id: string;
  enterprise_name: string;
  region_code: string;
  industry_code: string | null;
  org_id: string;
  org_name: string;
  org_region_code: string;
  cause: string;
  facts: string | null;
  source: string;
  /** The inspection that found it; no foreign key until the inspections module is merged. */
  inspection_id: string | null;
  hazard_ids: ColumnType<string[], string[] | undefined, string[]>;
  status: string;
  filed_on: string;
  extension_days: Generated<number>;
  proposed_measures: ColumnType<Measure[], string | undefined, string>;
  notified_on: string | null;
  hearing_right: Generated<boolean>;
  response: ColumnType<{ waived: boolean; hearingRequested: boolean; hearingHeld: boolean }, string | undefined, string>;
  decided_on: string | null;
  served_on: string | null;
  executed_on: string | null;
  closed_on: string | null;
  paid_fen: Money;
  outcome_reason: string | null;
  escalated_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  version: Generated<number>;
}

export interface CaseMeasuresTable {
  id: Generated<string>;
  case_id: string;
  position: number;
  kind: string;
  legal_basis: string;
  amount_fen: ColumnType<string | null, number | null, number | null>;
  deadline: string | null;
  licence: string | null;
  licence_action: string | null;
  content: string | null;
}

export interface CaseEventsTable {
  id: Id;
  case_id: string;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  actor_name: string;
  actor_org_name: string | null;
  at: Date;
  comment: string | null;
  data: Json<unknown> | null;
}

export interface CaseDocumentsTable {
  id: Generated<string>;
  seq: Id;
  case_id: string;
  kind: string;
  number: string;
  file_id: string;
  sha256: string;
  size: number;
  generated_at: Date;
  generated_by: string | null;
  generated_ms: number;
}

export interface CaseNumberSeqTable {
  org_id: string;
  kind: string;
  year: number;
  last: number;
}

export interface ResumptionsTable {
  id: Generated<string>;
  enterprise_id: string;
  enterprise_name: string;
  region_code: string;
  industry_code: string | null;
  case_id: string | null;
  status: string;
  statement: string;
  applied_by: string;
  applied_at: Date;
  inspection_id: string | null;
  items: ColumnType<{ item: string; passed: boolean; note?: string }[], string | undefined, string>;
  summary: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  reason: string | null;
}

export interface ClosureRechecksTable {
  id: Generated<string>;
  enterprise_id: string;
  enterprise_name: string;
  region_code: string;
  industry_code: string | null;
  case_id: string | null;
  due_on: string;
  checked_on: string | null;
  result: string | null;
  note: string | null;
  checked_by: string | null;
  checked_by_name: string | null;
}

export interface BlacklistEntriesTable {
  id: Generated<string>;
  enterprise_id: string;
  enterprise_name: string;
  region_code: string;
  case_id: string;
  reason: string;
  legal_basis: string;
  from_on: string;
  to_on: string;
  issuing_level: number;
  issuing_org_id: string;
  issuing_org_name: string;
  created_by: string | null;
  created_at: Date;
  removed_at: Date | null;
  removed_reason: string | null;
  removed_by_name: string | null;
}

export interface BlacklistEventsTable {
  id: Id;
  entry_id: string;
  action: string;
  reason: string;
  actor_id: string | null;
  actor_name: string;
  at: Date;
}

export interface InterviewsTable {
  id: Generated<string>;
  enterprise_id: string;
  enterprise_name: string;
  region_code: string;
  industry_code: string | null;
  org_id: string;
  org_name: string;
  held_on: string;
  principal: string;
  attendees: string[];
  case_ids: ColumnType<string[], string[] | undefined, string[]>;
  hazard_ids: ColumnType<string[], string[] | undefined, string[]>;
  reasons: string;
  commitments: string;
  follow_up_on: string;
  follow_up_result: string | null;
  followed_up_at: Date | null;
  created_by: string | null;
  created_at: Date;
}

export interface CasesTables {
  cases: CasesTable;
  case_measures: CaseMeasuresTable;
  case_events: CaseEventsTable;
  case_documents: CaseDocumentsTable;
  case_number_seq: CaseNumberSeqTable;
  resumptions: ResumptionsTable;
  closure_rechecks: ClosureRechecksTable;
  blacklist_entries: BlacklistEntriesTable;
  blacklist_events: BlacklistEventsTable;
  interviews: InterviewsTable;
}
