import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
type Numeric = ColumnType<string, number | string, number | string>;

export interface InspectionPlansTable {
  id: Generated<string>;
  org_id: string;
  region_code: string;
  industries: string[] | null;
  name: string;
  year: number;
  key_rule: Json<{ scales: string[]; majorHazardMonths: number }>;
  key_times_per_year: number;
  others_percent: Numeric;
  rounds_per_year: number;
  team_size: number;
  created_by: string;
  created_at: Generated<Date>;
}

export interface InspectionPlanInspectorsTable {
  plan_id: string;
  user_id: string;
  cert_no: string;
  cert_valid_until: string;
  added_by: string;
  added_at: Generated<Date>;
}

export interface InspectorAvoidancesTable {
  id: Generated<string>;
  plan_id: string;
  user_id: string;
  enterprise_id: string;
  reason: string;
  created_by: string;
  created_at: Generated<Date>;
}

export interface InspectionDrawsTable {
  id: Generated<string>;
  plan_id: string;
  region_code: string;
  industries: string[] | null;
  status: 'committed' | 'drawn';
  period_from: string;
  period_to: string;
  algorithm: string;
  register: Json<{ id: string; stratum: 'key' | 'other'; weight: number }[]>;
  pool: Json<{ id: string; name: string; avoid: string[] }[]>;
  register_names: Json<Record<string, { name: string; regionCode: string; industries: string[] }>>;
  register_hash: string;
  pool_hash: string;
  register_count: number;
  pool_count: number;
  quota_key: number;
  quota_other: number;
  team_size: number;
  commitment: string;
  inputs_hash: string;
  seed: string;
  result: ColumnType<{ pairs: { position: number; enterpriseId: string; stratum: 'key' | 'other'; inspectorIds: string[] }[] } | null, string | null, string | null>;
  result_hash: string | null;
  fixed_by: string;
  fixed_at: Date;
  drawn_by: string | null;
  drawn_at: Date | null;
}

export interface DrawPairsTable {
  id: Generated<string>;
  draw_id: string;
  position: number;
  stratum: 'key' | 'other';
  enterprise_id: string;
  inspector_ids: string[];
  region_code: string;
  industries: string[] | null;
  inspection_id: string | null;
  inspected_on: string | null;
  findings: string | null;
  measures: string | null;
  closed: boolean | null;
}

export interface DrawsTables {
  inspection_plans: InspectionPlansTable;
  inspection_plan_inspectors: InspectionPlanInspectorsTable;
  inspector_avoidances: InspectorAvoidancesTable;
  inspection_draws: InspectionDrawsTable;
  draw_pairs: DrawPairsTable;
}
