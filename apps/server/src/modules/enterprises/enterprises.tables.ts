import type { ColumnType, Generated } from 'kysely';

export interface SafetyContactValue {
  name: string;
  phone: string;
}

/** The enterprises module's tables, as Kysely sees them (see platform/db/schema.ts). */
export interface EnterprisesTable {
  /** The enterprise's organisation (orgs.type = 'enterprise'): name and region live there. */
  org_id: string;
  uscc: string;
  address: string;
  // numeric arrives from pg as a string; written as a number.
  latitude: ColumnType<string | null, number | null | undefined, number | null>;
  longitude: ColumnType<string | null, number | null | undefined, number | null>;
  /** The first is the primary industry (it picks the supervising department). */
  industries: ColumnType<string[], string[], string[]>;
  scale: string;
  legal_representative: string;
  principal: string;
  actual_controller: string | null;
  // jsonb: pg would write a JS array as a Postgres array literal, so it is written as JSON text.
  safety_contacts: ColumnType<SafetyContactValue[], string | undefined, string>;
  status: ColumnType<string, string | undefined, string>;
  status_reason: string | null;
  status_changed_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface EnterprisesTables {
  enterprises: EnterprisesTable;
}
