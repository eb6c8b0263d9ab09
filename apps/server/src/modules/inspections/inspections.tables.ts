import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, never>;
type JsonMutable<T> = ColumnType<T | null, string | null, string | null>;

export interface InspectionChecklistsTable {
  id: Generated<string>;
  region_code: string;
  industry_code: string;
  version: number;
  title: string;
  items: Json<{ key: string; text: string; basis: string; clauseId?: string }[]>;
  supersedes_id: string | null;
  published_at: Date;
  published_by: string;
  published_by_org_id: string | null;
}

export interface InspectionsTable {
  id: Generated<string>;
  type: string;
  status: string;
  enterprise_id: string;
  region_code: string;
  industry_code: string;
  org_id: string;
  checklist_id: string;
  inspected_on: string;
  draw_pair_id: string | null;
  /** A 复查's case (the 责令限期整改 it re-checks). */
  order_case_id: Generated<string | null>;
  recorder_id: string;
  summary: string | null;
  enterprise_signature: JsonMutable<{ name: string; title: string | null; imageFileId: string | null; at: string }>;
  recorded_at: Date | null;
  archived_at: Date | null;
  version: Generated<number>;
  created_at: Date;
  updated_at: Date;
}

export interface InspectionMembersTable {
  inspection_id: string;
  user_id: string;
  name: string;
  position: number;
  signature: JsonMutable<{ signedAt: string; stateHash: string }>;
}

export interface InspectionResultsTable {
  inspection_id: string;
  item_key: string;
  result: string;
  note: string | null;
  photos: ColumnType<string[], string[], string[]>;
  hazard_id: string | null;
}

export interface InspectionFilesTable {
  inspection_id: string;
  file_id: string;
  kind: 'photo' | 'signature';
}

export interface InspectionEventsTable {
  id: Generated<string>;
  inspection_id: string;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  actor_name: string;
  at: Date;
  data: ColumnType<Record<string, unknown> | null, string | null, never>;
}

export interface InspectionsTables {
  inspection_checklists: InspectionChecklistsTable;
  inspections: InspectionsTable;
  inspection_members: InspectionMembersTable;
  inspection_results: InspectionResultsTable;
  inspection_files: InspectionFilesTable;
  inspection_events: InspectionEventsTable;
}
