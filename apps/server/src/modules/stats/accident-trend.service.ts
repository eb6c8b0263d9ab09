import type { z } from 'zod';
import {
  compareDates,
  monthPeriod,
  shanghaiDate,
  shiftYears,
  vetoFlag,
  type AccidentGrade,
  type AccidentTrend,
  type AccidentTrendQuery,
  type AccidentVetoList,
  type AccidentVetoQuery,
  type AccidentVetoUnit,
  type Bilingual,
} from '@anjian/domain';
import { scopeOf } from '../../platform/access/scope.js';
import type { SessionUser } from '../../platform/http/context.js';
import type { AccidentStatsRepository } from './accident-stats.repository.js';
import { statsTarget, type StatsRegions } from './stats-access.js';
import { figure } from './stats-figures.js';

export const VETO_BASIS: Bilingual = {
  zh: '一票否决：年度内发生重大及以上责任事故1起，或较大责任事故2起。按事故发生日期归属年度；调查认定为非责任事故的不计，尚未认定的暂计入（见 undetermined）。',
  en: 'Veto: in the year, one serious (or worse) accident with responsibility, or two major ones. The year is that of the date of occurrence; accidents an investigation found free of liability do not count, undetermined ones count for now (see undetermined).',
};

export function createAccidentTrendService(deps: { repo: AccidentStatsRepository; regions: StatsRegions; now: () => Date }) {
  const { repo } = deps;

  return {
    /**
     * Accidents and deaths per month of the year against the same month last year, for the
     * trend chart. The running month compares date for date (last year's month cut at the
     * same day); months not yet begun are zeros marked future.
     */
    async trend(user: SessionUser, q: z.infer<typeof AccidentTrendQuery>): Promise<AccidentTrend> {
      const scope = scopeOf(user);
      const target = await statsTarget(deps.regions, user, scope, q.regionCode, 'stats.read');
      const today = shanghaiDate(deps.now());
      const year = q.year ?? Number(today.slice(0, 4));
      const cutoff = shiftYears(today, -1);
      const rows = await repo.monthly({ scope, regionPrefix: target.prefix, year, category: q.category, cutoff });
      const at = (y: number, m: number) => rows.find((r) => r.y === y && r.m === m);
      return {
        region: { code: target.region.code, name: target.region.name, level: target.region.level },
        year,
        category: q.category ?? null,
        scopeIndustries: scope.industries === null ? null : [...scope.industries],
        months: Array.from({ length: 12 }, (_, i) => {
          const month = i + 1;
          const p = monthPeriod(year, month);
          const future = compareDates(p.from, today) > 0;
          const partial = !future && compareDates(p.to, today) > 0;
          const cur = at(year, month);
          const last = at(year - 1, month);
          const previous = { n: partial ? (last?.n_cut ?? 0) : (last?.n ?? 0), d: partial ? (last?.d_cut ?? 0) : (last?.d ?? 0) };
          return {
            month, from: p.from, to: p.to, future, partial,
            accidents: figure(cur?.n ?? 0, previous.n, q.decimals),
            deaths: figure(cur?.d ?? 0, previous.d, q.decimals),
          };
        }),
      };
    },

    /**
     * 一票否决 for a year: the region itself, each of its sub-regions (the units its level
     * assesses) and each enterprise in scope with one 重大+ or two 较大 accidents (vetoFlag).
     */
    async veto(user: SessionUser, q: z.infer<typeof AccidentVetoQuery>): Promise<AccidentVetoList> {
      const scope = scopeOf(user);
      const target = await statsTarget(deps.regions, user, scope, q.regionCode, 'stats.read');
      const year = q.year ?? Number(shanghaiDate(deps.now()).slice(0, 4));
      const [rows, children] = await Promise.all([
        repo.vetoCandidates({ scope, regionPrefix: target.prefix, year }),
        target.childLength === null ? Promise.resolve([]) : deps.regions.children(target.region.code, scope),
      ]);
      const items: AccidentVetoUnit[] = [];
      const judge = (kind: 'region' | 'enterprise', id: string, name: string, regionCode: string, counted: typeof rows) => {
        const flag = vetoFlag(counted.map((r) => ({ grade: r.grade as AccidentGrade })));
        if (flag.veto && flag.reason) {
          items.push({ kind, id, name, regionCode, reason: flag.reason, seriousOrAbove: flag.seriousOrAbove, major: flag.major, undetermined: counted.filter((r) => r.undetermined).length });
        }
      };
      judge('region', target.region.code, target.region.name, target.region.code, rows);
      for (const c of children) judge('region', c.code, c.name, c.code, rows.filter((r) => r.region_code.startsWith(c.code)));
      const enterprises = new Map<string, typeof rows>();
      for (const r of rows) if (r.enterprise_id) enterprises.set(r.enterprise_id, [...(enterprises.get(r.enterprise_id) ?? []), r]);
      for (const [id, counted] of [...enterprises].sort(([, a], [, b]) => (a[0]!.enterprise_name ?? '').localeCompare(b[0]!.enterprise_name ?? ''))) {
        judge('enterprise', id, counted[0]!.enterprise_name ?? id, counted[0]!.enterprise_region ?? counted[0]!.region_code, counted);
      }
      return { region: { code: target.region.code, name: target.region.name, level: target.region.level }, year, basis: VETO_BASIS, items };
    },
  };
}

export type AccidentTrendService = ReturnType<typeof createAccidentTrendService>;
