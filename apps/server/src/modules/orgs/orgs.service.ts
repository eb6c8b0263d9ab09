import type { z } from 'zod';
import { ORG_TYPE_LEVELS, regionPath, REGION_LEVEL_NAMES, regionLevel, type CreateOrgBody, type Org, type OrgListQuery, type OrgType, type UpdateOrgBody } from '@anjian/domain';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import { scopeOf } from '../../platform/access/scope.js';
import type { Database } from '../../platform/db/database.js';
import { decodeCursor, pageOf } from '../../platform/db/cursor.js';
import { duplicate, ENTITY, forbidden, notFound, ruleViolation } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import type { IndustriesService } from '../industries/index.js';
import type { RegionsService } from '../regions/index.js';
import { orgActions } from './orgs.policy.js';
import type { OrgRow, OrgsRepository } from './orgs.repository.js';

export interface OrgsDeps {
  db: Database;
  repo: OrgsRepository;
  regions: Pick<RegionsService, 'resolve'>;
  industries: Pick<IndustriesService, 'assertKnown'>;
  audit: AuditWriter;
  now: () => Date;
  /** Told after an organisation changes: signed-in members carry its name and industries. */
  changed?: () => void;
}

function present(row: OrgRow, user: SessionUser): Org {
  return {
    id: row.id, type: row.type as OrgType, name: row.name, regionCode: row.region_code, regionName: row.region_name,
    industries: row.industries, status: row.status, userCount: row.user_count, actions: orgActions(user),
  };
}

function assertTypeFitsRegion(type: OrgType, regionCode: string): void {
  const level = regionLevel(regionCode);
  const allowed = ORG_TYPE_LEVELS[type];
  if (!allowed.includes(level)) {
    const names = allowed.map((l) => REGION_LEVEL_NAMES[l as keyof typeof REGION_LEVEL_NAMES]);
    throw ruleViolation({
      zh: `该类型的组织只能设在${names.map((n) => n.zh).join('、')}级`,
      en: `this type of organisation belongs at the ${names.map((n) => n.en.toLowerCase()).join(' / ')} level`,
    }, 'body.regionCode');
  }
}

export function createOrgsService(deps: OrgsDeps) {
  const { db, repo, audit } = deps;

  return {
    /**
     * For other modules: an organisation the user may refer to — in their subtree, or above
     * them on their path (a township assigning to the county's department). Null otherwise.
     */
    async findReachable(user: SessionUser, id: string): Promise<{ id: string; type: string; name: string; regionCode: string; industries: string[] } | null> {
      const row = await repo.findReachable(id, scopeOf(user), regionPath(user.regionCode));
      return row ? { id: row.id, type: row.type, name: row.name, regionCode: row.region_code, industries: row.industries } : null;
    },

    async get(user: SessionUser, id: string): Promise<Org> {
      const row = await repo.get(id, scopeOf(user));
      if (!row) throw notFound(ENTITY.org, 'params.id');
      return present(row, user);
    },

    async list(user: SessionUser, query: z.infer<typeof OrgListQuery>) {
      const scope = scopeOf(user);
      const regionCode = query.regionCode === undefined ? undefined : await deps.regions.resolve(query.regionCode, 'query.regionCode', scope);
      const rows = await repo.list(scope, {
        regionCode, subtree: query.subtree, type: query.type, q: query.q, limit: query.limit,
        after: decodeCursor(query.cursor, 3),
      });
      const page = pageOf(rows, query.limit, (r) => [r.region_code, r.name, r.id]);
      return { items: page.items.map((r) => present(r, user)), nextCursor: page.nextCursor };
    },

    async create(ctx: RequestContext, user: SessionUser, body: z.infer<typeof CreateOrgBody>): Promise<Org> {
      const scope = scopeOf(user);
      const regionCode = await deps.regions.resolve(body.regionCode, 'body.regionCode', scope);
      // Regions above one's own are visible (breadcrumb) but not one's to administer.
      if (scope.isEnterprise || !scope.coversRegion(regionCode)) throw forbidden('org.create');
      // An enterprise is registered with its USCC and details through /api/enterprises.
      if (body.type === 'enterprise' || body.type === 'platform' || body.type === 'public') {
        throw ruleViolation({ zh: '企业请在“企业管理”中登记；平台与公众组织由系统维护', en: 'register enterprises under /api/enterprises; platform and public organisations are maintained by the system' }, 'body.type');
      }
      assertTypeFitsRegion(body.type, regionCode);
      if (body.type !== 'department' && body.industries.length > 0) {
        throw ruleViolation({ zh: '只有行业主管部门可以设置监管行业', en: 'only industry departments supervise industries' }, 'body.industries');
      }
      await deps.industries.assertKnown(body.industries, 'body.industries');
      return db.transaction().execute(async (tx) => {
        const id = await repo.insert(tx, { type: body.type, name: body.name, region_code: regionCode, industries: body.industries });
        if (!id) throw duplicate('body.name', body.name);
        await audit.record(tx, ctx, { action: 'org.create', objectType: 'org', objectId: id, result: 'success', statusCode: 201, details: { type: body.type, name: body.name, regionCode } });
        return present((await repo.get(id, scope, tx))!, user);
      });
    },

    async update(ctx: RequestContext, user: SessionUser, id: string, body: z.infer<typeof UpdateOrgBody>): Promise<Org> {
      const scope = scopeOf(user);
      const updated = await db.transaction().execute(async (tx) => {
        await repo.lockForUpdate(tx, id);
        const current = await repo.get(id, scope, tx);
        if (!current) throw notFound(ENTITY.org, 'params.id');
        if (body.industries !== undefined) {
          if (current.type !== 'department' && body.industries.length > 0) {
            throw ruleViolation({ zh: '只有行业主管部门可以设置监管行业', en: 'only industry departments supervise industries' }, 'body.industries');
          }
          await deps.industries.assertKnown(body.industries, 'body.industries');
        }
        if (body.name !== undefined && (await repo.nameTaken(tx, current.region_code, current.type, body.name, id))) {
          throw duplicate('body.name', body.name);
        }
        await repo.update(tx, id, body, deps.now());
        await audit.record(tx, ctx, { action: 'org.update', objectType: 'org', objectId: id, result: 'success', statusCode: 200, details: body });
        return present((await repo.get(id, scope, tx))!, user);
      });
      deps.changed?.();
      return updated;
    },
  };
}

export type OrgsService = ReturnType<typeof createOrgsService>;
