import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database } from '../../platform/db/database.js';
import type { EnterprisesService } from '../enterprises/index.js';
import type { IndustriesService } from '../industries/index.js';
import type { RegionsService } from '../regions/index.js';
import { createAccidentsRepository } from './accidents.repository.js';
import { accidentsRoutes } from './accidents.routes.js';
import { createAccidentsService, type AccidentsService } from './accidents.service.js';
import { createInvestigationService } from './investigation.service.js';
import { createSupplementsService } from './supplements.service.js';

export type { AccidentsService };
/** The one rule for which accidents a scope sees; the statistics apply it too. */
export { accidentRecord, accidentsVisibleTo } from './accidents.scope.js';

export interface AccidentsModuleDeps {
  db: Database;
  audit: AuditWriter;
  regions: RegionsService;
  industries: IndustriesService;
  enterprises: Pick<EnterprisesService, 'findVisible'>;
  now: () => Date;
}

export function createAccidentsModule(deps: AccidentsModuleDeps) {
  const repo = createAccidentsRepository(deps.db);
  const base = { ...deps, repo };
  const accidents = createAccidentsService(base);
  const supplements = createSupplementsService({ ...base, accidents });
  const investigation = createInvestigationService({ ...base, accidents });
  return { service: accidents, routes: accidentsRoutes({ accidents, supplements, investigation }) };
}

/** Display names for the audit log (platform/audit/audit.names.ts). */
export { accidentNames } from './accidents.names.js';
