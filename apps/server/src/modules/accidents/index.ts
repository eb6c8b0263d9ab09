import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database } from '../../platform/db/database.js';
import type { RegionsService } from '../regions/index.js';

export interface AccidentsModuleDeps {
  db: Database;
  audit: AuditWriter;
  regions: RegionsService;
  now: () => Date;
}

/** Placeholder until the accidents module lands. */
export function createAccidentsModule(_deps: AccidentsModuleDeps) {
  const routes: FastifyPluginAsyncZod = async () => {};
  return { service: {}, routes };
}
