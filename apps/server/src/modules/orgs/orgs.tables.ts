import type { ColumnType, Generated } from 'kysely';

export interface OrgsTable {
  id: Generated<string>;
  type: string;
  name: string;
  region_code: string;
  industries: ColumnType<string[], string[] | undefined, string[]>;
  status: Generated<'active' | 'inactive'>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
