import { PassThrough, type Readable } from 'node:stream';
import type { z } from 'zod';
import { ENTERPRISE_SCALE_LABELS, ENTERPRISE_STATUS_LABELS, type EnterpriseExportQuery, type EnterpriseScale, type EnterpriseStatus, type Industry } from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database } from '../../platform/db/database.js';
import { exportFileName } from '../../platform/exports/export-cells.js';
import { exportHeading } from '../../platform/exports/heading.js';
import { createXlsxExport, type ExportColumn } from '../../platform/exports/xlsx-export.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import type { IndustriesService } from '../industries/index.js';
import type { RegionsService } from '../regions/index.js';
import type { RoutingService } from '../routing/index.js';
import { createDepartmentResolver } from './enterprises.present.js';
import type { EnterpriseFilter, EnterpriseRow, EnterprisesRepository } from './enterprises.repository.js';
import { COLUMNS, DATA_SHEET, type ColumnKey } from './enterprises.xlsx.js';

/** Rows fetched per keyset page while streaming; memory stays flat however long the list. */
const BATCH = 2000;

/** The import columns first (so an export can be edited and imported elsewhere), then the ledger's own. */
const EXTRA: ExportColumn[] = [
  { key: 'regionName', header: '所在区划' },
  { key: 'status', header: '状态' },
  { key: 'statusReason', header: '状态说明', width: 30 },
  { key: 'statusChangedAt', header: '状态变更时间', type: 'datetime' },
  { key: 'department', header: '行业主管部门' },
  { key: 'createdAt', header: '登记时间', type: 'datetime' },
];

const COLUMN_TYPES: Partial<Record<ColumnKey, ExportColumn['type']>> = { latitude: 'decimal', longitude: 'decimal' };

function cells(row: EnterpriseRow, industryNames: Map<string, string>): Record<ColumnKey, string | number | null> {
  return {
    name: row.name,
    uscc: row.uscc,
    regionCode: row.region_code,
    address: row.address,
    industries: row.industries.map((c) => industryNames.get(c) ?? c).join('、'),
    scale: ENTERPRISE_SCALE_LABELS[row.scale as EnterpriseScale]?.zh ?? row.scale,
    legalRepresentative: row.legal_representative,
    principal: row.principal,
    actualController: row.actual_controller,
    safetyContacts: row.safety_contacts.map((c) => `${c.name}:${c.phone}`).join('；'),
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
  };
}

export function createExporter(deps: {
  repo: EnterprisesRepository;
  regions: Pick<RegionsService, 'resolve' | 'path'>;
  industries: Pick<IndustriesService, 'list'>;
  routing: Pick<RoutingService, 'supervisingDepartment'>;
  audit: AuditWriter;
  db: Database;
  now: () => Date;
}) {
  const { repo } = deps;

  /**
   * Same filters and scope as the list. Everything that can fail on bad input happens
   * before the first byte is sent; after that the workbook streams batch by batch.
   */
  return async function exportXlsx(ctx: RequestContext, user: SessionUser, query: z.infer<typeof EnterpriseExportQuery>): Promise<{ filename: string; stream: Readable }> {
    const scope = scopeOf(user);
    const regionCode = query.regionCode === undefined ? undefined : await deps.regions.resolve(query.regionCode, 'query.regionCode', scope);
    const industries: Industry[] = await deps.industries.list();
    const industryNames = new Map(industries.map((i) => [i.code, i.nameZh]));
    const filter: Omit<EnterpriseFilter, 'after' | 'limit'> = { regionCode, industry: query.industry, status: query.status, q: query.q };
    await deps.audit.record(deps.db, ctx, { action: 'enterprise.export', objectType: 'enterprise', result: 'success', statusCode: 200, details: { ...filter } });

    const now = deps.now();
    const filters = [
      ...(query.industry ? [`行业：${industryNames.get(query.industry) ?? query.industry}`] : []),
      ...(query.status ? [`状态：${ENTERPRISE_STATUS_LABELS[query.status as EnterpriseStatus]?.zh ?? query.status}`] : []),
      ...(query.q ? [`关键词：${query.q}`] : []),
    ];
    const heading = await exportHeading((code) => deps.regions.path(code), user, { title: DATA_SHEET, regionCode, period: null, filters, now });

    const out = new PassThrough();
    const x = createXlsxExport(out, heading);
    // The template's widths: the rows held back for sizing are only the first page's.
    const ws = x.sheet(DATA_SHEET, [...COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.width, type: COLUMN_TYPES[c.key] ?? 'text' })), ...EXTRA]);
    const departments = createDepartmentResolver({ routing: deps.routing, repo });

    const write = async () => {
      let after: EnterpriseFilter['after'] = null;
      for (;;) {
        const rows = await repo.list(scope, { ...filter, after, limit: BATCH });
        const page = rows.slice(0, BATCH);
        const depts = await departments(page);
        page.forEach((row, i) => {
          const values = cells(row, industryNames);
          ws.add([
            ...COLUMNS.map((c) => values[c.key]),
            row.region_name,
            ENTERPRISE_STATUS_LABELS[row.status as EnterpriseStatus]?.zh ?? row.status,
            row.status_reason ?? '',
            row.status_changed_at,
            depts[i]?.name ?? '',
            row.created_at,
          ]);
        });
        const last = page[page.length - 1];
        if (rows.length <= BATCH || !last) break;
        after = [last.region_code, last.name, last.id];
      }
      ws.end();
      await x.commit();
    };
    write().catch((error: unknown) => out.destroy(error as Error));

    return { filename: exportFileName('企业名录', heading.regionName, null, now), stream: out };
  };
}
