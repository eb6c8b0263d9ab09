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
import { requirePermission } from '../../platform/access/guard.js';
import { enforcementLists, type EnforcementListSource } from './hazards.lists.enforcement.js';
import { LEDGER_LISTS, listColumnType, type ListDefinition, type ListFilter, type ListKey, type ListName, type Row } from './hazards.lists.js';

const EXPORT_BATCH = 2000;

export function createListsService(deps: { db: Database; regions: Pick<RegionsService, 'resolve' | 'path'>; now: () => Date }) {
  /** Set once at start by app.ts: the cases module is created after this one (late binding). */
  let enforcement: EnforcementListSource | null = null;
  const LISTS: Record<ListName, ListDefinition> = { ...LEDGER_LISTS, ...enforcementLists(() => enforcement) };
  const keyOf = (def: ListDefinition, row: Row & { id: string }): ListKey => (def.key ? def.key.of(row) : [row.id]);
  /** The list's own permission (the enforcement lists need case.read, as the case routes do). */
  const definition = (user: SessionUser, list: ListName) => {
    const def = LISTS[list];
    if (def.permission) requirePermission(user, def.permission);
    return def;
  };

  async function filterOf(user: SessionUser, q: { regionCode?: string; from?: string; to?: string }): Promise<ListFilter> {
    return { regionCode: q.regionCode ? await deps.regions.resolve(q.regionCode, 'query.regionCode', scopeOf(user)) : undefined, from: q.from, to: q.to };
  }

  return {
    filterOf,
    useEnforcement(source: EnforcementListSource) {
      enforcement = source;
    },

    async page(user: SessionUser, list: ListName, query: z.infer<typeof HazardListQuery>): Promise<HazardListPage> {
      const def = definition(user, list);
      const f = await filterOf(user, query);
      const after = decodeCursor(query.cursor, def.key?.arity ?? 1);
      const rows = def.rows ? await def.rows(deps.db, scopeOf(user), f, after, query.limit + 1, deps.now()) : [];
      const page = rows.slice(0, query.limit);
      return {
        list, title: def.title, note: def.note ?? null, columns: def.columns, rows: page,
        nextCursor: rows.length > query.limit ? encodeCursor([...keyOf(def, page[page.length - 1]!)]) : null,
      };
    },

    /**
     * The heading and file name of a list's export: worked out before the first byte, so a
     * bad region code is still a clean 4xx.
     */
    async exportHeading(user: SessionUser, list: ListName, f: ListFilter) {
      const def = definition(user, list);
      const now = deps.now();
      const period = f.from || f.to ? { from: f.from, to: f.to } : null;
      const heading = await exportHeading((code) => deps.regions.path(code), user, {
        title: def.title.zh, regionCode: f.regionCode, period, now,
        periodBasis: def.periodBasis,
      });
      return { heading, filename: exportFileName(def.title.zh, heading.regionName, period, now) };
    },

    /** Streams the whole list as .xlsx through the shared export writer, batch by batch, whatever its size. */
    async exportTo(user: SessionUser, list: ListName, f: ListFilter, heading: ExportHeading, stream: PassThrough): Promise<void> {
      const def = definition(user, list);
      const x = createXlsxExport(stream, heading);
      const sheet = x.sheet(def.title.zh, def.columns.map((c) => ({ key: c.key, header: c.zh, type: listColumnType(c.key) })), { notes: def.note ? [def.note.zh] : [] });
      let after: ListKey | null = null;
      for (;;) {
        const rows: (Row & { id: string })[] = def.rows ? await def.rows(deps.db, scopeOf(user), f, after, EXPORT_BATCH, deps.now()) : [];
        for (const row of rows) sheet.add(row);
        if (rows.length < EXPORT_BATCH) break;
        after = keyOf(def, rows[rows.length - 1]!);
      }
      sheet.end();
      await x.commit();
    },
  };
}

export type ListsService = ReturnType<typeof createListsService>;
