import ExcelJS from 'exceljs';
import type { PassThrough } from 'node:stream';
import type { HazardListPage, HazardListQuery } from '@anjian/domain';
import type { z } from 'zod';
import { scopeOf } from '../../platform/access/scope.js';
import type { Database } from '../../platform/db/database.js';
import { decodeCursor, encodeCursor } from '../../platform/db/cursor.js';
import type { SessionUser } from '../../platform/http/context.js';
import type { RegionsService } from '../regions/index.js';
import { LISTS, type ListFilter, type ListName } from './hazards.lists.js';

const EXPORT_BATCH = 2000;

export function createListsService(deps: { db: Database; regions: Pick<RegionsService, 'resolve'>; now: () => Date }) {
  async function filterOf(user: SessionUser, q: { regionCode?: string; from?: string; to?: string }): Promise<ListFilter> {
    return { regionCode: q.regionCode ? await deps.regions.resolve(q.regionCode, 'query.regionCode', scopeOf(user)) : undefined, from: q.from, to: q.to };
  }

  return {
    filterOf,

    async page(user: SessionUser, list: ListName, query: z.infer<typeof HazardListQuery>): Promise<HazardListPage> {
      const def = LISTS[list];
      const f = await filterOf(user, query);
      const after = decodeCursor(query.cursor, 1);
      const rows = def.rows ? await def.rows(deps.db, scopeOf(user), f, after ? String(after[0]) : null, query.limit + 1, deps.now()) : [];
      const page = rows.slice(0, query.limit);
      return {
        list, title: def.title, note: def.note ?? null, columns: def.columns, rows: page,
        nextCursor: rows.length > query.limit ? encodeCursor([page[page.length - 1]!.id]) : null,
      };
    },

    /** Streams the whole list as .xlsx with Chinese headers, batch by batch, whatever its size. */
    async exportTo(user: SessionUser, list: ListName, f: ListFilter, stream: PassThrough): Promise<void> {
      const def = LISTS[list];
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
      const sheet = workbook.addWorksheet(def.title.zh);
      sheet.columns = def.columns.map((c) => ({ header: c.zh, key: c.key, width: Math.max(10, c.zh.length * 3) }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
      if (def.note) sheet.addRow({ [def.columns[0]!.key]: def.note.zh }).commit();
      let after: string | null = null;
      for (;;) {
        const rows: { id: string }[] = def.rows ? await def.rows(deps.db, scopeOf(user), f, after, EXPORT_BATCH, deps.now()) : [];
        for (const row of rows) sheet.addRow(row).commit();
        if (rows.length < EXPORT_BATCH) break;
        after = rows[rows.length - 1]!.id;
      }
      sheet.commit();
      await workbook.commit();
    },
  };
}

export type ListsService = ReturnType<typeof createListsService>;
