import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database } from '../../platform/db/database.js';
import type { IndustriesService } from '../industries/index.js';
import type { RegionsService } from '../regions/index.js';
import type { RoutingService } from '../routing/index.js';

export interface EnterprisesModuleDeps {
  db: Database;
  audit: AuditWriter;
  regions: RegionsService;
  industries: IndustriesService;
  routing: RoutingService;
  now: () => Date;
}

/** Placeholder until the enterprises module lands. */
export function createEnterprisesModule(_deps: EnterprisesModuleDeps) {
  const routes: FastifyPluginAsyncZod = async () => {};
  return { service: {}, routes };
}
