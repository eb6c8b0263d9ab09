export interface RegionsTable {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
}
