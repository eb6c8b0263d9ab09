import {
  HAZARD_LEVEL_LABELS,
  HAZARD_LEVELS,
  HAZARD_SOURCE_LABELS,
  HAZARD_SOURCES,
  samePeriodLastYear,
  shanghaiDate,
  type Bilingual,
  type HazardStats,
  type HazardStatsQuery,
  type Region,
} from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import type { SessionUser } from '../../platform/http/context.js';
import type { AccidentStatsRepository } from './accident-stats.repository.js';
import { NO_HAZARDS, NO_SNAPSHOT, type HazardAggregateRow, type HazardCounts, type HazardSnapshotCounts, type HazardStatsRepository } from './hazard-stats.repository.js';
import type { HazardStatsRollup } from './hazard-stats.rollup.js';
import { statsTarget, type StatsRegions } from './stats-access.js';
import { figure, shareView } from './stats-figures.js';
import { periodView, resolvePeriod } from './stats-period.js';

export const HAZARD_BASIS: Bilingual = {
  zh: '排查数按隐患发现日期（北京时间）归属统计期间，不含不予认定的；销号数按销号日期归属，含往期发现、本期销号的隐患；整改率只看本期排查的隐患：其中截至目前已销号的比例（分母是本期排查数，不是销号数）；在办、逾期、验收超期、挂牌督办、曝光为截至目前的实时数。逾期指整改责任单位过了整改期限仍未整改到位（期限当天不算逾期），含期限后才申请验收的；验收超期指在期限内已申请验收、验收单位逾期未验收（期限与申请后10日两者较晚者之后），不计入企业逾期、不曝光。',
  en: 'Hazards found belong to the period containing the date found (Beijing time), rejected reports excluded; closures belong to the period of their closing date, including hazards found in earlier periods; the rectification rate looks only at the hazards found in the period: the share of them closed by now (its base is the hazards found, not the closures); open, overdue, acceptance overdue, listed and exposed are counted as of now. Overdue: the rectifying unit is past its deadline (the deadline day itself is in time), including those submitted for acceptance only after it; acceptance overdue: submitted on or before the deadline, the accepting unit has not accepted by the later of the deadline and 10 days from the submission — never counted as the enterprise\'s overdue, never exposed.',
};

const NO_INDUSTRY: Bilingual = { zh: '未填写行业', en: 'No industry recorded' };

function snapshotView(s: HazardSnapshotCounts) {
  return { open: s.open, overdue: s.overdue, acceptanceOverdue: s.acceptanceOverdue, listed: s.listed1 + s.listed2 + s.listed3, listedByLevel: { province: s.listed1, city: s.listed2, county: s.listed3 }, exposed: s.exposed, accountabilityRequired: s.accountability };
}

export function createHazardStatsService(deps: { repo: HazardStatsRepository; rollup: HazardStatsRollup; accidents: Pick<AccidentStatsRepository, 'industryNames'>; regions: StatsRegions; now: () => Date }) {
  return {
    async stats(user: SessionUser, q: HazardStatsQuery): Promise<HazardStats> {
      const scope = scopeOf(user);
      const target = await statsTarget(deps.regions, user, scope, q.regionCode, 'stats.read');
      const today = shanghaiDate(deps.now());
      const current = resolvePeriod(q, today);
      const lastYear = samePeriodLastYear(current);
      const query = { scope, regionPrefix: target.prefix, childLength: target.childLength, current, lastYear, industry: q.industry, level: q.level, today };
      // A province or city over its whole ledger reads the rollup; anything narrower counts live.
      const source = deps.rollup.answers(query) ? deps.rollup : deps.repo;
      const [rows, snapshot, children, industryNames] = await Promise.all([
        source.aggregate(query),
        source.snapshot(query),
        target.childLength === null ? Promise.resolve([] as Region[]) : deps.regions.children(target.region.code, scope),
        deps.accidents.industryNames(),
      ]);
      const find = (set: HazardAggregateRow['set'], key: string | null) => rows.find((r) => r.set === set && r.key === key)?.periods ?? [NO_HAZARDS, NO_HAZARDS];
      const measures = ([cur, ly]: readonly [HazardCounts, HazardCounts]) => ({
        found: figure(cur.found, ly.found, q.decimals),
        closed: figure(cur.closed, ly.closed, q.decimals),
        major: figure(cur.major, ly.major, q.decimals),
        rectificationRate: { ...shareView(cur.closedOfFound, cur.found, q.decimals), previous: shareView(ly.closedOfFound, ly.found, q.decimals) },
      });
      const breakdown = (key: string, label: Bilingual, periods: readonly [HazardCounts, HazardCounts]) => ({ key, label, ...measures(periods) });
      const industries = rows.filter((r) => r.set === 'industry' && (r.periods[0].found + r.periods[1].found + r.periods[0].closed > 0))
        .sort((a, b) => b.periods[0].found - a.periods[0].found || String(a.key).localeCompare(String(b.key)));

      return {
        region: { code: target.region.code, name: target.region.name, level: target.region.level },
        period: periodView(current, q.period),
        samePeriodLastYear: periodView(lastYear, q.period),
        basis: HAZARD_BASIS,
        totals: { ...measures(find('total', null)), snapshot: snapshotView(snapshot.total) },
        bySource: HAZARD_SOURCES.map((s) => breakdown(s, HAZARD_SOURCE_LABELS[s], find('source', s))),
        byLevel: HAZARD_LEVELS.map((l) => breakdown(l, HAZARD_LEVEL_LABELS[l], find('level', l))),
        byIndustry: industries.map((r) => breakdown(r.key ?? '', r.key === null ? NO_INDUSTRY : (industryNames.get(r.key) ?? { zh: r.key, en: r.key }), r.periods)),
        byRegion: children.map((c) => ({
          ...breakdown(c.code, { zh: c.name, en: c.name }, find('region', c.code)),
          code: c.code, name: c.name, level: c.level, snapshot: snapshotView(snapshot.byRegion.get(c.code) ?? NO_SNAPSHOT),
        })),
        generatedAt: deps.now().toISOString(),
      };
    },
  };
}

export type HazardStatsService = ReturnType<typeof createHazardStatsService>;
