import type { PassThrough } from 'node:stream';
import type { HazardListPage, HazardListQuery } from '@anjian/domain';
import type { z } from 'zod';
import { scopeOf } from '../../platform/access/scope.js';
import type { Database } from '../../platform/db/database.js';
import { decodeCursor, encodeCursor } from '../../platform/db/cursor.js';
import { exportFileName } from '../../platform/exports/export-cells.js';
import { exportHeading } from '../../platform/exports/heading.js';
import { createXlsxExport, type ExportHeading } from '../../platform/exports/xlsx-export.js';
import type { SessionUser } from '../../platform/http/context.js';
import type { RegionsService } from '../regions/index.js';
import { LISTS, listColumnType, type ListFilter, type ListName } from './hazards.lists.js';

const EXPORT_BATCH = 2000;

export function createListsService(deps: { db: Database; regions: Pick<RegionsService, 'resolve' | 'path'>; now: () => Date }) {
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

    /**
     * The heading and file name of a list's export: worked out before the first byte, so a
     * bad region code is still a clean 4xx.
     */
    async exportHeading(user: SessionUser, list: ListName, f: ListFilter) {
      const def = LISTS[list];
      const now = deps.now();
      const period = f.from || f.to ? { from: f.from, to: f.to } : null;
      const heading = await exportHeading((code) => deps.regions.path(code), user, {
        title: def.title.zh, regionCode: f.regionCode, period, now,
        periodBasis: list === 'accountability' ? '按问责决定日期' : '按隐患发现日期',
      });
      return { heading, filename: exportFileName(def.title.zh, heading.regionName, period, now) };
    },

    /** Streams the whole list as .xlsx through the shared export writer, batch by batch, whatever its size. */
    async exportTo(user: SessionUser, list: ListName, f: ListFilter, heading: ExportHeading, stream: PassThrough): Promise<void> {
      const def = LISTS[list];
      const x = createXlsxExport(stream, heading);
      const sheet = x.sheet(def.title.zh, def.columns.map((c) => ({ key: c.key, header: c.zh, type: listColumnType(c.key) })), { notes: def.note ? [def.note.zh] : [] });
      let after: string | null = null;
      for (;;) {
        const rows: { id: string }[] = def.rows ? await def.rows(deps.db, scopeOf(user), f, after, EXPORT_BATCH, deps.now()) : [];
        for (const row of rows) sheet.add(row);
        if (rows.length < EXPORT_BATCH) break;
        after = rows[rows.length - 1]!.id;
      }
      sheet.end();
      await x.commit();
    },
  };
}

export type ListsService = ReturnType<typeof createListsService>;
