import type { z } from 'zod';
import {
  ENTERPRISE_SELF_SERVICE_FIELDS,
  type BlacklistFlag, type CreateEnterpriseBody, type Enterprise, type EnterpriseListQuery, type EnterpriseStatus, type EnterpriseStatusBody, type UpdateEnterpriseBody,
} from '@anjian/domain';
import { scopeOf, type Scope } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { decodeCursor, pageOf } from '../../platform/db/cursor.js';
import { AppError, duplicate, forbidden, notFound, ruleViolation } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import type { PiiCipher } from '../../platform/secrets/pii.js';
import type { IndustriesService } from '../industries/index.js';
import type { RegionsService } from '../regions/index.js';
import type { RoutingService } from '../routing/index.js';
import { sealContacts } from './enterprises.pii.js';
import { createDepartmentResolver, presentEnterprise } from './enterprises.present.js';
import type { EnterpriseRow, EnterprisesRepository, EnterpriseValues } from './enterprises.repository.js';
import { assertDepartmentShares, assertManualStatusChange, assertStatusChange, ENTERPRISE_ENTITY, isUniqueViolation, ownRegion, uniqueIndustries } from './enterprises.rules.js';

export interface EnterprisesDeps {
  db: Database;
  repo: EnterprisesRepository;
  regions: Pick<RegionsService, 'resolve'>;
  industries: Pick<IndustriesService, 'assertKnown'>;
  routing: Pick<RoutingService, 'supervisingDepartment'>;
  audit: AuditWriter;
  pii: PiiCipher;
  now: () => Date;
  /** The blacklist flags (the cases module, created later: read through this getter). */
  blacklist?: () => BlacklistSource | null;
}

/** In-force 黑名单 entries of these enterprises that the scope sees, by enterprise id. */
export type BlacklistSource = (scope: Scope, enterpriseIds: readonly string[]) => Promise<Map<string, BlacklistFlag>>;

/** What other modules (hazards) need to know about an enterprise. */
export interface EnterpriseSummary {
  id: string;
  name: string;
  regionCode: string;
  industries: string[];
  status: EnterpriseStatus;
}

const summary = (row: EnterpriseRow): EnterpriseSummary => ({ id: row.id, name: row.name, regionCode: row.region_code, industries: row.industries, status: row.status as EnterpriseStatus });

type UpdateBody = z.infer<typeof UpdateEnterpriseBody>;

function valuesOf(body: Partial<z.infer<typeof CreateEnterpriseBody>>, pii: PiiCipher): Partial<EnterpriseValues> {
  const v: Partial<EnterpriseValues> = {};
  if (body.uscc !== undefined) v.uscc = body.uscc;
  if (body.address !== undefined) v.address = body.address;
  if (body.location !== undefined) {
    v.latitude = body.location?.latitude ?? null;
    v.longitude = body.location?.longitude ?? null;
  }
  if (body.industries !== undefined) v.industries = uniqueIndustries(body.industries);
  if (body.scale !== undefined) v.scale = body.scale;
  if (body.legalRepresentative !== undefined) v.legal_representative = body.legalRepresentative;
  if (body.principal !== undefined) v.principal = body.principal;
  if (body.actualController !== undefined) v.actual_controller = body.actualController ?? null;
  if (body.safetyContacts !== undefined) v.safety_contacts_enc = sealContacts(pii, body.safetyContacts);
  return v;
}

/** An enterprise account may send only the self-service fields; each other one is named. */
function assertSelfService(body: UpdateBody): void {
  const refused = Object.keys(body).filter((k) => !(ENTERPRISE_SELF_SERVICE_FIELDS as readonly string[]).includes(k));
  if (refused.length === 0) return;
  throw new AppError('FORBIDDEN', { permission: 'enterprise.update' }, refused.map((k) => ({
    field: `body.${k}`, reason: 'government_only',
    message: { zh: '企业账户只能修改安全联系人、地址和位置，其他信息由监管部门维护', en: 'an enterprise account may change only its safety contacts, address and location; the supervisor keeps the rest' },
  })));
}

export function createEnterprisesService(deps: EnterprisesDeps) {
  const { db, repo, audit } = deps;

  /** Flags for a user who may read the blacklist; nobody else learns of it here. */
  async function flagsOf(user: SessionUser, ids: readonly string[]): Promise<Map<string, BlacklistFlag>> {
    const source = deps.blacklist?.() ?? null;
    if (!source || ids.length === 0 || !user.permissions.has('blacklist.read')) return new Map();
    return source(scopeOf(user), ids);
  }

  async function presentOne(row: EnterpriseRow, user: SessionUser): Promise<Enterprise> {
    const [dept] = await createDepartmentResolver({ routing: deps.routing, repo })([row]);
    return presentEnterprise(row, user, dept ?? null, (await flagsOf(user, [row.id])).get(row.id) ?? null);
  }

  async function loadForChange(tx: Executor, user: SessionUser, id: string): Promise<EnterpriseRow> {
    await repo.lockForUpdate(tx, id);
    const row = await repo.get(id, scopeOf(user), tx);
    if (!row) throw notFound(ENTERPRISE_ENTITY, 'params.id');
    return row;
  }

  async function changeStatus(tx: Executor, ctx: RequestContext, row: EnterpriseRow, to: EnterpriseStatus, reason: string, statusCode: number | null) {
    const from = row.status as EnterpriseStatus;
    assertStatusChange(from, to);
    await repo.setStatus(tx, row.id, to, reason, deps.now());
    await audit.record(tx, ctx, { action: 'enterprise.status', objectType: 'enterprise', objectId: row.id, result: 'success', statusCode, details: { from, to, reason } });
  }

  return {
    async get(user: SessionUser, id: string): Promise<Enterprise> {
      const row = await repo.get(id, scopeOf(user));
      if (!row) throw notFound(ENTERPRISE_ENTITY, 'params.id');
      return presentOne(row, user);
    },

    async list(user: SessionUser, query: z.infer<typeof EnterpriseListQuery>) {
      const scope = scopeOf(user);
      const regionCode = query.regionCode === undefined ? undefined : await deps.regions.resolve(query.regionCode, 'query.regionCode', scope);
      const rows = await repo.list(scope, {
        regionCode, industry: query.industry, status: query.status, q: query.q, limit: query.limit,
        after: decodeCursor(query.cursor, 3),
      });
      const page = pageOf(rows, query.limit, (r) => [r.region_code, r.name, r.id]);
      const departments = await createDepartmentResolver({ routing: deps.routing, repo })(page.items);
      const flags = await flagsOf(user, page.items.map((r) => r.id));
      return { items: page.items.map((r, i) => presentEnterprise(r, user, departments[i] ?? null, flags.get(r.id) ?? null)), nextCursor: page.nextCursor };
    },

    async create(ctx: RequestContext, user: SessionUser, body: z.infer<typeof CreateEnterpriseBody>): Promise<Enterprise> {
      const scope = scopeOf(user);
      const regionCode = await ownRegion(deps.regions, user, scope, body.regionCode, 'body.regionCode', 'enterprise.create');
      const industries = uniqueIndustries(body.industries);
      await deps.industries.assertKnown(industries, 'body.industries');
      assertDepartmentShares(scope, industries, 'body.industries');
      if ((await repo.existingUscc([body.uscc])).size > 0) throw duplicate('body.uscc', body.uscc);
      try {
        return await db.transaction().execute(async (tx) => {
          const values = { ...valuesOf(body, deps.pii), industries } as EnterpriseValues;
          const id = await repo.insert(tx, { name: body.name, region_code: regionCode }, values);
          if (!id) throw duplicate('body.name', body.name);
          await audit.record(tx, ctx, { action: 'enterprise.create', objectType: 'enterprise', objectId: id, result: 'success', statusCode: 201, details: { name: body.name, uscc: body.uscc, regionCode } });
          return presentOne((await repo.get(id, null, tx))!, user);
        });
      } catch (error) {
        if (isUniqueViolation(error, 'enterprises_uscc_key')) throw duplicate('body.uscc', body.uscc);
        throw error;
      }
    },

    /** Government users edit everything but status; an enterprise's principal its contacts (see assertSelfService). */
    async update(ctx: RequestContext, user: SessionUser, id: string, body: UpdateBody): Promise<Enterprise> {
      const scope = scopeOf(user);
      try {
        return await db.transaction().execute(async (tx) => {
          const current = await loadForChange(tx, user, id);
          if (scope.isEnterprise) {
            assertSelfService(body);
            if (current.status === 'closed') throw ruleViolation({ zh: '企业已关闭，不能修改', en: 'the enterprise is closed' });
          }
          const org: { name?: string; region_code?: string } = {};
          if (body.regionCode !== undefined) org.region_code = await ownRegion(deps.regions, user, scope, body.regionCode, 'body.regionCode', 'enterprise.update');
          if (body.name !== undefined) org.name = body.name;
          if ((org.name !== undefined || org.region_code !== undefined)
            && (await repo.nameTaken(tx, org.region_code ?? current.region_code, org.name ?? current.name, id))) {
            throw duplicate('body.name', org.name ?? current.name);
          }
          if (body.industries !== undefined) {
            await deps.industries.assertKnown(uniqueIndustries(body.industries), 'body.industries');
            assertDepartmentShares(scope, body.industries, 'body.industries');
          }
          if (body.uscc !== undefined && (await repo.existingUscc([body.uscc], id, tx)).size > 0) throw duplicate('body.uscc', body.uscc);
          await repo.update(tx, id, org, valuesOf(body, deps.pii), deps.now());
          // Contacts are personal data: the audit log says they changed, not who they are.
          const { safetyContacts, ...rest } = body;
          await audit.record(tx, ctx, { action: 'enterprise.update', objectType: 'enterprise', objectId: id, result: 'success', statusCode: 200, details: safetyContacts === undefined ? rest : { ...rest, safetyContacts: safetyContacts.length } });
          return presentOne((await repo.get(id, null, tx))!, user);
        });
      } catch (error) {
        if (isUniqueViolation(error, 'enterprises_uscc_key')) throw duplicate('body.uscc', body.uscc ?? '');
        if (isUniqueViolation(error, 'orgs_region_code_type_name_key')) throw duplicate('body.name', body.name ?? '');
        throw error;
      }
    },

    async changeStatus(ctx: RequestContext, user: SessionUser, id: string, body: z.infer<typeof EnterpriseStatusBody>): Promise<Enterprise> {
      return db.transaction().execute(async (tx) => {
        const current = await loadForChange(tx, user, id);
        // 停产整顿 and 关闭 are the supervisor's orders, never the enterprise's own.
        if (user.orgType === 'enterprise') throw forbidden('enterprise.update');
        assertManualStatusChange(current.status as EnterpriseStatus, body.status);
        await changeStatus(tx, ctx, current, body.status, body.reason, 200);
        return presentOne((await repo.get(id, null, tx))!, user);
      });
    },

    /** For other modules: the enterprise if `user` may see it, else null (treat as 404). */
    async findVisible(user: SessionUser, enterpriseId: string): Promise<EnterpriseSummary | null> {
      const row = await repo.get(enterpriseId, scopeOf(user));
      return row ? summary(row) : null;
    },

    /**
     * A status change the system orders (挂牌督办 ordering 停产整顿, lifting it), inside the
     * caller's transaction and audit trail; the caller has already checked the actor's right.
     * Asking for the current status again changes nothing (a second listing of an already
     * suspended unit); a change the domain forbids (reopening a closed one) is a 409.
     */
    async setStatus(tx: Executor, ctx: RequestContext, enterpriseId: string, status: EnterpriseStatus, reason: string): Promise<{ from: EnterpriseStatus; to: EnterpriseStatus; changed: boolean }> {
      await repo.lockForUpdate(tx, enterpriseId);
      const row = await repo.get(enterpriseId, null, tx);
      if (!row) throw notFound(ENTERPRISE_ENTITY);
      const from = row.status as EnterpriseStatus;
      if (from === status) return { from, to: status, changed: false };
      await changeStatus(tx, ctx, row, status, reason, null);
      return { from, to: status, changed: true };
    },
  };
}

export type EnterprisesService = ReturnType<typeof createEnterprisesService>;
