import { gradeAccident, regionLevel, type CreateAccidentBody } from '@anjian/domain';
import type { Scope } from '../../platform/access/scope.js';
import { forbidden, notFound, ruleViolation } from '../../platform/errors.js';
import type { SessionUser } from '../../platform/http/context.js';
import type { EnterprisesService } from '../enterprises/index.js';
import type { IndustriesService } from '../industries/index.js';
import type { RegionsService } from '../regions/index.js';
import type { AccidentsRepository, NewAccident } from './accidents.repository.js';

export interface IntakeDeps {
  repo: AccidentsRepository;
  regions: Pick<RegionsService, 'resolve'>;
  industries: Pick<IndustriesService, 'assertKnown'>;
  /** The enterprise registry's scope-checked lookup (a department sees only its industries' enterprises). */
  enterprises: Pick<EnterprisesService, 'findVisible'>;
}

const ENTERPRISE = { zh: '企业', en: 'Enterprise' };

/** Instants given by the caller may not lie ahead of the clock, nor run backwards. */
export function checkInstant(at: Date, field: string, opts: { notBefore?: { at: Date; what: { zh: string; en: string } }; now: Date }): void {
  if (at.getTime() > opts.now.getTime()) throw ruleViolation({ zh: '时间不能晚于当前时间', en: 'cannot lie in the future' }, field);
  if (opts.notBefore && at.getTime() < opts.notBefore.at.getTime()) {
    throw ruleViolation({ zh: `时间不能早于${opts.notBefore.what.zh}`, en: `cannot be earlier than ${opts.notBefore.what.en}` }, field);
  }
}

/**
 * Checks a batch of new accidents the way a single report is checked, and builds the rows.
 * The first problem refuses everything, naming its field ('body.items.3.regionCode'). The
 * grade comes from the figures alone (gradeAccident); it is never accepted as input.
 */
export async function prepareAccidents(
  deps: IntakeDeps,
  user: SessionUser,
  scope: Scope,
  items: CreateAccidentBody[],
  field: (index: number, name: string) => string,
  now: Date,
): Promise<NewAccident[]> {
  const regionCache = new Map<string, string>();
  const knownIndustries = new Set<string>();
  const knownEnterprises = new Set<string>();
  const rows: NewAccident[] = [];

  for (const [i, item] of items.entries()) {
    const occurredAt = new Date(item.occurredAt);
    checkInstant(occurredAt, field(i, 'occurredAt'), { now });
    const reportedAt = item.reportedAt ? new Date(item.reportedAt) : now;
    checkInstant(reportedAt, field(i, 'reportedAt'), { now, notBefore: { at: occurredAt, what: { zh: '事故发生时间', en: 'the time of the accident' } } });

    let regionCode = regionCache.get(item.regionCode);
    if (regionCode === undefined) {
      regionCode = await deps.regions.resolve(item.regionCode, field(i, 'regionCode'), scope);
      // Regions above one's own are visible (the breadcrumb) but not one's to report in.
      if (scope.isEnterprise || !scope.coversRegion(regionCode)) throw forbidden('accident.report');
      if (regionLevel(regionCode) === 0) throw ruleViolation({ zh: '须为省级及以下行政区划', en: 'must be a province or a region below it' }, field(i, 'regionCode'));
      regionCache.set(item.regionCode, regionCode);
    }

    if (item.enterpriseId !== undefined && !knownEnterprises.has(item.enterpriseId)) {
      if (!(await deps.enterprises.findVisible(user, item.enterpriseId))) throw notFound(ENTERPRISE, field(i, 'enterpriseId'));
      knownEnterprises.add(item.enterpriseId);
    }
    if (item.industryCode !== undefined && !knownIndustries.has(item.industryCode)) {
      await deps.industries.assertKnown([item.industryCode], field(i, 'industryCode'));
      knownIndustries.add(item.industryCode);
    }
    // A department reports only what it would then see: its own industries.
    if (!scope.coversIndustry(item.industryCode)) throw forbidden('accident.report');

    const figures = { deaths: item.deaths, missing: item.missing, seriousInjuries: item.seriousInjuries, directLossYuan: item.directLossYuan };
    const grade = gradeAccident(figures).grade;
    rows.push({
      occurred_at: occurredAt,
      region_code: regionCode,
      place: item.place,
      enterprise_id: item.enterpriseId ?? null,
      industry_code: item.industryCode ?? null,
      category: item.category,
      initial_deaths: item.deaths,
      initial_missing: item.missing,
      initial_serious_injuries: item.seriousInjuries,
      initial_minor_injuries: item.minorInjuries,
      initial_direct_loss_yuan: item.directLossYuan,
      initial_grade: grade,
      deaths: item.deaths,
      missing: item.missing,
      serious_injuries: item.seriousInjuries,
      minor_injuries: item.minorInjuries,
      direct_loss_yuan: item.directLossYuan,
      grade,
      summary: item.summary,
      cause: item.cause ? item.cause : null,
      reported_at: reportedAt,
      reported_by: user.id,
      reporter_org_id: user.orgId,
      created_at: now,
      updated_at: now,
    });
  }
  return rows;
}
