import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';

/**
 * The baseline's table, created by the schema owner at start (bootstrap): the application role
 * creates no tables. The owner's default privileges let the application write it.
 */
export async function createBenchBaselineTable(owner: Database): Promise<void> {
  await sql`create table if not exists bench_baseline (
    id bigint generated always as identity primary key, title text not null, level text not null, source text not null,
    status text not null, region_code text collate "C" not null, found_on date not null, created_at timestamptz not null default now())`.execute(owner);
}

/**
 * The benchmark's yardstick (bench/, issue 5): one bare INSERT through the same HTTP stack,
 * session-less and unaudited, on the same pool as the real routes. Registered only when
 * ANJIAN_BENCH_BASELINE=1, so it never exists in production nor in the OpenAPI document.
 */
export function benchBaselineRoutes(deps: { db: Database }): FastifyPluginAsyncZod {
  return async (app) => {

    app.post('/api/bench/baseline', {
      config: { access: 'public' },
      schema: { hide: true, body: z.object({ title: z.string().max(100), regionCode: z.string().max(12) }) },
    }, async (req, reply) => {
      // A probe of the database's own pace, not an act anyone answers for: no audit row.
      req.ctx.audited = true;
      const { rows } = await sql<{ id: string }>`insert into bench_baseline (title, level, source, status, region_code, found_on)
        values (${req.body.title}, 'general', 'government_inspection', 'reported', ${req.body.regionCode}, current_date) returning id`.execute(deps.db);
      return reply.status(201).send({ id: rows[0]!.id });
    });
  };
}
