import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database } from '../../platform/db/database.js';
import type { IndustriesService } from '../industries/index.js';
import type { RegionsService } from '../regions/index.js';
import { createRoutingRepository } from './routing.repository.js';
import { routingRoutes } from './routing.routes.js';
import { createRoutingService, type RoutingService } from './routing.service.js';

export type { RoutingService };

export function createRoutingModule(deps: { db: Database; audit: AuditWriter; regions: RegionsService; industries: IndustriesService; now: () => Date }) {
  const service = createRoutingService({ ...deps, repo: createRoutingRepository(deps.db) });
  return { service, routes: routingRoutes({ routing: service }) };
}
