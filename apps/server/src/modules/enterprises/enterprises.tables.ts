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
  /** Legacy plaintext: always '[]' (a check forbids more); the list lives in safety_contacts_enc. */
  safety_contacts: ColumnType<SafetyContactValue[], never, never>;
  /** SM4 ciphertext of the JSON list (platform/secrets/pii.ts, context 'enterprises.safety_contacts'). */
  safety_contacts_enc: string | null;
  status: ColumnType<string, string | undefined, string>;
  status_reason: string | null;
  status_changed_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface EnterprisesTables {
  enterprises: EnterprisesTable;
}
