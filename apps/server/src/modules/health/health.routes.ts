import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { Health } from '@anjian/domain';
import type { Database } from '../../platform/db/database.js';
import { databaseUnavailable } from '../../platform/db/unavailable.js';

export function healthRoutes(deps: { db: Database; embedded: boolean; version: string }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/health', {
      config: { access: 'public' },
      schema: { tags: ['health'], summary: '健康检查 Health (200 once the database answers; 503 DATABASE_UNAVAILABLE while it does not)', response: { 200: Health } },
    }, async (req) => {
      try {
        const { rows } = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(deps.db);
        return { status: 'ok' as const, database: { version: rows[0]!.v, embedded: deps.embedded }, uptimeSeconds: Math.round(process.uptime()), version: deps.version };
      } catch (error) {
        req.log.warn({ cause: String(error) }, 'health: database unavailable');
        throw databaseUnavailable();
      }
    });
  };
}
