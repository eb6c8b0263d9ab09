import { regionLevel } from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database } from '../../platform/db/database.js';
import { forbidden, ruleViolation } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/http/context.js';
import { importRegions } from './regions.import.js';
import { createRegionsRepository } from './regions.repository.js';
import { regionsRoutes } from './regions.routes.js';
import { createRegionsService, type RegionsService } from './regions.service.js';

export type { RegionsService };
export { importRegions };

export function createRegionsModule(deps: { db: Database; databaseUrl: string; audit: AuditWriter }) {
  const service = createRegionsService({ repo: createRegionsRepository(deps.db) });

  async function importVillages(ctx: RequestContext, provinceInput: string) {
    const code = await service.resolve(provinceInput, 'body.provinceCode', ctx.user ? scopeOf(ctx.user) : null);
    if (!ctx.user || !scopeOf(ctx.user).coversRegion(code)) throw forbidden('region.import');
    if (regionLevel(code) !== 1) throw ruleViolation({ zh: '须为省级区划代码', en: 'must be a province code' }, 'body.provinceCode');
    const result = await importRegions(deps.databaseUrl, [code], { baseTree: false });
    await deps.audit.record(deps.db, ctx, {
      action: 'region.import', objectType: 'region', objectId: code, result: 'success', statusCode: 200,
      details: { villages: result.rows, inserted: result.inserted, updated: result.updated },
    });
    return { provinceCode: code, villages: result.rows, millis: result.millis };
  }

  return { service, routes: regionsRoutes({ regions: service, importVillages }) };
}

/** Display names for the audit log (platform/audit/audit.names.ts). */
export { regionNames } from './regions.names.js';
