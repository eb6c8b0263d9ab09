import type { z } from 'zod';
import { compareDates, type AccidentDetail, type AccidentListQuery, type CreateAccidentBody } from '@anjian/domain';
import { scopeOf, type Scope } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { decodeCursor, pageOf } from '../../platform/db/cursor.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import { prepareAccidents, type IntakeDeps } from './accidents.intake.js';
import { presentAccident, presentDetail } from './accidents.present.js';
import type { AccidentsRepository } from './accidents.repository.js';

export interface AccidentsDeps extends IntakeDeps {
  db: Database;
  repo: AccidentsRepository;
  audit: AuditWriter;
  now: () => Date;
}

export const ACCIDENT = { zh: '事故', en: 'Accident' };

export function createAccidentsService(deps: AccidentsDeps) {
  const { db, repo, audit } = deps;

  /** The accident as its detail view, or a 404 when it does not exist or lies outside the scope. */
  async function detail(user: SessionUser, id: string, scope: Scope = scopeOf(user), ex: Executor = db): Promise<AccidentDetail> {
    const row = await repo.get(id, scope, ex);
    if (!row) throw notFound(ACCIDENT, 'params.id');
    const [supplements, escalations, accountability] = await Promise.all([repo.supplements([id], ex), repo.escalations([id], ex), repo.accountability(id, ex)]);
    return presentDetail(row, { supplements, escalations }, accountability, user, deps.now());
  }

  return {
    detail,

    async list(user: SessionUser, query: z.infer<typeof AccidentListQuery>) {
      const scope = scopeOf(user);
      if (query.from && query.to && compareDates(query.from, query.to) > 0) {
        throw new AppError('VALIDATION_FAILED', { summary: 'query.to' }, [{ field: 'query.to', reason: 'before_from', message: { zh: '结束日期不能早于开始日期', en: 'must not be before query.from' } }]);
      }
      const regionCode = query.regionCode === undefined ? undefined : await deps.regions.resolve(query.regionCode, 'query.regionCode', scope);
      const after = decodeCursor(query.cursor, 2) as [string, string] | null;
      const rows = await repo.list(scope, { ...query, regionCode, after, limit: query.limit });
      const page = pageOf(rows, query.limit, (r) => [r.occurred_at.toISOString(), r.id]);
      const ids = page.items.map((r) => r.id);
      const [supplements, escalations] = await Promise.all([repo.supplements(ids), repo.escalations(ids)]);
      const now = deps.now();
      return {
        items: page.items.map((r) => presentAccident(r, {
          supplements: supplements.filter((s) => s.accident_id === r.id),
          escalations: escalations.filter((e) => e.accident_id === r.id),
        }, user, now)),
        nextCursor: page.nextCursor,
      };
    },

    async create(ctx: RequestContext, user: SessionUser, body: CreateAccidentBody): Promise<AccidentDetail> {
      const scope = scopeOf(user);
      const now = deps.now();
      const [row] = await prepareAccidents(deps, user, scope, [body], (_i, name) => `body.${name}`, now);
      return db.transaction().execute(async (tx) => {
        const [id] = await repo.insert(tx, [row!]);
        await audit.record(tx, ctx, {
          action: 'accident.report', objectType: 'accident', objectId: id!, result: 'success', statusCode: 201,
          details: { regionCode: row!.region_code, category: row!.category, grade: row!.grade, deaths: row!.deaths, missing: row!.missing },
        });
        return detail(user, id!, scope, tx);
      });
    },

    /** Same checks as one report, all or nothing: for imports and bulk loading. */
    async createBatch(ctx: RequestContext, user: SessionUser, items: CreateAccidentBody[]) {
      const scope = scopeOf(user);
      const now = deps.now();
      const rows = await prepareAccidents(deps, user, scope, items, (i, name) => `body.items.${i}.${name}`, now);
      return db.transaction().execute(async (tx) => {
        const ids = await repo.insert(tx, rows);
        await audit.record(tx, ctx, { action: 'accident.report', objectType: 'accident', objectId: null, result: 'success', statusCode: 201, details: { batch: ids.length, ids } });
        return { count: ids.length, ids };
      });
    },
  };
}

export type AccidentsService = ReturnType<typeof createAccidentsService>;
