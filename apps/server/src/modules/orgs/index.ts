import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database } from '../../platform/db/database.js';
import type { IndustriesService } from '../industries/index.js';
import type { RegionsService } from '../regions/index.js';
import { createOrgsRepository } from './orgs.repository.js';
import { orgsRoutes } from './orgs.routes.js';
import { createOrgsService, type OrgsService } from './orgs.service.js';

export type { OrgsService };
/** How an organisation (alias `o`) is scoped; accounts are seen through their organisation. */
export { ORG } from './orgs.repository.js';

export function createOrgsModule(deps: { db: Database; audit: AuditWriter; regions: RegionsService; industries: IndustriesService; now: () => Date; changed?: () => void }) {
  const service = createOrgsService({ ...deps, repo: createOrgsRepository(deps.db) });
  return { service, routes: orgsRoutes({ orgs: service }) };
}

/** Display names for the audit log (platform/audit/audit.names.ts). */
export { orgNames } from './orgs.names.js';
