import crypto from 'node:crypto';
import type { z } from 'zod';
import { drawSample, SAMPLING_ALGORITHM, type DrawReviewBody, type ReviewDraw } from '@anjian/domain';
import { regionFilter, scopeOf, type ScopedRecord } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import type { RegionsService } from '../regions/index.js';
import { presentSummary } from './hazards.present.js';
import { hazardVisible } from './hazards.scope.js';

const ENTITY = { zh: '回头看抽样', en: 'Review draw' };

/** A draw (alias `d`) is seen in its region, by a department only when made within its industries. */
const DRAW: ScopedRecord = { region: 'd.region_code', enterprise: null, industry: { within: 'd.industries' } };

/**
 * 回头看: the committee office draws closed hazards for re-review. The population (every
 * closed hazard in scope and period, sorted by id) and the seed are recorded, so anyone can
 * re-run the draw and get the same sample — and the answer says whether it does.
 */
export function createReviews(deps: { db: Database; regions: Pick<RegionsService, 'resolve'>; audit: AuditWriter; now: () => Date }) {
  const { db } = deps;

  async function present(row: { id: string; region_code: string; seed: string; algorithm: string; size: number | null; percent: string | null; period_from: string | null; period_to: string | null; population: string[]; sample: string[]; drawn_at: Date; drawn_by_name: string }, user: SessionUser, withSample: boolean): Promise<ReviewDraw> {
    const percent = row.percent === null ? null : Number(row.percent);
    const redrawn = drawSample(row.population, { seed: row.seed, ...(row.size !== null ? { size: row.size } : {}), ...(percent !== null ? { percent } : {}) });
    const reproducible = redrawn.length === row.sample.length && redrawn.every((id, i) => id === String(row.sample[i]));
    let sample: ReviewDraw['sample'] = [];
    if (withSample && row.sample.length) {
      const rows = await db.selectFrom('hazards as h').innerJoin('regions as r', 'r.code', 'h.region_code').leftJoin('orgs as e', 'e.id', 'h.enterprise_id')
        .select(['h.id', 'h.title', 'h.level', 'h.source', 'h.status', 'h.region_code', 'r.name as region_name', 'h.enterprise_id', 'e.name as enterprise_name', 'h.industry_code', 'h.found_on', 'h.deadline', 'h.listed_level', 'h.responsible_unit', 'h.closed_on', 'h.submitted_at'])
        .where('h.id', 'in', row.sample.map(String)).where(hazardVisible(scopeOf(user))).execute();
      const at = deps.now();
      const byId = new Map(rows.map((r) => [r.id, presentSummary(r, at)]));
      sample = row.sample.map(String).flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    }
    return {
      id: row.id, regionCode: row.region_code, seed: row.seed, algorithm: row.algorithm, size: row.size, percent, from: row.period_from, to: row.period_to,
      populationCount: row.population.length, drawnAt: row.drawn_at.toISOString(), drawnBy: row.drawn_by_name, reproducible, sample,
    };
  }

  const base = () => db.selectFrom('hazard_review_draws as d').innerJoin('users as u', 'u.id', 'd.drawn_by').selectAll('d').select('u.display_name as drawn_by_name');

  return {
    async draw(ctx: RequestContext, user: SessionUser, body: z.infer<typeof DrawReviewBody>): Promise<ReviewDraw> {
      if ((body.size === undefined) === (body.percent === undefined)) {
        throw new AppError('VALIDATION_FAILED', { summary: 'body.size' }, [{ field: 'body.size', reason: 'size_or_percent', message: { zh: '请填写抽取数量或比例（二选一）', en: 'give either a size or a percentage' } }]);
      }
      const scope = scopeOf(user);
      const regionCode = body.regionCode ? await deps.regions.resolve(body.regionCode, 'body.regionCode', scope) : user.regionCode;
      if (!scope.coversRegion(regionCode)) throw notFound({ zh: '行政区划', en: 'Region' }, 'body.regionCode');
      let q = db.selectFrom('hazards as h').select('h.id').where('h.status', '=', 'closed').where(hazardVisible(scope)).where(regionFilter('h.region_code', regionCode));
      if (body.from) q = q.where('h.closed_on', '>=', body.from);
      if (body.to) q = q.where('h.closed_on', '<=', body.to);
      const population = (await q.orderBy('h.id').execute()).map((r) => r.id);
      const seed = body.seed ?? crypto.randomBytes(12).toString('hex');
      const sample = drawSample(population, { seed, ...(body.size !== undefined ? { size: body.size } : { percent: body.percent! }) });
      const id = await db.transaction().execute(async (tx) => {
        const row = await tx.insertInto('hazard_review_draws').values({
          org_id: user.orgId, region_code: regionCode, seed, algorithm: SAMPLING_ALGORITHM, size: body.size ?? null, percent: body.percent ?? null,
          period_from: body.from ?? null, period_to: body.to ?? null, population, sample, drawn_by: user.id, drawn_at: deps.now(),
          industries: scope.industries === null ? null : [...scope.industries],
        }).returning('id').executeTakeFirstOrThrow();
        await deps.audit.record(tx, ctx, { action: 'hazard.review_draw', objectType: 'review_draw', objectId: row.id, result: 'success', statusCode: 201, details: { seed, population: population.length, sample: sample.length } });
        return row.id;
      });
      return this.get(user, id);
    },

    async get(user: SessionUser, id: string): Promise<ReviewDraw> {
      const row = await base().where('d.id', '=', id).where(scopeOf(user).where(DRAW)).executeTakeFirst();
      if (!row) throw notFound(ENTITY, 'params.id');
      return present(row, user, true);
    },

    async list(user: SessionUser) {
      const rows = await base().where(scopeOf(user).where(DRAW)).orderBy('d.id', 'desc').limit(100).execute();
      return { items: await Promise.all(rows.map(async (r) => { const { sample: _s, ...rest } = await present(r, user, false); return rest; })) };
    },
  };
}

export type Reviews = ReturnType<typeof createReviews>;
