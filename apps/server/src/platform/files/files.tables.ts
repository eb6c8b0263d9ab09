import type { Generated } from 'kysely';

/** One upload. The bytes live on disk under their SHA-256; two uploads of one photo share them. */
export interface FilesTable {
  id: Generated<string>;
  sha256: string;
  mime: string;
  size: number;
  name: string;
  uploaded_by: string;
  uploaded_at: Date;
}
