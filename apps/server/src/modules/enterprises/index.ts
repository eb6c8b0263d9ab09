import { sql } from 'kysely';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import { regionFilter, scopeOf, unscoped } from '../../platform/access/scope.js';
import type { Database, Executor } from '../../platform/db/database.js';
import type { PiiCipher } from '../../platform/secrets/pii.js';
import type { IndustriesService } from '../industries/index.js';
import type { RegionsService } from '../regions/index.js';
import type { RoutingService } from '../routing/index.js';
import { createExporter } from './enterprises.export.js';
import { createImporter } from './enterprises.import.js';
import { createImportJobs } from './enterprises.import-jobs.js';
import { createEnterprisesRepository } from './enterprises.repository.js';
import { enterprisesRoutes } from './enterprises.routes.js';
import { createEnterprisesService, type BlacklistSource, type EnterpriseSummary, type EnterprisesService } from './enterprises.service.js';
import { buildTemplate } from './enterprises.xlsx.js';

export type { BlacklistSource, EnterpriseSummary, EnterprisesService };
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
  /** The 黑名单 flag comes from the cases module, created after this one: app.ts hands it over (late binding). */
  let blacklist: BlacklistSource | null = null;
  const service = createEnterprisesService({ ...deps, repo, blacklist: () => blacklist });
  const importFile = createImporter({ ...deps, repo });
  const exportXlsx = createExporter({ ...deps, repo });
  const template = async (user: Parameters<EnterprisesService['get']>[0]) =>
    buildTemplate(await deps.industries.list(), await repo.regionGuide(scopeOf(user), TEMPLATE_REGION_ROWS));
  const importJobs = createImportJobs({ db: deps.db, importFile, now: deps.now });
  const useBlacklist = (source: BlacklistSource) => {
    blacklist = source;
  };
  return { service, useBlacklist, routes: enterprisesRoutes({ enterprises: service, importFile, exportXlsx, template, importJobs }) };
}

/**
 * For 双随机 draws (modules/draws): the operating enterprises of a plan's region subtree in
 * its industries (null: all), in id order — the register a draw snapshots. The caller has
 * checked the plan is within its user's scope; the plan, not a user, bounds this read.
 */
export async function operatingRegister(db: Executor, regionCode: string, industries: readonly string[] | null) {
  let q = db.selectFrom('enterprises as e').innerJoin('orgs as o', 'o.id', 'e.org_id')
    .select(['o.id', 'o.name', 'o.region_code', 'e.scale', 'e.industries'])
    .where(unscoped('the register of a plan already held to the scope of its user')).where('e.status', '=', 'operating').where(regionFilter('o.region_code', regionCode));
  if (industries !== null) q = q.where(sql<boolean>`e.industries && ${sql.val([...industries])}::text[]`);
  return q.orderBy('o.id').execute();
}
