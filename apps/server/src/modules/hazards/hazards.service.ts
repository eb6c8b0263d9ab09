import type { z } from 'zod';
import { canReportFrom, compareDates, orgAudience, shanghaiDate, type HazardAction, type HazardDetail, type LedgerQuery, type OrgType, type ReportHazardBody } from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Database } from '../../platform/db/database.js';
import { decodeCursor, pageOf } from '../../platform/db/cursor.js';
import { forbidden, notFound, ruleViolation } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import type { PiiCipher } from '../../platform/secrets/pii.js';
import type { OrgsService } from '../orgs/index.js';
import type { RegionsService } from '../regions/index.js';
import { loadDetail, presentDetail } from './hazards.detail.js';
import { presentSummary } from './hazards.present.js';
import type { HazardQueries } from './hazards.queries.js';
import { sealIdentity, type ReporterIdentityValue } from './hazards.reporter.js';
import type { HazardsRepository } from './hazards.repository.js';
import { assertOwnFiles, type ActHandler, type Perform } from './hazards.workflow.js';

export interface HazardsServiceDeps {
  db: Database;
  repo: HazardsRepository;
  queries: HazardQueries;
  regions: Pick<RegionsService, 'resolve'>;
  orgs: Pick<OrgsService, 'findReachable'>;
  ownedFiles: (userId: string, ids: string[]) => Promise<{ id: string }[]>;
  audit: AuditWriter;
  perform: Perform;
  handlers: Record<HazardAction, ActHandler>;
  pii: PiiCipher;
  now: () => Date;
}

const ENTITY = { zh: '隐患', en: 'Hazard' };

/**
 * The citizen behind a public report: `reporter`, or the name typed where others type who found
 * it. Any other source names no citizen, so a reporter there is refused.
 */
function reporterOf(body: z.infer<typeof ReportHazardBody>): ReporterIdentityValue | null {
  if (body.source !== 'public_report') {
    if (body.reporter) throw ruleViolation({ zh: '只有群众举报才填写举报人', en: 'only a public report names a reporter' }, 'body.reporter');
    return null;
  }
  if (body.reporter) return { name: body.reporter.name, phone: body.reporter.phone ?? null };
  return body.foundByName ? { name: body.foundByName, phone: null } : null;
}

export function createHazardsService(deps: HazardsServiceDeps) {
  const { db, repo, queries, now } = deps;

  async function detail(user: SessionUser, id: string): Promise<HazardDetail> {
    const h = await loadDetail(db, id, scopeOf(user));
    if (!h) throw notFound(ENTITY, 'params.id');
    return presentDetail(h, user, now());
  }

  return {
    detail,

    /**
     * Whether `user` may read hazard `id` — the detail route's rule (its permission, then the
     * scope) — for what hangs off a hazard: the files service asks it before serving a photo.
     */
    async mayRead(user: SessionUser, id: string): Promise<boolean> {
      if (!user.permissions.has('hazard.read')) return false;
      return (await repo.visibleIds([id], scopeOf(user))).length > 0;
    },

    async ledger(user: SessionUser, query: LedgerQuery) {
      const scope = scopeOf(user);
      const regionCode = query.regionCode === undefined ? undefined : await deps.regions.resolve(query.regionCode, 'query.regionCode', scope);
      const { reportedByMe, ...rest } = query;
      const filter = { ...rest, regionCode, reportedBy: reportedByMe ? user.id : undefined };
      const after = decodeCursor(query.cursor, 1);
      const at = now();
      const [rows, counts] = await Promise.all([queries.page(scope, filter, query.limit, after ? String(after[0]) : null, at), queries.counts(scope, filter, at)]);
      const page = pageOf(rows, query.limit, (r) => [r.id]);
      return { items: page.items.map((r) => presentSummary(r, at)), nextCursor: page.nextCursor, counts };
    },

    /** 排查: intake from any source; the hazard starts `reported`, awaiting verification. */
    async report(ctx: RequestContext, user: SessionUser, body: z.infer<typeof ReportHazardBody>): Promise<HazardDetail> {
      const scope = scopeOf(user);
      let enterprise: { id: string; regionCode: string } | null = null;
      if (scope.isEnterprise) {
        if (body.enterpriseId && body.enterpriseId !== scope.enterpriseId) throw notFound({ zh: '企业', en: 'Enterprise' }, 'body.enterpriseId');
        enterprise = { id: user.orgId, regionCode: user.regionCode };
      } else if (body.enterpriseId) {
        const org = await deps.orgs.findReachable(user, body.enterpriseId);
        if (!org || org.type !== 'enterprise' || !scope.coversRegion(org.regionCode)) throw notFound({ zh: '企业', en: 'Enterprise' }, 'body.enterpriseId');
        enterprise = { id: org.id, regionCode: org.regionCode };
      }
      const regionCode = body.regionCode !== undefined ? await deps.regions.resolve(body.regionCode, 'body.regionCode', scope) : enterprise?.regionCode;
      if (!regionCode) throw ruleViolation({ zh: '请填写所在区划或企业', en: 'give the region or the enterprise' }, 'body.regionCode');
      if (!scope.coversRegion(regionCode)) throw forbidden('hazard.report');
      // A department reports what it will then see and follow: a hazard in one of its industries.
      if (!scope.coversIndustry(body.industryCode)) {
        throw ruleViolation({ zh: '请选择本部门监管的行业', en: 'choose one of the industries your department supervises' }, 'body.industryCode');
      }
      if (!canReportFrom(orgAudience(user.orgType as OrgType), body.source)) {
        throw ruleViolation({ zh: '您所在单位不能上报此来源的隐患', en: 'your organisation cannot report hazards from this source' }, 'body.source');
      }
      const at = now();
      if (compareDates(body.foundOn, shanghaiDate(at)) > 0) throw ruleViolation({ zh: '发现日期不能晚于今天', en: 'the date found cannot be in the future' }, 'body.foundOn');
      const reporter = reporterOf(body);
      await assertOwnFiles(deps.ownedFiles, user, body.photos, 'body.photos');

      const created = await repo.insertReport({
        hazard: {
          title: body.title, description: body.description ?? '', enterprise_id: enterprise?.id ?? null, region_code: regionCode,
          industry_code: body.industryCode ?? null, location: body.location ?? null, latitude: body.latitude ?? null, longitude: body.longitude ?? null,
          level: body.level, criterion_clause: body.criterionClause ?? null, source: body.source, status: 'reported',
          // A citizen's name never sits in the row: it goes, encrypted, to hazard_reporters.
          found_by_name: body.source === 'public_report' ? '' : body.foundByName ?? user.displayName, found_on: body.foundOn, reported_by: user.id, reporter_org_id: user.orgId, reported_at: at,
          // Born at version 1 with its first event.
          version: 1, updated_at: at,
        },
        event: {
          seq: 1, action: 'report', from_status: null, to_status: 'reported', actor_id: user.id, actor_name: user.displayName,
          actor_org_id: user.orgId, actor_org_name: user.orgName, at, comment: null, data: { source: body.source, level: body.level },
        },
        photos: body.photos,
        notice: { title: `新上报隐患待核实：${body.title}`, exceptOrgId: user.orgId },
        reporter: reporter && sealIdentity(deps.pii, reporter),
        audit: deps.audit.row(ctx, { action: 'hazard.report', objectType: 'hazard', result: 'success', statusCode: 201, details: { level: body.level, source: body.source, regionCode } }),
      });
      ctx.audited = true;
      return presentDetail(created, user, at);
    },

    async act(ctx: RequestContext, user: SessionUser, id: string, action: HazardAction, body: unknown): Promise<HazardDetail> {
      await deps.perform(ctx, user, id, action, deps.handlers[action], body);
      return detail(user, id);
    },
  };
}

export type HazardsService = ReturnType<typeof createHazardsService>;
