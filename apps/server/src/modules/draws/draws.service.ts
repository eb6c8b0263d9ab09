import crypto from 'node:crypto';
import { canonicalPool, shanghaiDate, canonicalRegister, DRAW_ALGORITHM, drawProblem, drawQuota, fixedInputs, resultHash, runDraw, seedCommitment, type DrawDetail, type DrawInputs } from '@anjian/domain';
import type { z } from 'zod';
import type { FixDrawBody } from '@anjian/domain';
import { regionFilter, scopeOf, unscoped } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database } from '../../platform/db/database.js';
import { notFound, ruleViolation } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import type { RegionsService } from '../regions/index.js';
import { alreadyDrawn, drawRefusal, notOwner, pendingDraw } from './draws.errors.js';
import { drawDetailQuery, drawSummaryQuery, presentDrawDetail, presentDrawSummary } from './draws.present.js';
import { DRAW, DRAW_ENTITY } from './draws.scope.js';
import type { Plans } from './plans.service.js';
import type { RegisterSource } from './register.js';
import type { PairOutcomes } from './index.js';

export interface DrawsDeps {
  db: Database;
  audit: AuditWriter;
  regions: Pick<RegionsService, 'resolve' | 'path'>;
  plans: Plans;
  register: RegisterSource;
  outcomes: PairOutcomes;
  now: () => Date;
}

/**
 * The two steps of a 双随机 draw. Fix: snapshot the register and the pool, generate a secret
 * seed, publish hashes, counts and H(seed). Draw: reveal the seed and store runDraw's result
 * with its pairs — once; the row's trigger refuses a second time whatever calls it.
 */
export function createDraws(deps: DrawsDeps) {
  const { db } = deps;

  async function detail(id: string, user: SessionUser | null): Promise<DrawDetail> {
    let q = drawDetailQuery(db).where('d.id', '=', id);
    q = user ? q.where(scopeOf(user).where(DRAW)) : q.where(unscoped('一公开: every draw is published, its seed only once drawn'));
    const row = await q.executeTakeFirst();
    if (!row) throw notFound(DRAW_ENTITY, 'params.id');
    return presentDrawDetail(db, row, deps.outcomes, user !== null);
  }

  return {
    get: (user: SessionUser, id: string) => detail(id, user),
    publicGet: (id: string) => detail(id, null),

    async list(user: SessionUser) {
      const rows = await drawSummaryQuery(db).where(scopeOf(user).where(DRAW)).orderBy('d.fixed_at', 'desc').limit(200).execute();
      return { items: rows.map(presentDrawSummary) };
    },

    /** 一公开: a region's published draws, for anyone (the region is in the page's URL). */
    async publicList(region: string) {
      const code = await deps.regions.resolve(region, 'query.region', null);
      const path = await deps.regions.path(code);
      const rows = await drawSummaryQuery(db).where(unscoped('一公开: the draws of a region are public')).where(regionFilter('d.region_code', code))
        .orderBy('d.fixed_at', 'desc').limit(200).execute();
      return { regionCode: code, regionName: path.filter((r) => r.level > 0).map((r) => r.name).join(''), items: rows.map(presentDrawSummary) };
    },

    async fix(ctx: RequestContext, user: SessionUser, planId: string, body: z.infer<typeof FixDrawBody>): Promise<DrawDetail> {
      const plan = await deps.plans.owned(user, planId);
      if (body.periodTo < body.periodFrom) throw ruleViolation({ zh: '结束日期不能早于开始日期', en: 'the end date must not precede the start date' }, 'body.periodTo');
      if (Number(body.periodFrom.slice(0, 4)) !== plan.year) throw ruleViolation({ zh: `检查期限应在计划年度 ${plan.year} 年内`, en: `the period must lie in the plan's year ${plan.year}` }, 'body.periodFrom');
      const register = await deps.register(plan, shanghaiDate(deps.now()));
      // The pool as it stands: members still active inspectors of the plan's body, their
      // certificate valid through the whole period, with their 回避.
      const members = await db.selectFrom('inspection_plan_inspectors').select(['user_id', 'cert_valid_until']).where('plan_id', '=', plan.id).execute();
      const valid = members.filter((m) => m.cert_valid_until >= body.periodTo).map((m) => m.user_id);
      const accounts = await deps.plans.candidatesOf(plan, valid);
      const avoid = await db.selectFrom('inspector_avoidances').select(['user_id', 'enterprise_id']).where('plan_id', '=', plan.id).execute();
      const pool = canonicalPool(accounts.map((a) => ({ id: a.id, name: a.display_name, avoid: avoid.filter((x) => x.user_id === a.id).map((x) => x.enterprise_id) })));
      const canonical = canonicalRegister(register);
      const counts = { key: canonical.filter((e) => e.stratum === 'key').length, other: canonical.filter((e) => e.stratum === 'other').length };
      const quota = body.quota ?? drawQuota(counts, { keyTimesPerYear: plan.key_times_per_year, othersPercent: Number(plan.others_percent), roundsPerYear: plan.rounds_per_year });
      const inputs: DrawInputs = { algorithm: DRAW_ALGORITHM, register: canonical, pool, quota, teamSize: plan.team_size };
      const problem = drawProblem(inputs);
      if (problem) throw drawRefusal(problem);
      const seed = crypto.randomBytes(32).toString('hex');
      const fixed = fixedInputs(inputs, seedCommitment(seed));
      const names = Object.fromEntries(register.map((e) => [e.id, { name: e.name, regionCode: e.regionCode, industries: e.industries }]));
      const id = await db.transaction().execute(async (tx) => {
        const pending = await tx.selectFrom('inspection_draws').select('id').where('plan_id', '=', plan.id).where('status', '=', 'committed').forUpdate().executeTakeFirst();
        if (pending) throw pendingDraw();
        const row = await tx.insertInto('inspection_draws').values({
          plan_id: plan.id, region_code: plan.region_code, industries: plan.industries, status: 'committed', period_from: body.periodFrom, period_to: body.periodTo,
          algorithm: DRAW_ALGORITHM, register: JSON.stringify(canonical), register_names: JSON.stringify(names), pool: JSON.stringify(pool),
          register_hash: fixed.registerHash, pool_hash: fixed.poolHash, register_count: fixed.registerCount, pool_count: fixed.poolCount,
          quota_key: quota.key, quota_other: quota.other, team_size: plan.team_size, commitment: fixed.commitment, inputs_hash: fixed.inputsHash, seed,
          fixed_by: user.id, fixed_at: deps.now(),
        }).returning('id').executeTakeFirstOrThrow();
        // The seed stays out of the audit row until the draw reveals it.
        await deps.audit.record(tx, ctx, { action: 'draw.fix', objectType: 'draw', objectId: row.id, result: 'success', statusCode: 201,
          details: { planId: plan.id, registerHash: fixed.registerHash, registerCount: fixed.registerCount, poolHash: fixed.poolHash, poolCount: fixed.poolCount, quota, commitment: fixed.commitment, inputsHash: fixed.inputsHash } });
        return row.id;
      });
      return detail(id, user);
    },

    async draw(ctx: RequestContext, user: SessionUser, id: string): Promise<DrawDetail> {
      await db.transaction().execute(async (tx) => {
        const row = await drawDetailQuery(tx).select(['p.org_id']).where('d.id', '=', id).where(scopeOf(user).where(DRAW)).forUpdate('d').executeTakeFirst();
        if (!row) throw notFound(DRAW_ENTITY, 'params.id');
        if (row.org_id !== user.orgId) throw notOwner();
        if (row.status === 'drawn') throw alreadyDrawn();
        const inputs: DrawInputs = { algorithm: row.algorithm, register: row.register, pool: row.pool, quota: { key: row.quota_key, other: row.quota_other }, teamSize: row.team_size };
        const problem = drawProblem(inputs);
        if (problem) throw drawRefusal(problem);
        const result = runDraw(inputs, row.seed);
        const hash = resultHash(result);
        const updated = await tx.updateTable('inspection_draws').set({ status: 'drawn', result: JSON.stringify(result), result_hash: hash, drawn_by: user.id, drawn_at: deps.now() })
          .where('id', '=', id).where('status', '=', 'committed').executeTakeFirst();
        if (updated.numUpdatedRows !== 1n) throw alreadyDrawn();
        if (result.pairs.length) {
          await tx.insertInto('draw_pairs').values(result.pairs.map((p) => ({
            draw_id: id, position: p.position, stratum: p.stratum, enterprise_id: p.enterpriseId, inspector_ids: p.inspectorIds,
            region_code: row.register_names[p.enterpriseId]?.regionCode ?? row.region_code, industries: row.register_names[p.enterpriseId]?.industries ?? null,
          }))).execute();
        }
        await deps.audit.record(tx, ctx, { action: 'draw.draw', objectType: 'draw', objectId: id, result: 'success', statusCode: 200,
          details: { commitment: row.commitment, seed: row.seed, resultHash: hash, pairs: result.pairs.length } });
      });
      return detail(id, user);
    },
  };
}

export type Draws = ReturnType<typeof createDraws>;
