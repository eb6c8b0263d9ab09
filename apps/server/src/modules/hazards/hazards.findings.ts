import { canReportFrom, orgAudience, type HazardLevel, type HazardSource, type OrgType } from '@anjian/domain';
import type { AuditWriter } from '../../platform/audit/audit.writer.js';
import type { Tx } from '../../platform/db/database.js';
import { ruleViolation } from '../../platform/errors.js';
import type { RequestContext, SessionUser } from '../../platform/http/context.js';
import type { HazardsRepository } from './hazards.repository.js';

/** A finding another module (an inspection) files as a hazard, inside its own transaction. */
export interface Finding {
  enterpriseId: string;
  regionCode: string;
  industryCode: string;
  title: string;
  description: string;
  level: HazardLevel;
  /** The 判定标准 clause a 重大 finding carries. */
  criterionClause: string | null;
  source: HazardSource;
  foundOn: string;
  foundByName: string;
  /** Files already checked by the caller (uploaded by its team and held by its record). */
  photos: string[];
}

/**
 * 排查 from an inspection: the same intake as POST /api/hazards (the hazard starts `reported`
 * with its first event, photos, the verifier's notice and the audit row — one statement), but
 * on the caller's transaction, so the record and its hazards commit or fail together. The
 * caller has checked the enterprise is in the user's scope; the source must be one the
 * user's kind of organisation may report from.
 */
export function createFindingReporter(deps: { repo: HazardsRepository; audit: AuditWriter; now: () => Date }) {
  return async function reportFinding(tx: Tx, ctx: RequestContext, user: SessionUser, f: Finding): Promise<string> {
    if (!canReportFrom(orgAudience(user.orgType as OrgType), f.source)) {
      throw ruleViolation({ zh: '您所在单位不能上报此来源的隐患', en: 'your organisation cannot report hazards from this source' }, 'source');
    }
    const at = deps.now();
    const row = await deps.repo.insertReport({
      hazard: {
        title: f.title, description: f.description, enterprise_id: f.enterpriseId, region_code: f.regionCode, industry_code: f.industryCode,
        location: null, latitude: null, longitude: null, level: f.level, criterion_clause: f.criterionClause, source: f.source, status: 'reported',
        found_by_name: f.foundByName, found_on: f.foundOn, reported_by: user.id, reporter_org_id: user.orgId, reported_at: at, version: 1, updated_at: at,
      },
      event: {
        seq: 1, action: 'report', from_status: null, to_status: 'reported', actor_id: user.id, actor_name: user.displayName,
        actor_org_id: user.orgId, actor_org_name: user.orgName, at, comment: null, data: { source: f.source, level: f.level, criterionClause: f.criterionClause },
      },
      photos: f.photos,
      notice: { title: `检查发现隐患待核实：${f.title}`, exceptOrgId: user.orgId },
      reporter: null,
      audit: deps.audit.row(ctx, { action: 'hazard.report', objectType: 'hazard', result: 'success', statusCode: 201, details: { level: f.level, source: f.source, regionCode: f.regionCode } }),
    }, tx);
    return row.id;
  };
}

export type ReportFinding = ReturnType<typeof createFindingReporter>;
