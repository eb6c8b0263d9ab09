import { drawQuota, isBusinessDate, shanghaiDate, type InspectionPlan, type InspectionPlanBody, type InspectionPlanDetail } from '@anjian/domain';
import type { z } from 'zod';
import type { AvoidanceBody, PoolMemberBody } from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { AppError, duplicate, notFound, ruleViolation } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import { inspectorAccounts } from '../users/index.js';
import type { RegionsService } from '../regions/index.js';
import { notOwner } from './draws.errors.js';
import { PLAN, PLAN_ENTITY } from './draws.scope.js';
import type { RegisterSource } from './register.js';
import { presentDrawSummary, drawSummaryQuery } from './draws.present.js';

export interface PlansDeps {
  db: Database;
  audit: AuditWriter;
  regions: Pick<RegionsService, 'resolve'>;
  industryCodes: () => Promise<string[]>;
  /** Whether the user may see this enterprise (the enterprises module's scoped lookup). */
  enterpriseVisible: (user: SessionUser, id: string) => Promise<{ name: string } | null>;
  register: RegisterSource;
  now: () => Date;
}

export type PlanRow = Awaited<ReturnType<ReturnType<typeof planQuery>['executeTakeFirstOrThrow']>>;

export const planQuery = (db: Executor) => db.selectFrom('inspection_plans as p')
  .innerJoin('orgs as o', 'o.id', 'p.org_id').innerJoin('regions as r', 'r.code', 'p.region_code').innerJoin('users as u', 'u.id', 'p.created_by')
  .selectAll('p').select(['o.name as org_name', 'o.type as org_type', 'r.name as region_name', 'u.display_name as created_by_name']);

export function presentPlan(row: PlanRow): InspectionPlan {
  return {
    id: row.id, name: row.name, year: row.year, regionCode: row.region_code, regionName: row.region_name, industries: row.industries,
    keyRule: { scales: row.key_rule.scales as InspectionPlan['keyRule']['scales'], majorHazardMonths: row.key_rule.majorHazardMonths },
    keyTimesPerYear: row.key_times_per_year, othersPercent: Number(row.others_percent), roundsPerYear: row.rounds_per_year, teamSize: row.team_size,
    orgId: row.org_id, orgName: row.org_name, createdAt: row.created_at.toISOString(), createdBy: row.created_by_name,
  };
}

/** The plans of a department or committee office: scope, target coverage, the inspectors' pool and its 回避. */
export function createPlans(deps: PlansDeps) {
  const { db } = deps;
  // The business day in China: a plan's register and certificates are judged by Beijing's date, not UTC's.
  const today = () => shanghaiDate(deps.now());

  async function load(user: SessionUser, id: string, ex: Executor = db): Promise<PlanRow> {
    const row = await planQuery(ex).where('p.id', '=', id).where(scopeOf(user).where(PLAN)).executeTakeFirst();
    if (!row) throw notFound(PLAN_ENTITY, 'params.id');
    return row;
  }

  /** Visible is not enough to change a plan: it is its own organisation's. */
  async function owned(user: SessionUser, id: string): Promise<PlanRow> {
    const row = await load(user, id);
    if (row.org_id !== user.orgId) throw notOwner();
    return row;
  }

  /** The inspectors a plan may draw on: its department's own, or for an office those of its region's government bodies. */
  const candidatesOf = (plan: PlanRow, ids?: readonly string[]) =>
    inspectorAccounts(db, plan.org_type === 'department' ? { orgId: plan.org_id, ids } : { regionCode: plan.region_code, ids });

  async function pool(plan: PlanRow) {
    const members = await db.selectFrom('inspection_plan_inspectors as m').innerJoin('users as u', 'u.id', 'm.user_id').innerJoin('orgs as o', 'o.id', 'u.org_id')
      .select(['m.user_id', 'm.cert_no', 'm.cert_valid_until', 'u.display_name', 'o.name as org_name'])
      .where('m.plan_id', '=', plan.id).orderBy('m.user_id').execute();
    const avoidances = await db.selectFrom('inspector_avoidances as a').innerJoin('orgs as e', 'e.id', 'a.enterprise_id')
      .select(['a.id', 'a.user_id', 'a.enterprise_id', 'e.name', 'a.reason']).where('a.plan_id', '=', plan.id).orderBy('a.created_at').execute();
    return members.map((m) => ({
      userId: m.user_id, name: m.display_name, orgName: m.org_name, certNo: m.cert_no, certValidUntil: m.cert_valid_until,
      avoidances: avoidances.filter((a) => a.user_id === m.user_id).map((a) => ({ id: a.id, enterpriseId: a.enterprise_id, enterpriseName: a.name, reason: a.reason })),
    }));
  }

  return {
    load,
    owned,
    candidatesOf,

    async list(user: SessionUser): Promise<{ items: InspectionPlan[] }> {
      const rows = await planQuery(db).where(scopeOf(user).where(PLAN)).orderBy('p.year', 'desc').orderBy('p.created_at', 'desc').limit(200).execute();
      return { items: rows.map(presentPlan) };
    },

    async detail(user: SessionUser, id: string): Promise<InspectionPlanDetail> {
      const row = await load(user, id);
      const snapshot = await deps.register(row, today());
      const counts = { key: snapshot.filter((e) => e.stratum === 'key').length, other: snapshot.filter((e) => e.stratum === 'other').length };
      const draws = await drawSummaryQuery(db).where('d.plan_id', '=', row.id).orderBy('d.fixed_at', 'desc').execute();
      return {
        ...presentPlan(row), pool: await pool(row), draws: draws.map(presentDrawSummary),
        preview: { ...counts, quota: drawQuota(counts, { keyTimesPerYear: row.key_times_per_year, othersPercent: Number(row.others_percent), roundsPerYear: row.rounds_per_year }) },
      };
    },

    async create(ctx: RequestContext, user: SessionUser, body: InspectionPlanBody): Promise<InspectionPlan> {
      if (user.orgType !== 'department' && user.orgType !== 'safety_committee_office') {
        throw new AppError('FORBIDDEN', { permission: 'inspection_plan.manage' }, [{ field: 'orgType', reason: 'not_plan_owner', message: { zh: '检查计划由行业部门或安委办制定', en: 'plans are kept by industry departments and committee offices' } }]);
      }
      const scope = scopeOf(user);
      const regionCode = body.regionCode ? await deps.regions.resolve(body.regionCode, 'body.regionCode', scope) : user.regionCode;
      if (!scope.coversRegion(regionCode)) throw notFound({ zh: '行政区划', en: 'Region' }, 'body.regionCode');
      let industries = body.industries ?? null;
      if (industries !== null) {
        const known = new Set(await deps.industryCodes());
        const unknown = industries.filter((i) => !known.has(i));
        if (unknown.length) throw ruleViolation({ zh: `未知行业：${unknown.join('、')}`, en: `unknown industries: ${unknown.join(', ')}` }, 'body.industries');
        const outside = industries.filter((i) => !scope.coversIndustry(i));
        if (outside.length) throw ruleViolation({ zh: `不属本部门监管的行业：${outside.join('、')}`, en: `industries outside the department's: ${outside.join(', ')}` }, 'body.industries');
        industries = [...new Set(industries)].sort();
      } else if (scope.industries !== null) industries = [...scope.industries].sort();
      const id = await db.transaction().execute(async (tx) => {
        const row = await tx.insertInto('inspection_plans').values({
          org_id: user.orgId, region_code: regionCode, industries, name: body.name, year: body.year, key_rule: JSON.stringify({ scales: [...new Set(body.keyRule.scales)], majorHazardMonths: body.keyRule.majorHazardMonths }),
          key_times_per_year: body.keyTimesPerYear, others_percent: body.othersPercent, rounds_per_year: body.roundsPerYear, team_size: body.teamSize, created_by: user.id,
        }).returning('id').executeTakeFirstOrThrow();
        await deps.audit.record(tx, ctx, { action: 'inspection_plan.create', objectType: 'inspection_plan', objectId: row.id, result: 'success', statusCode: 201, details: { name: body.name, year: body.year, regionCode, industries } });
        return row.id;
      });
      return presentPlan(await load(user, id));
    },

    async candidates(user: SessionUser, id: string) {
      const plan = await load(user, id);
      const inPool = new Set((await db.selectFrom('inspection_plan_inspectors').select('user_id').where('plan_id', '=', plan.id).execute()).map((r) => r.user_id));
      return { items: (await candidatesOf(plan)).map((c) => ({ userId: c.id, name: c.display_name, orgName: c.org_name, inPool: inPool.has(c.id) })) };
    },

    async putMember(ctx: RequestContext, user: SessionUser, id: string, userId: string, body: z.infer<typeof PoolMemberBody>) {
      const plan = await owned(user, id);
      if (!isBusinessDate(body.certValidUntil) || body.certValidUntil < today()) {
        throw ruleViolation({ zh: '执法证已过期，不能加入检查人员库', en: 'the enforcement certificate has expired' }, 'body.certValidUntil');
      }
      if ((await candidatesOf(plan, [userId])).length === 0) {
        throw ruleViolation({ zh: '该用户不是本单位在岗的执法检查人员', en: 'not an active inspector of the plan\'s organisation' }, 'params.userId');
      }
      await db.transaction().execute(async (tx) => {
        await tx.insertInto('inspection_plan_inspectors').values({ plan_id: plan.id, user_id: userId, cert_no: body.certNo, cert_valid_until: body.certValidUntil, added_by: user.id })
          .onConflict((oc) => oc.columns(['plan_id', 'user_id']).doUpdateSet({ cert_no: body.certNo, cert_valid_until: body.certValidUntil })).execute();
        await deps.audit.record(tx, ctx, { action: 'inspection_plan.pool_put', objectType: 'inspection_plan', objectId: plan.id, result: 'success', statusCode: 200, details: { userId, certNo: body.certNo, certValidUntil: body.certValidUntil } });
      });
      return this.detail(user, id);
    },

    async removeMember(ctx: RequestContext, user: SessionUser, id: string, userId: string) {
      const plan = await owned(user, id);
      await db.transaction().execute(async (tx) => {
        const gone = await tx.deleteFrom('inspection_plan_inspectors').where('plan_id', '=', plan.id).where('user_id', '=', userId).executeTakeFirst();
        if (gone.numDeletedRows === 0n) throw notFound({ zh: '检查人员', en: 'Pool member' }, 'params.userId');
        await deps.audit.record(tx, ctx, { action: 'inspection_plan.pool_remove', objectType: 'inspection_plan', objectId: plan.id, result: 'success', statusCode: 200, details: { userId } });
      });
      return this.detail(user, id);
    },

    async addAvoidance(ctx: RequestContext, user: SessionUser, id: string, body: z.infer<typeof AvoidanceBody>) {
      const plan = await owned(user, id);
      const member = await db.selectFrom('inspection_plan_inspectors').select('user_id').where('plan_id', '=', plan.id).where('user_id', '=', body.userId).executeTakeFirst();
      if (!member) throw ruleViolation({ zh: '回避人员须是本计划检查人员库中的人员', en: 'the inspector must be in the plan\'s pool' }, 'body.userId');
      if (!(await deps.enterpriseVisible(user, body.enterpriseId))) throw notFound({ zh: '企业', en: 'Enterprise' }, 'body.enterpriseId');
      await db.transaction().execute(async (tx) => {
        const row = await tx.insertInto('inspector_avoidances').values({ plan_id: plan.id, user_id: body.userId, enterprise_id: body.enterpriseId, reason: body.reason, created_by: user.id })
          .onConflict((oc) => oc.columns(['plan_id', 'user_id', 'enterprise_id']).doNothing()).returning('id').executeTakeFirst();
        if (!row) throw duplicate('body.enterpriseId', body.enterpriseId);
        await deps.audit.record(tx, ctx, { action: 'inspection_plan.avoidance', objectType: 'inspection_plan', objectId: plan.id, result: 'success', statusCode: 201, details: { userId: body.userId, enterpriseId: body.enterpriseId, reason: body.reason } });
      });
      return this.detail(user, id);
    },
  };
}

export type Plans = ReturnType<typeof createPlans>;
