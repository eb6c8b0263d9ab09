import type { z } from 'zod';
import {
  ACCIDENT_CATEGORIES,
  ACCIDENT_CATEGORY_DEFINITIONS,
  ACCIDENT_GRADE_LABELS,
  ACCIDENT_GRADES,
  doubleRise,
  previousPeriod,
  samePeriodLastYear,
  shanghaiDate,
  type AccidentBreakdownRow,
  type AccidentRegionRow,
  type AccidentStats,
  type AccidentStatsQuery,
  type Bilingual,
  type Region,
} from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import type { SessionUser } from '../../platform/http/context.js';
import type { AccidentStatsRepository, AggregateRow, GroupSet } from './accident-stats.repository.js';
import type { IndicatorsService } from './indicators.service.js';
import { statsTarget, type StatsRegions } from './stats-access.js';
import { measures, shareView, ZERO, type Totals } from './stats-figures.js';
import { periodView, resolvePeriod } from './stats-period.js';

export interface AccidentStatsDeps {
  repo: AccidentStatsRepository;
  regions: StatsRegions;
  indicators: Pick<IndicatorsService, 'consumption'>;
  now: () => Date;
}

/** 统计口径 in one sentence; docs/statistics.md has the rest. */
export const ACCIDENT_BASIS: Bilingual = {
  zh: '按事故发生时间（北京时间）所在日期归属统计期间；死亡人数含失踪；伤亡和损失按补报期内最后一次补报后的数字；同比为与上年同期相比，上年同期为0时不计算百分比。',
  en: 'An accident belongs to the period containing its date of occurrence (Beijing time); deaths include the missing; figures are those after the last supplement within the window; year on year compares with the same dates last year, with no percentage when last year was 0.',
};

const NO_INDUSTRY: Bilingual = { zh: '未填写行业', en: 'No industry recorded' };
const AT_THIS_LEVEL: Bilingual = { zh: '本级（未落到下级区划）', en: 'At this level (no sub-region)' };

/** The ranking of sub-regions: most deaths first, then most accidents; equal on both → equal rank. */
function rankRegions<T extends { deaths: number; accidents: number; code: string }>(rows: T[]): (T & { rank: number })[] {
  const ordered = [...rows].sort((a, b) => b.deaths - a.deaths || b.accidents - a.accidents || a.code.localeCompare(b.code));
  return ordered.map((row, i) => {
    const first = ordered.findIndex((o) => o.deaths === row.deaths && o.accidents === row.accidents);
    return { ...row, rank: (first < 0 ? i : first) + 1 };
  });
}

export function createAccidentStatsService(deps: AccidentStatsDeps) {
  const { repo } = deps;

  return {
    async stats(user: SessionUser, q: z.infer<typeof AccidentStatsQuery>): Promise<AccidentStats> {
      const scope = scopeOf(user);
      const target = await statsTarget(deps.regions, user, scope, q.regionCode, 'stats.read');
      const today = shanghaiDate(deps.now());
      const period = resolvePeriod(q, today);
      const lastYear = samePeriodLastYear(period);
      const before = q.compare === 'mom' ? previousPeriod(period) : null;
      const periods = before ? [period, lastYear, before] : [period, lastYear];
      const filter = { category: q.category, industries: q.industry ?? [], grade: q.grade };
      const narrowed = filter.industries.length > 0 || filter.grade !== undefined;

      const [rows, children, industryNames, baseRows] = await Promise.all([
        repo.aggregate({ scope, regionPrefix: target.prefix, childLength: target.childLength, periods, filter }),
        target.childLength === null ? Promise.resolve([] as Region[]) : deps.regions.children(target.region.code, scope),
        repo.industryNames(),
        // The same question without the industry and grade filters: the whole the totals are a part of.
        narrowed ? repo.aggregate({ scope, regionPrefix: target.prefix, childLength: null, periods: [period], filter: { category: q.category }, totalsOnly: true }) : Promise.resolve(null),
      ]);

      const find = (set: GroupSet, key: string | null) => rows.find((r) => r.set === set && r.key === key);
      const totalsOf = (r: AggregateRow | undefined) => ({ cur: r?.periods[0] ?? ZERO, yoy: r?.periods[1] ?? ZERO, mom: r ? (r.periods[2] ?? null) : before ? ZERO : null });
      const total = totalsOf(find('total', null));
      const row = (key: string | null, label: Bilingual, t: ReturnType<typeof totalsOf>): AccidentBreakdownRow => ({
        key, label, ...measures(t.cur, t.yoy, q.decimals, t.mom),
        share: { accidents: shareView(t.cur.accidents, total.cur.accidents, q.decimals), deaths: shareView(t.cur.deaths, total.cur.deaths, q.decimals) },
      });

      // Industries that appear in any period compared; the rest would be rows of zeros.
      const industries = rows.filter((r) => r.set === 'industry').sort((a, b) => {
        if (a.key === null || b.key === null) return a.key === null ? 1 : -1;
        return b.periods[0]!.deaths - a.periods[0]!.deaths || b.periods[0]!.accidents - a.periods[0]!.accidents || a.key.localeCompare(b.key);
      });

      const subRows = children.map((c) => ({ code: c.code, name: c.name, level: c.level, atThisLevel: false, t: totalsOf(find('region', c.code)) }));
      // Accidents recorded on the region itself (not on a sub-region) still count in its totals: show them as their own row.
      const self = find('region', target.region.code);
      if (self) subRows.push({ code: target.region.code, name: target.region.name, level: target.region.level, atThisLevel: true, t: totalsOf(self) });
      // The region's own row is not a sub-region: it is listed last and not ranked (rank 0), so no township's place depends on it.
      const measured = subRows.map((r) => ({ ...r, deaths: r.t.cur.deaths, accidents: r.t.cur.accidents }));
      const ranked = [...rankRegions(measured.filter((r) => !r.atThisLevel)), ...measured.filter((r) => r.atThisLevel).map((r) => ({ ...r, rank: 0 }))];
      const byRegion: AccidentRegionRow[] = ranked.map((r) => ({
        ...row(r.code, r.atThisLevel ? AT_THIS_LEVEL : { zh: r.name, en: r.name }, r.t),
        code: r.code, name: r.name, level: r.level, atThisLevel: r.atThisLevel, rank: r.rank,
        doubleRise: doubleRise({ current: r.t.cur.accidents, previous: r.t.yoy.accidents }, { current: r.t.cur.deaths, previous: r.t.yoy.deaths }),
      }));

      const base: Totals | null = baseRows ? (baseRows.find((r) => r.set === 'total')?.periods[0] ?? ZERO) : null;
      return {
        region: { code: target.region.code, name: target.region.name, level: target.region.level },
        scopeIndustries: scope.industries === null ? null : [...scope.industries],
        period: periodView(period, q.period),
        samePeriodLastYear: periodView(lastYear, q.period),
        previousPeriod: before ? periodView(before, before.kind === 'custom' ? 'custom' : q.period) : null,
        basis: ACCIDENT_BASIS,
        decimals: q.decimals,
        filter: { category: q.category ?? null, industries: filter.industries, grade: q.grade ?? null },
        totals: measures(total.cur, total.yoy, q.decimals, total.mom),
        doubleRise: doubleRise({ current: total.cur.accidents, previous: total.yoy.accidents }, { current: total.cur.deaths, previous: total.yoy.deaths }),
        shareOfBase: base ? { accidents: shareView(total.cur.accidents, base.accidents, q.decimals), deaths: shareView(total.cur.deaths, base.deaths, q.decimals) } : null,
        byGrade: ACCIDENT_GRADES.map((g) => row(g, ACCIDENT_GRADE_LABELS[g], totalsOf(find('grade', g)))),
        byCategory: ACCIDENT_CATEGORIES.map((c) => row(c, ACCIDENT_CATEGORY_DEFINITIONS[c].label, totalsOf(find('category', c)))),
        byIndustry: industries.map((r) => row(r.key, r.key === null ? NO_INDUSTRY : (industryNames.get(r.key) ?? { zh: r.key, en: r.key }), totalsOf(r))),
        byRegion,
        indicators: await deps.indicators.consumption(scope, { code: target.region.code, prefix: target.prefix }, Number(period.to.slice(0, 4)), today),
        generatedAt: deps.now().toISOString(),
      };
    },
  };
}

export type AccidentStatsService = ReturnType<typeof createAccidentStatsService>;
