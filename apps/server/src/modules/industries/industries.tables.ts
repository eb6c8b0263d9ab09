import type { Generated } from 'kysely';

export interface IndustriesTable {
  code: string;
  name_zh: string;
  name_en: string;
  sort: Generated<number>;
  active: Generated<boolean>;
}
