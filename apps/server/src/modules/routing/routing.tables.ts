import type { Generated } from 'kysely';

export interface IndustryRoutesTable {
  region_code: string;
  industry_code: string;
  department_id: string;
  updated_at: Generated<Date>;
}
