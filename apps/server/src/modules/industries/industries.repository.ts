import type { Industry } from '@anjian/domain';
import type { Executor } from '../../platform/db/database.js';
import type { IndustriesTable } from './industries.tables.js';

type Row = { code: string; name_zh: string; name_en: string; sort: number; active: boolean };
const toIndustry = (r: Row): Industry => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en, sort: r.sort, active: r.active });

export function createIndustriesRepository(db: Executor) {
  return {
    async list(): Promise<Industry[]> {
      const rows = await db.selectFrom('industries').selectAll().orderBy('sort').orderBy('code').execute();
      return rows.map(toIndustry);
    },
    async get(code: string, ex: Executor = db): Promise<Industry | null> {
      const row = await ex.selectFrom('industries').selectAll().where('code', '=', code).executeTakeFirst();
      return row ? toIndustry(row) : null;
    },
    /** Codes from `codes` that are not active industries. */
    async unknown(codes: string[]): Promise<string[]> {
      if (codes.length === 0) return [];
      const rows = await db.selectFrom('industries').select('code').where('code', 'in', codes).where('active', '=', true).execute();
      const known = new Set(rows.map((r) => r.code));
      return codes.filter((c) => !known.has(c));
    },
    async insert(tx: Executor, row: { code: string; name_zh: string; name_en: string; sort: number }): Promise<boolean> {
      const result = await tx.insertInto('industries').values(row).onConflict((oc) => oc.column('code').doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async update(tx: Executor, code: string, patch: Partial<Pick<IndustriesTable, 'name_zh' | 'name_en'>> & { sort?: number; active?: boolean }): Promise<void> {
      await tx.updateTable('industries').set(patch).where('code', '=', code).execute();
    },
  };
}

export type IndustriesRepository = ReturnType<typeof createIndustriesRepository>;
