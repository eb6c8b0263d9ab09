import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { ENTERPRISE_SCALE_LABELS, ENTERPRISE_STATUS_LABELS, type EnterpriseExportQuery, type EnterpriseScale, type EnterpriseStatus, type Industry } from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database } from '../../platform/db/database.js';
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
const EXTRA = [
  { header: '所在区划', width: 28 },
  { header: '状态', width: 12 },
  { header: '状态说明', width: 30 },
  { header: '状态变更时间', width: 20 },
  { header: '行业主管部门', width: 28 },
  { header: '登记时间', width: 20 },
];

const shanghai = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

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
  regions: Pick<RegionsService, 'resolve'>;
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

    const out = new PassThrough();
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = [
      ...COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width })),
      ...EXTRA.map((e, i) => ({ header: e.header, key: `extra${i}`, width: e.width })),
    ];
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    const departments = createDepartmentResolver({ routing: deps.routing, repo });

    const write = async () => {
      let after: EnterpriseFilter['after'] = null;
      for (;;) {
        const rows = await repo.list(scope, { ...filter, after, limit: BATCH });
        const page = rows.slice(0, BATCH);
        const depts = await departments(page);
        page.forEach((row, i) => {
          const dept = depts[i]?.name ?? '';
          const values = cells(row, industryNames);
          ws.addRow([
            ...COLUMNS.map((c) => values[c.key]),
            row.region_name,
            ENTERPRISE_STATUS_LABELS[row.status as EnterpriseStatus]?.zh ?? row.status,
            row.status_reason ?? '',
            shanghai(row.status_changed_at),
            dept,
            shanghai(row.created_at),
          ]).commit();
        });
        const last = page[page.length - 1];
        if (rows.length <= BATCH || !last) break;
        after = [last.region_code, last.name, last.id];
      }
      ws.commit();
      await wb.commit();
    };
    write().catch((error: unknown) => out.destroy(error as Error));

    const day = shanghai(deps.now()).slice(0, 10).replace(/-/g, '');
    return { filename: `企业名录-${day}.xlsx`, stream: out };
  };
}
