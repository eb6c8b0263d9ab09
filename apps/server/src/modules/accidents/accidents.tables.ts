import type { ColumnType, Generated } from 'kysely';

/** bigint columns arrive from pg as strings; we write numbers. */
type Int8 = ColumnType<string, number | string | bigint, number | string | bigint>;

export interface AccidentsTable {
  id: Generated<string>;
  occurred_at: Date;
  /** Generated from occurred_at (Shanghai date); never written. */
  occurred_on: ColumnType<string, never, never>;
  region_code: string;
  place: string;
  enterprise_id: string | null;
  industry_code: string | null;
  category: string;
  initial_deaths: number;
  initial_missing: number;
  initial_serious_injuries: number;
  initial_minor_injuries: number;
  initial_direct_loss_yuan: Int8;
  initial_grade: string;
  deaths: number;
  missing: number;
  serious_injuries: number;
  minor_injuries: number;
  direct_loss_yuan: Int8;
  grade: string;
  summary: string;
  cause: string | null;
  reported_at: Date;
  reported_by: string;
  reporter_org_id: string;
  created_at: Date;
  updated_at: Date;
}

export interface AccidentSupplementsTable {
  id: Generated<string>;
  accident_id: string;
  /** 1, 2, … per accident, in recording order. */
  version: number;
  changed_at: Date;
  reported_at: Date;
  /** What the supplement named; null: not named (the figure kept its value). */
  deaths: number | null;
  missing: number | null;
  serious_injuries: number | null;
  minor_injuries: number | null;
  direct_loss_yuan: ColumnType<string | null, number | string | bigint | null, number | string | bigint | null>;
  /** The accident's complete figures once the supplement was recorded, and their grade. */
  result_deaths: number;
  result_missing: number;
  result_serious_injuries: number;
  result_minor_injuries: number;
  result_direct_loss_yuan: Int8;
  result_grade: string;
  counted: boolean;
  note: string | null;
  recorded_by: string;
  recorded_at: Date;
}

export interface AccidentEscalationsTable {
  accident_id: string;
  level: string;
  received_at: Date;
  recorded_by: string;
  recorded_at: Date;
}

export interface AccidentInvestigationsTable {
  accident_id: string;
  report_submitted_on: string | null;
  extended: Generated<boolean>;
  decided_on: string | null;
  decision_extended: Generated<boolean>;
  liability: boolean | null;
  checklist: ColumnType<Record<string, boolean>, string | undefined, string>;
  conclusion: string | null;
  closed_at: Date | null;
  closed_by: string | null;
  updated_by: string;
  updated_at: Date;
}

export interface AccidentAccountabilityTable {
  id: Generated<string>;
  accident_id: string;
  person: string;
  position: string | null;
  org_name: string | null;
  failure: string;
  decision: string;
  recorded_by: string;
  recorded_at: Date;
}

export interface ControlIndicatorsTable {
  region_code: string;
  year: number;
  metric: string;
  cap: number;
  set_by_org: string;
  set_by: string;
  set_at: Date;
}

/** The accidents module's tables, as Kysely sees them (see platform/db/schema.ts). */
export interface AccidentsTables {
  accidents: AccidentsTable;
  accident_supplements: AccidentSupplementsTable;
  accident_escalations: AccidentEscalationsTable;
  accident_investigations: AccidentInvestigationsTable;
  accident_accountability: AccidentAccountabilityTable;
  control_indicators: ControlIndicatorsTable;
}
