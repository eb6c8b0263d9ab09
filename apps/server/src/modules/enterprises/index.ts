import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import { scopeOf } from '../../platform/access/scope.js';
import type { Database } from '../../platform/db/database.js';
import type { PiiCipher } from '../../platform/secrets/pii.js';
import type { IndustriesService } from '../industries/index.js';
import type { RegionsService } from '../regions/index.js';
import type { RoutingService } from '../routing/index.js';
import { createExporter } from './enterprises.export.js';
import { createImporter } from './enterprises.import.js';
import { createEnterprisesRepository } from './enterprises.repository.js';
import { enterprisesRoutes } from './enterprises.routes.js';
import { createEnterprisesService, type EnterpriseSummary, type EnterprisesService } from './enterprises.service.js';
import { buildTemplate } from './enterprises.xlsx.js';

export type { EnterpriseSummary, EnterprisesService };
/** For other modules' imports: the visibility rule, the upload and spreadsheet-cell helpers. */
export { ENTERPRISE, visibleEnterprise } from './enterprises.repository.js';
export { inspectXlsx, readUpload, unsupportedFile, type Upload } from './enterprises.upload.js';
export { cellText } from './enterprises.xlsx.js';
export { enterprisesPii, sealContacts } from './enterprises.pii.js';
export { documentParty, type DocumentParty } from './enterprises.party.js';
/**
 * For the cases module: a status change an enforcement decision orders (停产整顿, 复产, 关闭),
 * inside the caller's transaction — the decision and the status commit together or not at all.
 */
export type OrderEnterpriseStatus = EnterprisesService['setStatus'];

export interface EnterprisesModuleDeps {
  db: Database;
  audit: AuditWriter;
  regions: RegionsService;
  industries: IndustriesService;
  routing: RoutingService;
  pii: PiiCipher;
  now: () => Date;
}

/** Template guidance lists at most this many regions (a county's villages fit; a province's townships do). */
const TEMPLATE_REGION_ROWS = 5_000;

/**
 * The enterprise registry. Other modules use `service.findVisible` (scope-checked lookup)
 * and `service.setStatus` (system-ordered status change inside their own transaction).
 */
export function createEnterprisesModule(deps: EnterprisesModuleDeps) {
  const repo = createEnterprisesRepository(deps.db, deps.pii);
  const service = createEnterprisesService({ ...deps, repo });
  const importFile = createImporter({ ...deps, repo });
  const exportXlsx = createExporter({ ...deps, repo });
  const template = async (user: Parameters<EnterprisesService['get']>[0]) =>
    buildTemplate(await deps.industries.list(), await repo.regionGuide(scopeOf(user), TEMPLATE_REGION_ROWS));
  return { service, routes: enterprisesRoutes({ enterprises: service, importFile, exportXlsx, template }) };
}
