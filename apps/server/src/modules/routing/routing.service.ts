import { isWithinRegion, type RoutingEntry } from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { ENTITY, forbidden, notFound, ruleViolation } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import type { IndustriesService } from '../industries/index.js';
import type { RegionsService } from '../regions/index.js';
import type { RoutingRepository } from './routing.repository.js';

export interface RoutingDeps {
  db: Database;
  repo: RoutingRepository;
  regions: Pick<RegionsService, 'resolve'>;
  industries: Pick<IndustriesService, 'assertKnown'>;
  audit: AuditWriter;
  now: () => Date;
}

export function createRoutingService(deps: RoutingDeps) {
  const { db, repo, audit } = deps;

  async function table(user: SessionUser, regionCode: string, ex?: Executor): Promise<RoutingEntry[]> {
    const rows = await repo.effective(regionCode, ex);
    // Editing a route is for system administrators whose scope contains the region.
    const canManage = user.permissions.has('routing.manage') && scopeOf(user).coversRegion(regionCode);
    return rows.map((r) => ({
      industryCode: r.industry_code,
      industryName: r.industry_name,
      department: r.department_id ? { id: r.department_id, name: r.department_name!, regionCode: r.department_region! } : null,
      definedAt: r.defined_at,
      inherited: r.defined_at !== null && r.defined_at !== regionCode,
      actions: canManage ? (r.defined_at === regionCode ? ['set', 'clear'] : ['set']) : [],
    }));
  }

  return {
    async table(user: SessionUser, regionInput: string) {
      const regionCode = await deps.regions.resolve(regionInput, 'query.regionCode', scopeOf(user));
      return { regionCode, items: await table(user, regionCode) };
    },

    /** 三管三必须: which department supervises this industry in this region. */
    async supervisingDepartment(regionCode: string, industryCode: string): Promise<string | null> {
      const rows = await repo.effective(regionCode);
      return rows.find((r) => r.industry_code === industryCode)?.department_id ?? null;
    },

    async set(ctx: RequestContext, user: SessionUser, regionInput: string, industryCode: string, departmentId: string) {
      const scope = scopeOf(user);
      const regionCode = await deps.regions.resolve(regionInput, 'params.regionCode', scope);
      // Regions above one's own are visible (breadcrumb) but not one's to configure.
      if (!scopeOf(user).coversRegion(regionCode)) throw forbidden('routing.manage');
      await deps.industries.assertKnown([industryCode], 'params.industryCode');
      // The department must be one the caller can see: in scope or on the path above it.
      const dept = await repo.department(departmentId, scope);
      if (!dept || dept.type !== 'department') throw notFound(ENTITY.department, 'body.departmentId');
      if (!isWithinRegion(regionCode, dept.region_code)) {
        throw ruleViolation({ zh: '该部门不管辖此区划', en: 'this department does not cover that region' }, 'body.departmentId');
      }
      if (!dept.industries.includes(industryCode)) {
        throw ruleViolation({ zh: '该部门的监管行业中不含此行业，请先在组织机构中添加', en: 'the department does not supervise this industry; add it to the department first' }, 'body.departmentId');
      }
      return db.transaction().execute(async (tx) => {
        await repo.upsert(tx, regionCode, industryCode, departmentId, deps.now());
        await audit.record(tx, ctx, { action: 'routing.set', objectType: 'route', objectId: `${regionCode}/${industryCode}`, result: 'success', statusCode: 200, details: { departmentId } });
        return { regionCode, items: await table(user, regionCode, tx) };
      });
    },

    async clear(ctx: RequestContext, user: SessionUser, regionInput: string, industryCode: string) {
      const regionCode = await deps.regions.resolve(regionInput, 'params.regionCode', scopeOf(user));
      if (!scopeOf(user).coversRegion(regionCode)) throw forbidden('routing.manage');
      return db.transaction().execute(async (tx) => {
        const removed = await repo.remove(tx, regionCode, industryCode);
        if (!removed) throw notFound({ zh: '本级路由', en: 'Route at this level' }, 'params.industryCode');
        await audit.record(tx, ctx, { action: 'routing.clear', objectType: 'route', objectId: `${regionCode}/${industryCode}`, result: 'success', statusCode: 200 });
        return { regionCode, items: await table(user, regionCode, tx) };
      });
    },
  };
}

export type RoutingService = ReturnType<typeof createRoutingService>;
