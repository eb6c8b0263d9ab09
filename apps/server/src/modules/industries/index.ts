import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database } from '../../platform/db/database.js';
import { createIndustriesRepository } from './industries.repository.js';
import { industriesRoutes } from './industries.routes.js';
import { createIndustriesService, type IndustriesService } from './industries.service.js';

export type { IndustriesService };

export function createIndustriesModule(deps: { db: Database; audit: AuditWriter }) {
  const service = createIndustriesService({ db: deps.db, repo: createIndustriesRepository(deps.db), audit: deps.audit });
  return { service, routes: industriesRoutes({ industries: service }) };
}
